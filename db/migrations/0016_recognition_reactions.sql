CREATE TABLE "recognition_reactions" (
	"org_id" uuid NOT NULL,
	"recognition_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"reaction" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "recognition_reactions_recognition_id_person_id_reaction_pk" PRIMARY KEY("recognition_id","person_id","reaction"),
	CONSTRAINT "recognition_reactions_known" CHECK ("recognition_reactions"."reaction" in ('clap', 'tada', 'heart', 'raised_hands', 'fire', 'joy'))
);
--> statement-breakpoint
ALTER TABLE "recognition_reactions" ADD CONSTRAINT "recognition_reactions_recognition_same_org" FOREIGN KEY ("org_id","recognition_id") REFERENCES "public"."recognitions"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recognition_reactions" ADD CONSTRAINT "recognition_reactions_person_same_org" FOREIGN KEY ("org_id","person_id") REFERENCES "public"."people"("org_id","id") ON DELETE no action ON UPDATE no action;