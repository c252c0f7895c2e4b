import { type SQL, sql } from "drizzle-orm";
import type { RecognitionFilter } from "./recognition-filter";

/**
 * The feed's second kind of item: a charity donation its donor chose to share, once it was made. The
 * conditions are literal SQL, not parameters, so that PostgreSQL matches them to the partial index
 * `redemptions_shared_donations_idx` (and its department twin) whatever plan a prepared statement gets.
 */
const SHARED_DONATION = sql.raw(`d.kind = 'charity' and d.share_in_feed and d.status = 'fulfilled'`);

/**
 * Which shared donations (`redemptions d`) a feed filter shows, after the cursor; null when the filter
 * is one that donations never match. A donation is nobody's recognition and carries no company value,
 * so only the whole feed and a department (the donor's) show them.
 */
export function sharedDonationClauses(
  orgId: string,
  filter: RecognitionFilter,
  after: { createdAt: string; id: string } | null,
): SQL[] | null {
  if (filter.value || filter.receivedBy || filter.givenBy || filter.involving) return null;
  const clauses = [sql`d.org_id = ${orgId}::uuid`, SHARED_DONATION];
  // The department the donor was in when they gave, as the redemption recorded it for the bill.
  if (filter.department) clauses.push(sql`d.department = ${filter.department}`);
  if (after) clauses.push(sql`(d.fulfilled_at, d.id) < (${after.createdAt}::timestamptz, ${after.id}::uuid)`);
  return clauses;
}
