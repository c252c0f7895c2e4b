CREATE TABLE "ledger_department_day_totals" (
	"org_id" uuid NOT NULL,
	"day" date NOT NULL,
	"department" text NOT NULL,
	"earned" bigint NOT NULL,
	"held" bigint NOT NULL,
	CONSTRAINT "ledger_department_day_totals_org_id_day_department_pk" PRIMARY KEY("org_id","day","department")
);
--> statement-breakpoint
CREATE INDEX "redemptions_hold_transaction_idx" ON "redemptions" USING btree ("hold_transaction_id");--> statement-breakpoint
CREATE INDEX "redemptions_close_transaction_idx" ON "redemptions" USING btree ("close_transaction_id");--> statement-breakpoint
-- Days summarised before department totals existed are summarised again, both ways, when next read.
DELETE FROM "ledger_days_summarised";--> statement-breakpoint
DELETE FROM "ledger_day_totals";--> statement-breakpoint
-- A back-dated transaction clears its day of department totals too.
CREATE OR REPLACE FUNCTION plaudit_unsummarise_day() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM ledger_days_summarised
  WHERE org_id = NEW.org_id AND day = (NEW.created_at AT TIME ZONE 'UTC')::date;
  DELETE FROM ledger_day_totals
  WHERE org_id = NEW.org_id AND day = (NEW.created_at AT TIME ZONE 'UTC')::date;
  DELETE FROM ledger_department_day_totals
  WHERE org_id = NEW.org_id AND day = (NEW.created_at AT TIME ZONE 'UTC')::date;
  RETURN NULL;
END $$;--> statement-breakpoint
-- Someone who changes department takes their summarised days with them: what they earned and held on
-- each leaves the old department's totals and joins the new one's. Under the lock the summariser takes
-- (core/billing/ledger-days.ts), so that neither misses the other's work.
CREATE FUNCTION plaudit_move_department_days() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_advisory_xact_lock(hashtextextended('plaudit_ledger_days ' || NEW.org_id::text, 0));
  WITH movements AS (
    SELECT (e.created_at AT TIME ZONE 'UTC')::date AS day, e.amount AS earned, 0::bigint AS held
    FROM ledger_accounts a JOIN ledger_entries e ON e.account_id = a.id
    WHERE a.org_id = NEW.org_id AND a.person_id = NEW.id AND a.kind = 'earned'
    UNION ALL
    SELECT (t.created_at AT TIME ZONE 'UTC')::date, 0, r.points
    FROM redemptions r JOIN ledger_transactions t ON t.id = r.hold_transaction_id
    WHERE r.org_id = NEW.org_id AND r.person_id = NEW.id
    UNION ALL
    SELECT (t.created_at AT TIME ZONE 'UTC')::date, 0, -r.points
    FROM redemptions r JOIN ledger_transactions t ON t.id = r.close_transaction_id
    WHERE r.org_id = NEW.org_id AND r.person_id = NEW.id
  ), days AS (
    SELECT m.day, sum(m.earned) AS earned, sum(m.held) AS held
    FROM movements m JOIN ledger_days_summarised s ON s.org_id = NEW.org_id AND s.day = m.day
    GROUP BY m.day
  )
  INSERT INTO ledger_department_day_totals AS d (org_id, day, department, earned, held)
  SELECT NEW.org_id, day, coalesce(OLD.department, ''), -earned, -held FROM days
  UNION ALL
  SELECT NEW.org_id, day, coalesce(NEW.department, ''), earned, held FROM days
  ON CONFLICT (org_id, day, department)
  DO UPDATE SET earned = d.earned + excluded.earned, held = d.held + excluded.held;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER people_department_moves_days AFTER UPDATE OF department ON people
  FOR EACH ROW WHEN (coalesce(OLD.department, '') <> coalesce(NEW.department, ''))
  EXECUTE FUNCTION plaudit_move_department_days();
