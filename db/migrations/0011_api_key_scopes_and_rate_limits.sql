CREATE TYPE "public"."api_key_scope" AS ENUM('people:read', 'people:write', 'recognitions:read', 'recognitions:write', 'rewards:read', 'rewards:write', 'finance:read');--> statement-breakpoint
-- Keys made before scopes existed keep doing what they did: every scope. What no scope grants (giving or
-- taking the admin or finance role, changing such a person's email, reactivating them) is refused to
-- every key, old or new, with a 403 that says so. New keys always name their scopes: no default.
ALTER TABLE "api_keys" ADD COLUMN "scopes" "api_key_scope"[] DEFAULT '{people:read,people:write,recognitions:read,recognitions:write,rewards:read,rewards:write,finance:read}' NOT NULL;--> statement-breakpoint
ALTER TABLE "api_keys" ALTER COLUMN "scopes" DROP DEFAULT;--> statement-breakpoint
ALTER TABLE "api_keys" ADD CONSTRAINT "api_keys_scopes_present" CHECK (cardinality("api_keys"."scopes") > 0);
--> statement-breakpoint
CREATE TABLE "rate_limits" (
	"key" text PRIMARY KEY NOT NULL,
	"points" integer NOT NULL,
	"expire" timestamp with time zone
);
--> statement-breakpoint
CREATE INDEX "rate_limits_expire_idx" ON "rate_limits" USING btree ("expire");