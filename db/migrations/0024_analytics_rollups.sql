CREATE TABLE "analytics_flow_months" (
	"org_id" uuid NOT NULL,
	"month" date NOT NULL,
	"from_company" boolean NOT NULL,
	"giver_department" text NOT NULL,
	"recipient_department" text NOT NULL,
	"recognitions" integer NOT NULL,
	"points" bigint NOT NULL,
	CONSTRAINT "analytics_flow_months_pk" PRIMARY KEY("org_id","month","from_company","giver_department","recipient_department")
);
--> statement-breakpoint
CREATE TABLE "analytics_person_months" (
	"org_id" uuid NOT NULL,
	"month" date NOT NULL,
	"person_id" uuid NOT NULL,
	"given_count" integer NOT NULL,
	"given_points" bigint NOT NULL,
	"received_count" integer NOT NULL,
	"received_points" bigint NOT NULL,
	"company_count" integer NOT NULL,
	"company_points" bigint NOT NULL,
	CONSTRAINT "analytics_person_months_pk" PRIMARY KEY("org_id","month","person_id")
);
--> statement-breakpoint
CREATE TABLE "analytics_value_months" (
	"org_id" uuid NOT NULL,
	"month" date NOT NULL,
	"department" text NOT NULL,
	"value_id" uuid NOT NULL,
	"recognitions" integer NOT NULL,
	CONSTRAINT "analytics_value_months_pk" PRIMARY KEY("org_id","month","department","value_id")
);
--> statement-breakpoint
CREATE TABLE "analytics_watermarks" (
	"org_id" uuid PRIMARY KEY NOT NULL,
	"time_zone" text NOT NULL,
	"through" timestamp with time zone NOT NULL
);--> statement-breakpoint
-- Deletes an org's analytics totals and its watermark: they are summed again from the start by
-- background work, and read from the recognitions themselves until then. Under the lock the summariser
-- takes (core/analytics/analytics-rollups.ts), so that neither misses the other's work.
CREATE FUNCTION plaudit_clear_analytics(p_org uuid) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_advisory_xact_lock(hashtextextended('plaudit_analytics ' || p_org::text, 0));
  DELETE FROM analytics_watermarks WHERE org_id = p_org;
  DELETE FROM analytics_person_months WHERE org_id = p_org;
  DELETE FROM analytics_value_months WHERE org_id = p_org;
  DELETE FROM analytics_flow_months WHERE org_id = p_org;
END $$;--> statement-breakpoint
-- A recognition dated before the watermark (only a back-dated one: the demo seed, a test) would be
-- missed by the totals: they start again. A give dates its rows now, so the WHEN clause keeps this off
-- the give's path.
CREATE FUNCTION plaudit_analytics_backdated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_advisory_xact_lock(hashtextextended('plaudit_analytics ' || NEW.org_id::text, 0));
  IF EXISTS (SELECT 1 FROM analytics_watermarks WHERE org_id = NEW.org_id AND through > NEW.created_at) THEN
    PERFORM plaudit_clear_analytics(NEW.org_id);
  END IF;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER recognitions_analytics_backdated AFTER INSERT ON recognitions
  FOR EACH ROW WHEN (NEW.created_at < now() - interval '10 minutes')
  EXECUTE FUNCTION plaudit_analytics_backdated();--> statement-breakpoint
CREATE TRIGGER recognition_recipients_analytics_backdated AFTER INSERT ON recognition_recipients
  FOR EACH ROW WHEN (NEW.created_at < now() - interval '10 minutes')
  EXECUTE FUNCTION plaudit_analytics_backdated();--> statement-breakpoint
-- The totals by department are by people's current department: a move starts them again.
CREATE FUNCTION plaudit_analytics_department_moved() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM plaudit_clear_analytics(NEW.org_id);
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER people_department_clears_analytics AFTER UPDATE OF department ON people
  FOR EACH ROW WHEN (coalesce(OLD.department, '') <> coalesce(NEW.department, ''))
  EXECUTE FUNCTION plaudit_analytics_department_moved();
