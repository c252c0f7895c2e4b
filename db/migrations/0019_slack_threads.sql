CREATE TABLE "slack_announcements" (
	"org_id" uuid NOT NULL,
	"recognition_id" uuid NOT NULL,
	"team_id" text NOT NULL,
	"channel_id" text NOT NULL,
	"message_ts" text NOT NULL,
	"thread_ts" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "slack_announcements_org_id_recognition_id_pk" PRIMARY KEY("org_id","recognition_id"),
	CONSTRAINT "slack_announcements_message_unique" UNIQUE("org_id","channel_id","message_ts")
);
--> statement-breakpoint
ALTER TABLE "recognition_comments" ADD COLUMN "source" "recognition_source" DEFAULT 'web' NOT NULL;--> statement-breakpoint
ALTER TABLE "recognition_reactions" ADD COLUMN "source" "recognition_source" DEFAULT 'web' NOT NULL;--> statement-breakpoint
ALTER TABLE "slack_announcements" ADD CONSTRAINT "slack_announcements_recognition_same_org" FOREIGN KEY ("org_id","recognition_id") REFERENCES "public"."recognitions"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "slack_announcements_thread_idx" ON "slack_announcements" USING btree ("org_id","channel_id","thread_ts");