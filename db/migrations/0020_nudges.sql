ALTER TABLE "people" ADD COLUMN "allowance_reminders" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "people" ADD COLUMN "team_digest" boolean DEFAULT true NOT NULL;