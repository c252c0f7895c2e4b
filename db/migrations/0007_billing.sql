CREATE TYPE "public"."bill_line_type" AS ENUM('charge', 'credit', 'fee');--> statement-breakpoint
CREATE TYPE "public"."bill_status" AS ENUM('open', 'closed');--> statement-breakpoint
CREATE TABLE "bill_lines" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"bill_id" uuid NOT NULL,
	"line_number" integer,
	"line_type" "bill_line_type" NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	"redemption_id" uuid NOT NULL,
	"requested_at" timestamp with time zone NOT NULL,
	"fulfilled_at" timestamp with time zone NOT NULL,
	"fulfilled_date" char(10) NOT NULL,
	"person_id" uuid NOT NULL,
	"external_employee_id" text,
	"person_name" text NOT NULL,
	"person_email" text NOT NULL,
	"department" text,
	"cost_center" text,
	"reward_kind" "redemption_kind" NOT NULL,
	"brand" text NOT NULL,
	"reward_name" text NOT NULL,
	"provider" "reward_provider",
	"provider_order_id" text,
	"provider_reward_id" text,
	"product_id" text,
	"points" integer NOT NULL,
	"point_value_points" integer NOT NULL,
	"point_value_minor" integer NOT NULL,
	"face_value_minor" bigint NOT NULL,
	"billed_minor" bigint NOT NULL,
	"fee_minor" bigint DEFAULT 0 NOT NULL,
	"internal_cost_minor" bigint,
	"currency" char(3) NOT NULL,
	"status" text NOT NULL,
	"refers_to_line_id" bigint,
	"ledger_transaction_id" bigint NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "bill_lines_redemption_type_unique" UNIQUE("redemption_id","line_type"),
	CONSTRAINT "bill_lines_credit_shape" CHECK (("bill_lines"."line_type" = 'credit') = ("bill_lines"."refers_to_line_id" is not null))
);
--> statement-breakpoint
CREATE TABLE "billing_settings" (
	"org_id" uuid PRIMARY KEY NOT NULL,
	"close_after_days" integer DEFAULT 5 NOT NULL,
	"number_prefix" text,
	"taxable_kinds" "redemption_kind"[] DEFAULT '{gift_card}'::redemption_kind[] NOT NULL,
	"next_sequence" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "billing_settings_close_after" CHECK ("billing_settings"."close_after_days" between 0 and 60),
	CONSTRAINT "billing_settings_sequence_positive" CHECK ("billing_settings"."next_sequence" >= 1)
);
--> statement-breakpoint
CREATE TABLE "bills" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"period" char(7) NOT NULL,
	"time_zone" text NOT NULL,
	"period_start" timestamp with time zone NOT NULL,
	"period_end" timestamp with time zone NOT NULL,
	"currency" char(3) NOT NULL,
	"status" "bill_status" DEFAULT 'open' NOT NULL,
	"sequence" integer,
	"number" text,
	"org_name" text,
	"closed_at" timestamp with time zone,
	"closed_by" uuid,
	"csv_sha256" char(64),
	"totals" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "bills_org_period_unique" UNIQUE("org_id","period"),
	CONSTRAINT "bills_org_sequence_unique" UNIQUE("org_id","sequence"),
	CONSTRAINT "bills_org_number_unique" UNIQUE("org_id","number"),
	CONSTRAINT "bills_org_id_id_unique" UNIQUE("org_id","id"),
	CONSTRAINT "bills_closed_shape" CHECK (("bills"."status" = 'closed') = ("bills"."sequence" is not null and "bills"."number" is not null
        and "bills"."closed_at" is not null and "bills"."csv_sha256" is not null and "bills"."totals" is not null
        and "bills"."org_name" is not null))
);
--> statement-breakpoint
CREATE TABLE "ledger_day_totals" (
	"org_id" uuid NOT NULL,
	"day" date NOT NULL,
	"kind" "transaction_kind" NOT NULL,
	"earned" bigint NOT NULL,
	"held" bigint NOT NULL,
	CONSTRAINT "ledger_day_totals_org_id_day_kind_pk" PRIMARY KEY("org_id","day","kind")
);
--> statement-breakpoint
CREATE TABLE "ledger_days_summarised" (
	"org_id" uuid NOT NULL,
	"day" date NOT NULL,
	CONSTRAINT "ledger_days_summarised_org_id_day_pk" PRIMARY KEY("org_id","day")
);
--> statement-breakpoint
ALTER TABLE "bill_lines" ADD CONSTRAINT "bill_lines_bill_same_org" FOREIGN KEY ("org_id","bill_id") REFERENCES "public"."bills"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bill_lines" ADD CONSTRAINT "bill_lines_redemption_same_org" FOREIGN KEY ("org_id","redemption_id") REFERENCES "public"."redemptions"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bill_lines" ADD CONSTRAINT "bill_lines_refers_to" FOREIGN KEY ("refers_to_line_id") REFERENCES "public"."bill_lines"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "billing_settings" ADD CONSTRAINT "billing_settings_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bills" ADD CONSTRAINT "bills_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "bill_lines_number_unique" ON "bill_lines" USING btree ("bill_id","line_number") WHERE "bill_lines"."line_number" is not null;--> statement-breakpoint
CREATE INDEX "bill_lines_order_idx" ON "bill_lines" USING btree ("bill_id","occurred_at","redemption_id","line_type");--> statement-breakpoint
CREATE INDEX "bills_open_idx" ON "bills" USING btree ("period_end") WHERE "bills"."status" = 'open';--> statement-breakpoint
CREATE INDEX "ledger_transactions_org_time_idx" ON "ledger_transactions" USING btree ("org_id","created_at");