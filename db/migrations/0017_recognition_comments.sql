CREATE TABLE "recognition_comments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"recognition_id" uuid NOT NULL,
	"author_id" uuid NOT NULL,
	"body" text NOT NULL,
	"idempotency_key" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "recognition_comments_org_key_unique" UNIQUE("org_id","idempotency_key"),
	CONSTRAINT "recognition_comments_body_length" CHECK (char_length("recognition_comments"."body") between 1 and 1000)
);
--> statement-breakpoint
ALTER TABLE "recognition_comments" ADD CONSTRAINT "recognition_comments_recognition_same_org" FOREIGN KEY ("org_id","recognition_id") REFERENCES "public"."recognitions"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recognition_comments" ADD CONSTRAINT "recognition_comments_author_same_org" FOREIGN KEY ("org_id","author_id") REFERENCES "public"."people"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "recognition_comments_recognition_idx" ON "recognition_comments" USING btree ("org_id","recognition_id","created_at");