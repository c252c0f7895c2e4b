CREATE TYPE "public"."account_kind" AS ENUM('allowance', 'earned', 'allowance_issuance', 'company_grants', 'redemption_hold', 'redeemed', 'forfeited', 'adjustments');--> statement-breakpoint
CREATE TYPE "public"."leaver_policy" AS ENUM('keep', 'forfeit');--> statement-breakpoint
CREATE TYPE "public"."person_role" AS ENUM('employee', 'manager', 'admin', 'finance');--> statement-breakpoint
CREATE TYPE "public"."recognition_source" AS ENUM('web', 'slack', 'api', 'system');--> statement-breakpoint
CREATE TYPE "public"."transaction_kind" AS ENUM('allowance_issue', 'allowance_adjust', 'give', 'grant', 'hold', 'settle', 'release', 'forfeit', 'adjustment');--> statement-breakpoint
CREATE TYPE "public"."values_mode" AS ENUM('off', 'optional', 'required');--> statement-breakpoint
CREATE TABLE "allowance_boosts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"period" char(7) NOT NULL,
	"amount" integer NOT NULL,
	"reason" text,
	"idempotency_key" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "allowance_boosts_org_key_unique" UNIQUE("org_id","idempotency_key"),
	CONSTRAINT "allowance_boosts_positive" CHECK ("allowance_boosts"."amount" > 0)
);
--> statement-breakpoint
CREATE TABLE "allowance_overrides" (
	"org_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"monthly_amount" integer NOT NULL,
	"set_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "allowance_overrides_org_id_person_id_pk" PRIMARY KEY("org_id","person_id"),
	CONSTRAINT "allowance_overrides_nonnegative" CHECK ("allowance_overrides"."monthly_amount" >= 0)
);
--> statement-breakpoint
CREATE TABLE "audit_log" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"actor_person_id" uuid,
	"action" text NOT NULL,
	"target_type" text NOT NULL,
	"target_id" text,
	"before" jsonb,
	"after" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "company_values" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"name" text NOT NULL,
	"description" text,
	"retired_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "company_values_org_name_unique" UNIQUE("org_id","name"),
	CONSTRAINT "company_values_org_id_id_unique" UNIQUE("org_id","id"),
	CONSTRAINT "company_values_name_format" CHECK ("company_values"."name" ~ '^[a-z0-9][a-z0-9_-]{0,39}$')
);
--> statement-breakpoint
CREATE TABLE "ledger_accounts" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"person_id" uuid,
	"kind" "account_kind" NOT NULL,
	"period" char(7),
	"slot" smallint DEFAULT 0 NOT NULL,
	"balance" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "ledger_accounts_org_id_id_unique" UNIQUE("org_id","id"),
	CONSTRAINT "ledger_accounts_owner_unique" UNIQUE NULLS NOT DISTINCT("org_id","person_id","kind","period","slot"),
	CONSTRAINT "ledger_accounts_slot_range" CHECK ("ledger_accounts"."slot" = 0 or ("ledger_accounts"."kind" = 'earned' and "ledger_accounts"."slot" between 1 and 7)),
	CONSTRAINT "ledger_accounts_person_shape" CHECK (("ledger_accounts"."person_id" is not null) = ("ledger_accounts"."kind" in ('allowance', 'earned'))
        and ("ledger_accounts"."period" is not null) = ("ledger_accounts"."kind" = 'allowance')
        and ("ledger_accounts"."balance" is not null) = ("ledger_accounts"."person_id" is not null)),
	CONSTRAINT "ledger_accounts_person_nonnegative" CHECK ("ledger_accounts"."balance" is null or "ledger_accounts"."balance" >= 0)
);
--> statement-breakpoint
CREATE TABLE "ledger_entries" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"transaction_id" bigint NOT NULL,
	"account_id" bigint NOT NULL,
	"amount" bigint NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "ledger_entries_nonzero" CHECK ("ledger_entries"."amount" <> 0)
);
--> statement-breakpoint
CREATE TABLE "ledger_transactions" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"kind" "transaction_kind" NOT NULL,
	"idempotency_key" text NOT NULL,
	"request_hash" text NOT NULL,
	"result" jsonb,
	"closes_transaction_id" bigint,
	"actor_person_id" uuid,
	"memo" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "ledger_transactions_org_id_id_unique" UNIQUE("org_id","id"),
	CONSTRAINT "ledger_transactions_org_key_unique" UNIQUE("org_id","idempotency_key"),
	CONSTRAINT "ledger_transactions_closes_shape" CHECK (("ledger_transactions"."closes_transaction_id" is not null) = ("ledger_transactions"."kind" in ('settle', 'release')))
);
--> statement-breakpoint
CREATE TABLE "organizations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"slug" text NOT NULL,
	"time_zone" text DEFAULT 'UTC' NOT NULL,
	"currency" char(3) DEFAULT 'USD' NOT NULL,
	"point_value_points" integer DEFAULT 10 NOT NULL,
	"point_value_minor" integer DEFAULT 100 NOT NULL,
	"default_monthly_allowance" integer DEFAULT 100 NOT NULL,
	"manager_allowance_per_report" integer DEFAULT 0 NOT NULL,
	"min_points_per_recognition" integer DEFAULT 1 NOT NULL,
	"max_points_per_recognition" integer DEFAULT 100 NOT NULL,
	"values_mode" "values_mode" DEFAULT 'optional' NOT NULL,
	"leaver_policy" "leaver_policy" DEFAULT 'keep' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "organizations_slug_unique" UNIQUE("slug"),
	CONSTRAINT "organizations_point_value_positive" CHECK ("organizations"."point_value_points" > 0 and "organizations"."point_value_minor" >= 0),
	CONSTRAINT "organizations_allowance_nonnegative" CHECK ("organizations"."default_monthly_allowance" >= 0),
	CONSTRAINT "organizations_manager_allowance_nonnegative" CHECK ("organizations"."manager_allowance_per_report" >= 0),
	CONSTRAINT "organizations_recognition_bounds" CHECK ("organizations"."min_points_per_recognition" >= 1 and "organizations"."max_points_per_recognition" >= "organizations"."min_points_per_recognition")
);
--> statement-breakpoint
CREATE TABLE "people" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"name" text NOT NULL,
	"email" text NOT NULL,
	"roles" "person_role"[] DEFAULT '{employee}'::person_role[] NOT NULL,
	"manager_id" uuid,
	"department" text,
	"cost_center" text,
	"external_employee_id" text,
	"active" boolean DEFAULT true NOT NULL,
	"deactivated_at" timestamp with time zone,
	"is_bot" boolean DEFAULT false NOT NULL,
	"slack_team_id" text,
	"slack_user_id" text,
	"birthday" date,
	"hire_date" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "people_org_email_unique" UNIQUE("org_id","email"),
	CONSTRAINT "people_org_id_id_unique" UNIQUE("org_id","id"),
	CONSTRAINT "people_email_lowercase" CHECK ("people"."email" = lower("people"."email")),
	CONSTRAINT "people_not_own_manager" CHECK ("people"."manager_id" is distinct from "people"."id")
);
--> statement-breakpoint
CREATE TABLE "recognition_recipients" (
	"recognition_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"amount" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "recognition_recipients_recognition_id_person_id_pk" PRIMARY KEY("recognition_id","person_id")
);
--> statement-breakpoint
CREATE TABLE "recognition_values" (
	"recognition_id" uuid NOT NULL,
	"value_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	CONSTRAINT "recognition_values_recognition_id_value_id_pk" PRIMARY KEY("recognition_id","value_id")
);
--> statement-breakpoint
CREATE TABLE "recognitions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"giver_id" uuid,
	"source" "recognition_source" NOT NULL,
	"message" text NOT NULL,
	"amount_per_recipient" integer NOT NULL,
	"total_amount" integer NOT NULL,
	"transaction_id" bigint NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "recognitions_org_id_id_unique" UNIQUE("org_id","id"),
	CONSTRAINT "recognitions_amount_positive" CHECK ("recognitions"."amount_per_recipient" > 0)
);
--> statement-breakpoint
ALTER TABLE "allowance_boosts" ADD CONSTRAINT "allowance_boosts_person" FOREIGN KEY ("org_id","person_id") REFERENCES "public"."people"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "allowance_overrides" ADD CONSTRAINT "allowance_overrides_person" FOREIGN KEY ("org_id","person_id") REFERENCES "public"."people"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "company_values" ADD CONSTRAINT "company_values_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_accounts" ADD CONSTRAINT "ledger_accounts_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_accounts" ADD CONSTRAINT "ledger_accounts_person" FOREIGN KEY ("org_id","person_id") REFERENCES "public"."people"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_entries" ADD CONSTRAINT "ledger_entries_transaction_same_org" FOREIGN KEY ("org_id","transaction_id") REFERENCES "public"."ledger_transactions"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_entries" ADD CONSTRAINT "ledger_entries_account_same_org" FOREIGN KEY ("org_id","account_id") REFERENCES "public"."ledger_accounts"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "people" ADD CONSTRAINT "people_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "people" ADD CONSTRAINT "people_manager_same_org" FOREIGN KEY ("org_id","manager_id") REFERENCES "public"."people"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recognition_recipients" ADD CONSTRAINT "recognition_recipients_recognition_same_org" FOREIGN KEY ("org_id","recognition_id") REFERENCES "public"."recognitions"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recognition_values" ADD CONSTRAINT "recognition_values_recognition_same_org" FOREIGN KEY ("org_id","recognition_id") REFERENCES "public"."recognitions"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recognitions" ADD CONSTRAINT "recognitions_transaction_id_ledger_transactions_id_fk" FOREIGN KEY ("transaction_id") REFERENCES "public"."ledger_transactions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recognitions" ADD CONSTRAINT "recognitions_giver_same_org" FOREIGN KEY ("org_id","giver_id") REFERENCES "public"."people"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "allowance_boosts_person_period_idx" ON "allowance_boosts" USING btree ("org_id","person_id","period");--> statement-breakpoint
CREATE INDEX "audit_log_org_time_idx" ON "audit_log" USING btree ("org_id","created_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "ledger_entries_transaction_idx" ON "ledger_entries" USING btree ("transaction_id");--> statement-breakpoint
CREATE INDEX "ledger_entries_account_idx" ON "ledger_entries" USING btree ("account_id");--> statement-breakpoint
CREATE UNIQUE INDEX "ledger_transactions_closes_once" ON "ledger_transactions" USING btree ("closes_transaction_id") WHERE "ledger_transactions"."closes_transaction_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "people_org_external_id_unique" ON "people" USING btree ("org_id","external_employee_id") WHERE "people"."external_employee_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "people_slack_user_unique" ON "people" USING btree ("org_id","slack_team_id","slack_user_id") WHERE "people"."slack_user_id" is not null;--> statement-breakpoint
CREATE INDEX "people_org_manager_idx" ON "people" USING btree ("org_id","manager_id");--> statement-breakpoint
CREATE INDEX "people_org_department_idx" ON "people" USING btree ("org_id","department");--> statement-breakpoint
CREATE INDEX "recognition_recipients_person_idx" ON "recognition_recipients" USING btree ("org_id","person_id","created_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "recognition_recipients_org_time_idx" ON "recognition_recipients" USING btree ("org_id","created_at");--> statement-breakpoint
CREATE INDEX "recognition_values_value_idx" ON "recognition_values" USING btree ("org_id","value_id");--> statement-breakpoint
CREATE INDEX "recognitions_feed_idx" ON "recognitions" USING btree ("org_id","created_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "recognitions_giver_idx" ON "recognitions" USING btree ("org_id","giver_id","created_at" DESC NULLS LAST,"id" DESC NULLS LAST);