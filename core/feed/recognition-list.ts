import { type SQL, sql } from "drizzle-orm";
import { z } from "zod";
import type { Executor } from "../../db/client";
import { loadOrgContext } from "../org/org-context";
import { invalidCursor } from "../shared/cursor";
import { sqlState } from "../shared/errors";
import type { PointValue } from "../shared/money";
import { text } from "../shared/validation";
import { normaliseValueName } from "../values/value-names";
import { decodeFeedCursor, encodeFeedCursor } from "./feed-cursor";
import { REACTIONS, type ReactionCount } from "./reactions";
import { visibleTo } from "./recognition-lookup";
import { sharedDonationClauses } from "./shared-donations";

export interface RecognitionItem {
  kind: "recognition";
  id: string;
  createdAt: string;
  message: string;
  source: "web" | "slack" | "api" | "system";
  /** Null for a company grant. */
  giver: { id: string; name: string } | null;
  recipients: { id: string; name: string; amount: number }[];
  values: string[];
  amountPerRecipient: number;
  totalAmount: number;
  /** Points others added to this recognition ("+15 from 3 people"), each recipient's share. */
  addOns: { points: number; people: number } | null;
  /** Set on an add-on itself, as a person's history lists it: the recognition it added to. */
  addedTo: string | null;
  /** Reactions in the fixed order, only those someone chose. */
  reactions: ReactionCount[];
  commentCount: number;
  /** Kept out of the feed (a private celebration): only its recipients see it. */
  onlyRecipients: boolean;
  /** On a person's own history: their earned balance just after this recognition. */
  earnedAfter?: number;
}

/** "Ana donated $25.00 to Doctors Without Borders": a charity donation its donor shared, once made. */
export interface DonationItem {
  kind: "donation";
  /** The redemption's id. */
  id: string;
  /** When the donation was made (the redemption's fulfilment). */
  createdAt: string;
  donor: { id: string; name: string };
  charity: string;
  /** The donation's face value: what the charity receives. */
  amountMinor: number;
  currency: string;
}

export type FeedItem = RecognitionItem | DonationItem;

export interface FeedPage<Item extends FeedItem = FeedItem> {
  items: Item[];
  /** Pass back as `cursor` for the next page; null on the last page. */
  nextCursor: string | null;
  pointValue: PointValue;
}

export type RecognitionPage = FeedPage<RecognitionItem>;

export const pageInput = {
  cursor: text().max(200).optional(),
  limit: z.number().int().min(1).max(100).default(20),
};

export interface RecognitionFilter {
  value?: string;
  department?: string;
  receivedBy?: string;
  givenBy?: string;
  /** Received or given by this person. */
  involving?: string;
}

function filterClauses(orgId: string, filter: RecognitionFilter, viewerId: string | undefined): SQL[] {
  const clauses: SQL[] = [visibleTo(orgId, viewerId)];
  const recipientIn = (personId: string) => sql`r.id in (
    select recognition_id from recognition_recipients where org_id = ${orgId}::uuid and person_id = ${personId}::uuid)`;
  if (filter.value) {
    clauses.push(sql`exists (select 1 from recognition_values rv join company_values v on v.id = rv.value_id
      where rv.recognition_id = r.id and v.org_id = ${orgId}::uuid and v.name = ${normaliseValueName(filter.value)})`);
  }
  if (filter.department) {
    clauses.push(sql`exists (select 1 from recognition_recipients rr
      join people p on p.org_id = rr.org_id and p.id = rr.person_id
      where rr.recognition_id = r.id and p.department = ${filter.department})`);
  }
  if (filter.receivedBy) clauses.push(recipientIn(filter.receivedBy));
  if (filter.givenBy) clauses.push(sql`r.giver_id = ${filter.givenBy}::uuid`);
  // The feed shows an add-on on the recognition it adds to; a person's own history lists it too.
  if (!filter.receivedBy && !filter.givenBy && !filter.involving) clauses.push(sql`r.add_on_to is null`);
  if (filter.involving) {
    clauses.push(sql`(r.giver_id = ${filter.involving}::uuid or ${recipientIn(filter.involving)})`);
  }
  return clauses;
}

type RecognitionRow = {
  kind: "recognition";
  id: string;
  created_at: string;
  message: string;
  source: RecognitionItem["source"];
  giver_id: string | null;
  giver_name: string | null;
  recipients: RecognitionItem["recipients"] | null;
  values: string[];
  amount_per_recipient: number;
  total_amount: number;
  add_ons: { points: number; people: number } | null;
  add_on_to: string | null;
  reactions: ReactionCount[] | null;
  comment_count: number;
  in_feed: boolean;
};

type DonationRow = {
  kind: "donation";
  id: string;
  created_at: string;
  donation: Pick<DonationItem, "donor" | "charity" | "amountMinor" | "currency">;
};

