CREATE TYPE "public"."delivery_method" AS ENUM('email', 'link');--> statement-breakpoint
CREATE TYPE "public"."delivery_status" AS ENUM('scheduled', 'pending', 'succeeded', 'failed');--> statement-breakpoint
CREATE TYPE "public"."provider_environment" AS ENUM('sandbox', 'production');--> statement-breakpoint
CREATE TYPE "public"."redemption_kind" AS ENUM('gift_card', 'charity', 'custom');--> statement-breakpoint
CREATE TYPE "public"."redemption_status" AS ENUM('awaiting_approval', 'submitted', 'awaiting_fulfillment', 'fulfilled', 'failed', 'declined', 'needs_attention', 'canceled');--> statement-breakpoint
CREATE TYPE "public"."reward_provider" AS ENUM('sandbox', 'tremendous');--> statement-breakpoint
ALTER TYPE "public"."transaction_kind" ADD VALUE 'reversal';--> statement-breakpoint
CREATE TABLE "custom_rewards" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"points_price" integer NOT NULL,
	"stock" integer,
	"requires_approval" boolean DEFAULT false NOT NULL,
	"internal_cost_minor" bigint,
	"retired_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "custom_rewards_org_id_id_unique" UNIQUE("org_id","id"),
	CONSTRAINT "custom_rewards_price_positive" CHECK ("custom_rewards"."points_price" > 0),
	CONSTRAINT "custom_rewards_stock_nonnegative" CHECK ("custom_rewards"."stock" is null or "custom_rewards"."stock" >= 0),
	CONSTRAINT "custom_rewards_cost_nonnegative" CHECK ("custom_rewards"."internal_cost_minor" is null or "custom_rewards"."internal_cost_minor" >= 0)
);
--> statement-breakpoint
CREATE TABLE "notifications" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"dedupe_key" text NOT NULL,
	"kind" text NOT NULL,
	"payload" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"done_at" timestamp with time zone,
	"outcome" text,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "notifications_org_key_unique" UNIQUE("org_id","dedupe_key")
);
--> statement-breakpoint
CREATE TABLE "provider_products" (
	"org_id" uuid NOT NULL,
	"product_id" text NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"kind" "redemption_kind" NOT NULL,
	"category" text NOT NULL,
	"subcategory" text,
	"disclosure" text,
	"usage_instructions" text,
	"currency" char(3) NOT NULL,
	"countries" text[] NOT NULL,
	"image_url" text,
	"skus" jsonb NOT NULL,
	"available" boolean DEFAULT true NOT NULL,
	"synced_at" timestamp with time zone NOT NULL,
	CONSTRAINT "provider_products_org_id_product_id_pk" PRIMARY KEY("org_id","product_id"),
	CONSTRAINT "provider_products_not_custom" CHECK ("provider_products"."kind" <> 'custom')
);
--> statement-breakpoint
CREATE TABLE "provider_webhook_events" (
	"provider" "reward_provider" NOT NULL,
	"uuid" text NOT NULL,
	"org_id" uuid,
	"event" text NOT NULL,
	"resource_type" text NOT NULL,
	"resource_id" text NOT NULL,
	"received_at" timestamp with time zone NOT NULL,
	CONSTRAINT "provider_webhook_events_provider_uuid_pk" PRIMARY KEY("provider","uuid")
);
--> statement-breakpoint
CREATE TABLE "redemptions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"kind" "redemption_kind" NOT NULL,
	"status" "redemption_status" NOT NULL,
	"idempotency_key" text NOT NULL,
	"request_hash" text NOT NULL,
	"points" integer NOT NULL,
	"point_value_points" integer NOT NULL,
	"point_value_minor" integer NOT NULL,
	"face_value_minor" bigint NOT NULL,
	"currency" char(3) NOT NULL,
	"product_id" text,
	"custom_reward_id" uuid,
	"brand" text NOT NULL,
	"reward_name" text NOT NULL,
	"internal_cost_minor" bigint,
	"person_name" text NOT NULL,
	"person_email" text NOT NULL,
	"external_employee_id" text,
	"department" text,
	"cost_center" text,
	"delivery_method" "delivery_method",
	"recipient_email" text,
	"share_in_feed" boolean DEFAULT false NOT NULL,
	"provider" "reward_provider",
	"provider_order_id" text,
	"provider_reward_id" text,
	"provider_status" text,
	"delivery_status" "delivery_status",
	"charged_minor" bigint,
	"fees_minor" bigint,
	"charged_currency" char(3),
	"gift_link_encrypted" text,
	"hold_transaction_id" bigint NOT NULL,
	"close_transaction_id" bigint,
	"reversal_transaction_id" bigint,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"outcome_reason" text,
	"attention_reason" text,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone,
	"last_error" text,
	"requested_at" timestamp with time zone NOT NULL,
	"fulfilled_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "redemptions_org_key_unique" UNIQUE("org_id","idempotency_key"),
	CONSTRAINT "redemptions_hold_unique" UNIQUE("hold_transaction_id"),
	CONSTRAINT "redemptions_org_id_id_unique" UNIQUE("org_id","id"),
	CONSTRAINT "redemptions_points_positive" CHECK ("redemptions"."points" > 0),
	CONSTRAINT "redemptions_face_value_nonnegative" CHECK ("redemptions"."face_value_minor" >= 0),
	CONSTRAINT "redemptions_kind_shape" CHECK (("redemptions"."kind" = 'custom') = ("redemptions"."custom_reward_id" is not null)
        and ("redemptions"."kind" = 'custom') = ("redemptions"."provider" is null)
        and ("redemptions"."kind" = 'custom') = ("redemptions"."product_id" is null))
);
--> statement-breakpoint
CREATE TABLE "reward_settings" (
	"org_id" uuid PRIMARY KEY NOT NULL,
	"redemptions_enabled" boolean DEFAULT false NOT NULL,
	"provider" "reward_provider" DEFAULT 'sandbox' NOT NULL,
	"environment" "provider_environment" DEFAULT 'sandbox' NOT NULL,
	"api_key_encrypted" text,
	"webhook_key_encrypted" text,
	"funding_source_id" text,
	"delivery_method" "delivery_method" DEFAULT 'email' NOT NULL,
	"approval_threshold" integer,
	"offered_countries" text[] DEFAULT '{US}'::text[] NOT NULL,
	"offered_categories" text[] DEFAULT '{}'::text[] NOT NULL,
	"excluded_product_ids" text[] DEFAULT '{}'::text[] NOT NULL,
	"catalog_synced_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "reward_settings_threshold_nonnegative" CHECK ("reward_settings"."approval_threshold" >= 0)
);
--> statement-breakpoint
ALTER TABLE "custom_rewards" ADD CONSTRAINT "custom_rewards_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_person_same_org" FOREIGN KEY ("org_id","person_id") REFERENCES "public"."people"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "provider_products" ADD CONSTRAINT "provider_products_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "redemptions" ADD CONSTRAINT "redemptions_person_same_org" FOREIGN KEY ("org_id","person_id") REFERENCES "public"."people"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "redemptions" ADD CONSTRAINT "redemptions_custom_reward_same_org" FOREIGN KEY ("org_id","custom_reward_id") REFERENCES "public"."custom_rewards"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "redemptions" ADD CONSTRAINT "redemptions_hold_same_org" FOREIGN KEY ("org_id","hold_transaction_id") REFERENCES "public"."ledger_transactions"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "redemptions" ADD CONSTRAINT "redemptions_close_same_org" FOREIGN KEY ("org_id","close_transaction_id") REFERENCES "public"."ledger_transactions"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "redemptions" ADD CONSTRAINT "redemptions_reversal_same_org" FOREIGN KEY ("org_id","reversal_transaction_id") REFERENCES "public"."ledger_transactions"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reward_settings" ADD CONSTRAINT "reward_settings_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "notifications_due_idx" ON "notifications" USING btree ("next_attempt_at") WHERE "notifications"."done_at" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "redemptions_provider_order_unique" ON "redemptions" USING btree ("provider","provider_order_id") WHERE "redemptions"."provider_order_id" is not null;--> statement-breakpoint
CREATE INDEX "redemptions_person_idx" ON "redemptions" USING btree ("org_id","person_id","requested_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "redemptions_org_time_idx" ON "redemptions" USING btree ("org_id","requested_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "redemptions_status_idx" ON "redemptions" USING btree ("org_id","status");--> statement-breakpoint
CREATE INDEX "redemptions_fulfilled_idx" ON "redemptions" USING btree ("org_id","fulfilled_at");--> statement-breakpoint
CREATE INDEX "redemptions_due_idx" ON "redemptions" USING btree ("next_attempt_at") WHERE "redemptions"."next_attempt_at" is not null;--> statement-breakpoint
CREATE INDEX "redemptions_provider_reward_idx" ON "redemptions" USING btree ("provider_reward_id");