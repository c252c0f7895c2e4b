CREATE TABLE "slack_installations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"team_id" text NOT NULL,
	"team_name" text,
	"enterprise_id" text,
	"bot_user_id" text NOT NULL,
	"bot_id" text,
	"bot_token_encrypted" text NOT NULL,
	"scopes" text,
	"installed_by_slack_user" text,
	"installed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "slack_installations_team_unique" UNIQUE("team_id")
);
--> statement-breakpoint
ALTER TABLE "organizations" ADD COLUMN "slack_recognition_channel" text;--> statement-breakpoint
ALTER TABLE "organizations" ADD COLUMN "slack_auto_provision" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "slack_installations" ADD CONSTRAINT "slack_installations_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "slack_installations_org_idx" ON "slack_installations" USING btree ("org_id");