function feedItem(row: RecognitionRow | DonationRow): FeedItem {
  if (row.kind === "donation")
    return { kind: "donation", id: row.id, createdAt: row.created_at, ...row.donation };
  return {
    kind: "recognition",
    id: row.id,
    createdAt: row.created_at,
    message: row.message,
    source: row.source,
    giver: row.giver_id && row.giver_name ? { id: row.giver_id, name: row.giver_name } : null,
    recipients: row.recipients ?? [],
    values: row.values,
    amountPerRecipient: row.amount_per_recipient,
    totalAmount: row.total_amount,
    addOns: row.add_ons,
    addedTo: row.add_on_to,
    reactions: REACTIONS.flatMap(
      (reaction) => row.reactions?.filter((count) => count.reaction === reaction) ?? [],
    ),
    commentCount: row.comment_count,
    onlyRecipients: !row.in_feed,
  };
}

interface PageRequest {
  cursor?: string;
  limit: number;
  /** Who is looking: their own reactions are marked, and they see what was kept out of the feed for them. */
  viewerId?: string;
}

/** One page of an org's recognitions, newest first, with givers, recipients and values. */
export function listRecognitions(
  db: Executor,
  orgId: string,
  filter: RecognitionFilter,
  page: PageRequest,
): Promise<RecognitionPage>;
/** The same page with the shared donations that the filter shows woven in, by the same cursor. */
export function listRecognitions(
  db: Executor,
  orgId: string,
  filter: RecognitionFilter,
  page: PageRequest,
  options: { donations: boolean },
): Promise<FeedPage>;
export async function listRecognitions(
  db: Executor,
  orgId: string,
  filter: RecognitionFilter,
  page: PageRequest,
  options: { donations: boolean } = { donations: false },
): Promise<FeedPage> {
  const org = await loadOrgContext(db, orgId);
  const after = page.cursor ? decodeFeedCursor(page.cursor) : null;
  const limit = page.limit + 1;
  const clauses = [sql`r.org_id = ${orgId}::uuid`, ...filterClauses(orgId, filter, page.viewerId)];
  if (after) clauses.push(sql`(r.created_at, r.id) < (${after.createdAt}::timestamptz, ${after.id}::uuid)`);
  const recognitions = sql`
    select 'recognition' as kind, r.id, r.created_at as at, to_json(r.created_at) #>> '{}' as created_at,
           r.message, r.source, r.amount_per_recipient, r.total_amount, g.id as giver_id, g.name as giver_name,
           (select json_agg(json_build_object('id', p.id, 'name', p.name, 'amount', rr.amount) order by p.name)
              from recognition_recipients rr join people p on p.org_id = rr.org_id and p.id = rr.person_id
              where rr.recognition_id = r.id) as recipients,
           (select coalesce(json_agg(v.name order by v.name), '[]'::json)
              from recognition_values rv join company_values v on v.id = rv.value_id
              where rv.recognition_id = r.id) as values,
           (select json_build_object('points', sum(a.amount_per_recipient), 'people', count(distinct a.giver_id))
              from recognitions a where a.org_id = r.org_id and a.add_on_to = r.id
              having count(*) > 0) as add_ons,
           r.add_on_to,
           (select json_agg(json_build_object('reaction', x.reaction, 'count', x.n, 'mine', x.mine))
              from (select reaction, count(*) as n,
                           coalesce(bool_or(person_id = ${page.viewerId ?? null}::uuid), false) as mine
                    from recognition_reactions
                    where org_id = r.org_id and recognition_id = r.id
                    group by reaction) x) as reactions,
           (select count(*)::int from recognition_comments c
              where c.org_id = r.org_id and c.recognition_id = r.id) as comment_count,
           r.in_feed, null::json as donation
    from recognitions r
    left join people g on g.org_id = r.org_id and g.id = r.giver_id
    where ${sql.join(clauses, sql` and `)}
    order by r.created_at desc nulls last, r.id desc nulls last
    limit ${limit}`;
  const donationClauses = options.donations ? sharedDonationClauses(orgId, filter, after) : null;
  // Each kind's newest rows come from its own index; the union keeps the newest of both. Its columns
  // match the recognition branch's, in order.
  const query = db.execute<RecognitionRow | DonationRow>(
    donationClauses
      ? sql`select * from ((${recognitions}) union all (
          select 'donation', d.id, d.fulfilled_at, to_json(d.fulfilled_at) #>> '{}',
                 null, null, null, null, null, null, null, null, null, null, null, null, null,
                 json_build_object('donor', json_build_object('id', donor.id, 'name', donor.name),
                   'charity', d.brand, 'amountMinor', d.face_value_minor, 'currency', d.currency)
          from redemptions d join people donor on donor.org_id = d.org_id and donor.id = d.person_id
          where ${sql.join(donationClauses, sql` and `)}
          order by d.fulfilled_at desc nulls last, d.id desc nulls last
          limit ${limit})) feed
        order by at desc, id desc
        limit ${limit}`
      : recognitions,
  );
  // A well-formed but impossible date (February 30th) only fails in the database.
  const rows = await query.catch((error: unknown) => {
    const state = sqlState(error);
    throw page.cursor && (state === "22007" || state === "22008" || state === "22009")
      ? invalidCursor()
      : error;
  });
  const items = rows.slice(0, page.limit).map(feedItem);
  const last = items.at(-1);
  return {
    items,
    nextCursor: rows.length > page.limit && last ? encodeFeedCursor(last.createdAt, last.id) : null,
    pointValue: org.pointValue,
  };
}
