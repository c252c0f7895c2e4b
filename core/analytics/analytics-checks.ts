import { type SQL, sql } from "drizzle-orm";
import type { LedgerCheck } from "../ledger/ledger-check";
import { rawFlowFacts, rawPersonFacts, rawValueFacts, type StretchSql } from "./analytics-facts";

/** Each watermarked org's whole history up to its watermark, in the watermark's time zone. */
const history: StretchSql = {
  orgId: sql`w.org_id`,
  timeZone: sql`w.time_zone`,
  from: sql`'-infinity'::timestamptz`,
  to: sql`w.through`,
};

/**
 * Rollup rows that differ from the recognitions they sum: `key` names a row, `figures` its numbers;
 * rows only on one side count as zero on the other.
 */
function rollupCheck(name: string, table: string, raw: SQL, key: string[], figures: string[]): LedgerCheck {
  const keys = sql.raw(key.join(", "));
  const sums = sql.raw(figures.map((figure) => `sum(${figure}) as ${figure}`).join(", "));
  const differ = sql.raw(
    figures.map((figure) => `coalesce(e.${figure}, 0) <> coalesce(s.${figure}, 0)`).join(" or "),
  );
  const shown = sql.raw(
    figures
      .map((figure) => `coalesce(s.${figure}, 0) || '/' || coalesce(e.${figure}, 0)`)
      .join(" || ', ' || "),
  );
  return {
    name,
    orgColumn: "w.org_id",
    query: (org) => sql`
      with expected as (
        select w.org_id, ${keys}, ${sums}
        from analytics_watermarks w cross join lateral (${raw}) f
        where ${org} group by w.org_id, ${keys}
      ), stored as (
        select s.* from ${sql.identifier(table)} s join analytics_watermarks w on w.org_id = s.org_id where ${org}
      )
      select org_id, ${name} || ' ' || concat_ws(' ', ${keys}) || ' stored/recognitions: ' || ${shown} as detail
      from expected e full join stored s using (org_id, ${keys})
      where ${differ}
      limit 100`,
  };
}

/** The analytics rollups hold exactly the recognitions before each org's watermark. */
export const ANALYTICS_CHECKS: LedgerCheck[] = [
  rollupCheck(
    "analytics_person_months_stale",
    "analytics_person_months",
    rawPersonFacts(history),
    ["month", "person_id"],
    ["given_count", "given_points", "received_count", "received_points", "company_count", "company_points"],
  ),
  rollupCheck(
    "analytics_value_months_stale",
    "analytics_value_months",
    rawValueFacts(history),
    ["month", "department", "value_id"],
    ["recognitions"],
  ),
  rollupCheck(
    "analytics_flow_months_stale",
    "analytics_flow_months",
    rawFlowFacts(history),
    ["month", "from_company", "giver_department", "recipient_department"],
    ["recognitions", "points"],
  ),
];
