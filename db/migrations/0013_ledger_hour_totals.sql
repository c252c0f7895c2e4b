-- The ledger is summarised by the UTC hour rather than the day, and by department too: an instant's
-- liability then reads at most an hour of entries one by one. The day totals were a cache: dropped, and
-- the hours are summarised afresh when next read.
DROP TABLE "ledger_day_totals";--> statement-breakpoint
DROP TABLE "ledger_days_summarised";--> statement-breakpoint
CREATE INDEX "redemptions_hold_transaction_idx" ON "redemptions" USING btree ("hold_transaction_id");--> statement-breakpoint
CREATE INDEX "redemptions_close_transaction_idx" ON "redemptions" USING btree ("close_transaction_id");--> statement-breakpoint
CREATE TABLE "ledger_department_hour_totals" (
	"org_id" uuid NOT NULL,
	"hour" timestamp with time zone NOT NULL,
	"department" text NOT NULL,
	"earned" bigint NOT NULL,
	"held" bigint NOT NULL,
	CONSTRAINT "ledger_department_hour_totals_org_id_hour_department_pk" PRIMARY KEY("org_id","hour","department")
);
--> statement-breakpoint
CREATE TABLE "ledger_hour_totals" (
	"org_id" uuid NOT NULL,
	"hour" timestamp with time zone NOT NULL,
	"kind" "transaction_kind" NOT NULL,
	"earned" bigint NOT NULL,
	"held" bigint NOT NULL,
	CONSTRAINT "ledger_hour_totals_org_id_hour_kind_pk" PRIMARY KEY("org_id","hour","kind")
);
--> statement-breakpoint
CREATE TABLE "ledger_hours_summarised" (
	"org_id" uuid NOT NULL,
	"hour" timestamp with time zone NOT NULL,
	CONSTRAINT "ledger_hours_summarised_org_id_hour_pk" PRIMARY KEY("org_id","hour")
);
--> statement-breakpoint
-- A transaction dated into an hour whose totals are already summarised (only a back-dated one: the demo
-- seed, a test) clears that hour, to be summarised again when next read.
DROP TRIGGER ledger_transactions_unsummarise ON ledger_transactions;--> statement-breakpoint
DROP FUNCTION plaudit_unsummarise_day();--> statement-breakpoint
CREATE FUNCTION plaudit_unsummarise_hour() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  v_hour timestamptz := date_trunc('hour', NEW.created_at AT TIME ZONE 'UTC') AT TIME ZONE 'UTC';
BEGIN
  DELETE FROM ledger_hours_summarised WHERE org_id = NEW.org_id AND hour = v_hour;
  DELETE FROM ledger_hour_totals WHERE org_id = NEW.org_id AND hour = v_hour;
  DELETE FROM ledger_department_hour_totals WHERE org_id = NEW.org_id AND hour = v_hour;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER ledger_transactions_unsummarise AFTER INSERT ON ledger_transactions
  FOR EACH ROW WHEN (NEW.created_at < now() - interval '10 minutes')
  EXECUTE FUNCTION plaudit_unsummarise_hour();--> statement-breakpoint
-- Someone who changes department takes their summarised hours with them: what they earned and held in
-- each leaves the old department's totals and joins the new one's. Under the lock the summariser takes
-- (core/billing/ledger-hours.ts), so that neither misses the other's work.
CREATE FUNCTION plaudit_move_department_hours() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_advisory_xact_lock(hashtextextended('plaudit_ledger_hours ' || NEW.org_id::text, 0));
  WITH movements AS (
    SELECT e.created_at AS at, e.amount AS earned, 0::bigint AS held
    FROM ledger_accounts a JOIN ledger_entries e ON e.account_id = a.id
    WHERE a.org_id = NEW.org_id AND a.person_id = NEW.id AND a.kind = 'earned'
    UNION ALL
    SELECT t.created_at, 0, r.points
    FROM redemptions r JOIN ledger_transactions t ON t.id = r.hold_transaction_id
    WHERE r.org_id = NEW.org_id AND r.person_id = NEW.id
    UNION ALL
    SELECT t.created_at, 0, -r.points
    FROM redemptions r JOIN ledger_transactions t ON t.id = r.close_transaction_id
    WHERE r.org_id = NEW.org_id AND r.person_id = NEW.id
  ), hours AS (
    SELECT s.hour, sum(m.earned) AS earned, sum(m.held) AS held
    FROM movements m
    JOIN ledger_hours_summarised s
      ON s.org_id = NEW.org_id AND s.hour = date_trunc('hour', m.at AT TIME ZONE 'UTC') AT TIME ZONE 'UTC'
    GROUP BY s.hour
  )
  INSERT INTO ledger_department_hour_totals AS d (org_id, hour, department, earned, held)
  SELECT NEW.org_id, hour, coalesce(OLD.department, ''), -earned, -held FROM hours
  UNION ALL
  SELECT NEW.org_id, hour, coalesce(NEW.department, ''), earned, held FROM hours
  ON CONFLICT (org_id, hour, department)
  DO UPDATE SET earned = d.earned + excluded.earned, held = d.held + excluded.held;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER people_department_moves_hours AFTER UPDATE OF department ON people
  FOR EACH ROW WHEN (coalesce(OLD.department, '') <> coalesce(NEW.department, ''))
  EXECUTE FUNCTION plaudit_move_department_hours();
