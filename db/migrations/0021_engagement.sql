CREATE TYPE "public"."celebration_occasion" AS ENUM('birthday', 'work_anniversary');--> statement-breakpoint
CREATE TYPE "public"."level_window" AS ENUM('rolling_12_months', 'all_time');--> statement-breakpoint
ALTER TYPE "public"."account_kind" ADD VALUE 'campaign_bonus';--> statement-breakpoint
CREATE TABLE "campaigns" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"name" text NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date,
	"value_id" uuid,
	"multiplier" smallint NOT NULL,
	"budget" bigint,
	"bonus_spent" bigint DEFAULT 0 NOT NULL,
	"created_by" uuid,
	"ended_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "campaigns_org_id_id_unique" UNIQUE("org_id","id"),
	CONSTRAINT "campaigns_multiplier_range" CHECK ("campaigns"."multiplier" between 2 and 5),
	CONSTRAINT "campaigns_dates_ordered" CHECK ("campaigns"."ends_on" is null or "campaigns"."ends_on" >= "campaigns"."starts_on"),
	CONSTRAINT "campaigns_budget_kept" CHECK ("campaigns"."bonus_spent" >= 0 and ("campaigns"."budget" is null or ("campaigns"."budget" > 0 and "campaigns"."bonus_spent" <= "campaigns"."budget")))
);
--> statement-breakpoint
CREATE TABLE "celebrations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"occasion" "celebration_occasion" NOT NULL,
	"year" smallint NOT NULL,
	"celebrated_on" date NOT NULL,
	"years" smallint,
	"points" integer NOT NULL,
	"recognition_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "celebrations_once_a_year" UNIQUE("org_id","person_id","occasion","year")
);
--> statement-breakpoint
CREATE TABLE "level_achievements" (
	"org_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"level_id" uuid NOT NULL,
	"reached_at" timestamp with time zone NOT NULL,
	"recognition_id" uuid,
	CONSTRAINT "level_achievements_org_id_person_id_level_id_pk" PRIMARY KEY("org_id","person_id","level_id")
);
--> statement-breakpoint
CREATE TABLE "levels" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"name" text NOT NULL,
	"threshold" integer NOT NULL,
	"grant_points" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "levels_org_id_id_unique" UNIQUE("org_id","id"),
	CONSTRAINT "levels_org_name_unique" UNIQUE("org_id","name"),
	CONSTRAINT "levels_org_threshold_unique" UNIQUE("org_id","threshold"),
	CONSTRAINT "levels_threshold_positive" CHECK ("levels"."threshold" > 0),
	CONSTRAINT "levels_grant_positive" CHECK ("levels"."grant_points" > 0)
);
--> statement-breakpoint
ALTER TABLE "organizations" ADD COLUMN "birthday_points" integer;--> statement-breakpoint
ALTER TABLE "organizations" ADD COLUMN "anniversary_points" integer;--> statement-breakpoint
ALTER TABLE "organizations" ADD COLUMN "anniversary_points_per_year" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "organizations" ADD COLUMN "celebration_channel" text;--> statement-breakpoint
ALTER TABLE "organizations" ADD COLUMN "level_window" "level_window" DEFAULT 'rolling_12_months' NOT NULL;--> statement-breakpoint
ALTER TABLE "people" ADD COLUMN "public_celebrations" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "recognitions" ADD COLUMN "campaign_id" uuid;--> statement-breakpoint
ALTER TABLE "recognitions" ADD COLUMN "bonus_per_recipient" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "recognitions" ADD COLUMN "in_feed" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "campaigns" ADD CONSTRAINT "campaigns_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaigns" ADD CONSTRAINT "campaigns_value_same_org" FOREIGN KEY ("org_id","value_id") REFERENCES "public"."company_values"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaigns" ADD CONSTRAINT "campaigns_creator_same_org" FOREIGN KEY ("org_id","created_by") REFERENCES "public"."people"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "celebrations" ADD CONSTRAINT "celebrations_person_same_org" FOREIGN KEY ("org_id","person_id") REFERENCES "public"."people"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "celebrations" ADD CONSTRAINT "celebrations_recognition_same_org" FOREIGN KEY ("org_id","recognition_id") REFERENCES "public"."recognitions"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "level_achievements" ADD CONSTRAINT "level_achievements_person_same_org" FOREIGN KEY ("org_id","person_id") REFERENCES "public"."people"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "level_achievements" ADD CONSTRAINT "level_achievements_level_same_org" FOREIGN KEY ("org_id","level_id") REFERENCES "public"."levels"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "level_achievements" ADD CONSTRAINT "level_achievements_recognition_same_org" FOREIGN KEY ("org_id","recognition_id") REFERENCES "public"."recognitions"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "levels" ADD CONSTRAINT "levels_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "campaigns_org_dates_idx" ON "campaigns" USING btree ("org_id","starts_on");--> statement-breakpoint
CREATE INDEX "celebrations_org_day_idx" ON "celebrations" USING btree ("org_id","celebrated_on");--> statement-breakpoint
ALTER TABLE "recognitions" ADD CONSTRAINT "recognitions_campaign_same_org" FOREIGN KEY ("org_id","campaign_id") REFERENCES "public"."campaigns"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organizations" ADD CONSTRAINT "organizations_celebration_points" CHECK ("organizations"."birthday_points" > 0 and "organizations"."anniversary_points" > 0 and "organizations"."anniversary_points_per_year" >= 0);--> statement-breakpoint
ALTER TABLE "recognitions" ADD CONSTRAINT "recognitions_bonus_with_campaign" CHECK ("recognitions"."bonus_per_recipient" >= 0 and ("recognitions"."bonus_per_recipient" = 0 or "recognitions"."campaign_id" is not null));