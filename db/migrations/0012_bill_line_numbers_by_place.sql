-- A line's number is its place in its bill's order, which a closed bill keeps forever; only a credit
-- stores the number of the line it corrects, once that line's bill has closed.
ALTER TABLE "bill_lines" ADD COLUMN "refers_to_line_number" integer;--> statement-breakpoint
CREATE INDEX "bill_lines_refers_to_idx" ON "bill_lines" USING btree ("refers_to_line_id") WHERE "bill_lines"."refers_to_line_id" is not null;--> statement-breakpoint
ALTER TABLE "bill_lines" DISABLE TRIGGER "bill_lines_closed_frozen";--> statement-breakpoint
UPDATE "bill_lines" c SET "refers_to_line_number" = r."line_number"
  FROM "bill_lines" r WHERE r."id" = c."refers_to_line_id" AND r."line_number" IS NOT NULL;--> statement-breakpoint
ALTER TABLE "bill_lines" ENABLE TRIGGER "bill_lines_closed_frozen";--> statement-breakpoint
DROP INDEX "bill_lines_number_unique";--> statement-breakpoint
ALTER TABLE "bill_lines" DROP COLUMN "line_number";
