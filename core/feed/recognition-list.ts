import { sql } from "drizzle-orm";
import { z } from "zod";
import type { Executor } from "../../db/client";
import { currentLevels, type LevelBadge } from "../levels/current-levels";
import { loadOrgContext } from "../org/org-context";
import { invalidCursor } from "../shared/cursor";
import { sqlState } from "../shared/errors";
import type { PointValue } from "../shared/money";
import { text } from "../shared/validation";
import { decodeFeedCursor, encodeFeedCursor } from "./feed-cursor";
import { type FeedRow, feedItem, peopleOnPage } from "./feed-rows";
import type { ReactionCount } from "./reactions";
import { filterClauses, type RecognitionFilter } from "./recognition-filter";
import { sharedDonationClauses } from "./shared-donations";

interface PersonOnPage {
  id: string;
  name: string;
}

export interface RecognitionItem {
  kind: "recognition";
  id: string;
  createdAt: string;
  message: string;
  source: "web" | "slack" | "api" | "system";
  /** Null for a company grant. */
  giver: (PersonOnPage & { level: LevelBadge | null }) | null;
  recipients: (PersonOnPage & { amount: number; level: LevelBadge | null })[];
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
  /** The campaign that multiplied this give: each recipient got `bonusPerRecipient` more, from the company. */
  campaign: RecognitionCampaign | null;
  /** Kept out of the feed (a private celebration): only its recipients see it. */
  onlyRecipients: boolean;
  /** On a person's own history: their earned balance just after this recognition. */
  earnedAfter?: number;
}

export interface RecognitionCampaign {
  id: string;
  name: string;
  multiplier: number;
  bonusPerRecipient: number;
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

interface PageRequest {
  cursor?: string;
  limit: number;
  /** Who is looking: their own reactions are marked, and they see what was kept out of the feed for them. */
  viewerId?: string;
  /** The instant levels are read at (a rolling window ends here). */
  now: Date;
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
           case when r.campaign_id is not null then
             (select json_build_object('id', k.id, 'name', k.name, 'multiplier', k.multiplier,
                       'bonusPerRecipient', r.bonus_per_recipient)
              from campaigns k where k.org_id = r.org_id and k.id = r.campaign_id) end as campaign,
           r.in_feed, null::json as donation
    from recognitions r
    left join people g on g.org_id = r.org_id and g.id = r.giver_id
    where ${sql.join(clauses, sql` and `)}
    order by r.created_at desc nulls last, r.id desc nulls last
    limit ${limit}`;
  const donationClauses = options.donations ? sharedDonationClauses(orgId, filter, after) : null;
  // Each kind's newest rows come from its own index; the union keeps the newest of both. Its columns
  // match the recognition branch's, in order.
  const query = db.execute<FeedRow>(
    donationClauses
      ? sql`select * from ((${recognitions}) union all (
          select 'donation', d.id, d.fulfilled_at, to_json(d.fulfilled_at) #>> '{}',
                 null, null, null, null, null, null, null, null, null, null, null, null, null, null,
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
  const shown = rows.slice(0, page.limit);
  const levels = await currentLevels(db, orgId, peopleOnPage(shown), page.now);
  const items = shown.map((row) => feedItem(row, levels));
  const last = items.at(-1);
  return {
    items,
    nextCursor: rows.length > page.limit && last ? encodeFeedCursor(last.createdAt, last.id) : null,
    pointValue: org.pointValue,
  };
}
