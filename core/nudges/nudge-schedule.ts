import { type SQL, sql } from "drizzle-orm";
import type { Actor } from "../shared/actor";

/** The month-end reminder goes out this many days before the month's last day, at this local hour. */
export const REMINDER_DAYS_BEFORE_MONTH_END = 3;
export const REMINDER_HOUR = 10;
/** The team digest goes out on Mondays at this local hour, about the seven days before. */
export const DIGEST_HOUR = 9;
/** A report the digest names as not thanked lately has received nothing for this many days. */
export const NOT_THANKED_DAYS = 30;

/**
 * The orgs a background pass covers, each with the local time it is there now (`local_now`) and its
 * point value: every org for the deployment, its own for an org's system.
 */
export function orgsAt(actor: Actor, now: Date): SQL {
  return sql`select o.id, o.point_value_points, o.point_value_minor, o.currency,
      ${now.toISOString()}::timestamptz at time zone o.time_zone as local_now
    from organizations o
    ${actor.kind === "operator" ? sql`` : sql`where o.id = ${actor.orgId}::uuid`}`;
}

/** An org row's point value, as notices carry it (`orgsAt`'s columns, as `o`). */
export const POINT_VALUE = sql`jsonb_build_object(
  'points', o.point_value_points, 'minor', o.point_value_minor, 'currency', o.currency)`;
