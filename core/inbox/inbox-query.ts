import { type SQL, sql } from "drizzle-orm";
import type { Actor } from "../shared/actor";
import { DomainError } from "../shared/errors";
import { can } from "../shared/permissions";

/** What the bell tells a person of. */
export type InboxKind = "received" | "add_on" | "comment" | "reaction" | "redemption" | "approval";

/** One thing that happened to or around a person, newest first in their inbox. */
export interface InboxEvent {
  kind: InboxKind;
  at: string;
  /** Who did it; null for the company (a spot award) or the provider (a redemption update). */
  actor: { id: string; name: string } | null;
  recognitionId: string | null;
  /** Points received, for a recognition or an add-on. */
  points: number | null;
  /** A comment's words, the reactions' names (comma-separated), or a redemption's reward. */
  detail: string | null;
  /** For reactions: how many people besides `actor` reacted. */
  others: number;
  /** Where a redemption stands now. */
  status: string | null;
  unread: boolean;
}

/** A recognition the person gave or received: what comments and reactions on it are news to them. */
const involves = (orgId: string, personId: string) => sql`(r.giver_id = ${personId}::uuid or exists (
  select 1 from recognition_recipients x
  where x.org_id = ${orgId}::uuid and x.recognition_id = r.id and x.person_id = ${personId}::uuid))`;

/** The person whose inbox it is, and whether they also hear of redemptions waiting for a decision. */
export interface InboxOwner {
  orgId: string;
  personId: string;
  approvals: boolean;
}

/** When the owner last opened their inbox, in SQL; what happened since is unread (never opened: everything). */
export function seenAt({ orgId, personId }: InboxOwner): SQL {
  return sql`coalesce((select inbox_seen_at from people
    where org_id = ${orgId}::uuid and id = ${personId}::uuid), '-infinity'::timestamptz)`;
}

/**
 * Every event of a person's inbox, as rows of (kind, at, actor_id, recognition_id, points, detail, status,
 * others), only the unread ones when asked. Reactions to one recognition are one event: the latest
 * reactor, how many others, and the emoji chosen (`detail`, comma-separated). Derived from what
 * happened rather than stored apart, so nothing on the hot paths (a give, a reaction) writes more for it. Someone who decides redemptions also hears of
 * those waiting for a decision, for as long as they wait.
 */
export function inboxEvents(owner: InboxOwner, { unreadOnly }: { unreadOnly: boolean }): SQL {
  const { orgId, personId, approvals } = owner;
  const after = (column: string) => (unreadOnly ? sql`and ${sql.raw(column)} > ${seenAt(owner)}` : sql``);
  return sql`
    select case when r.add_on_to is null then 'received' else 'add_on' end as kind, rr.created_at as at,
           r.giver_id as actor_id, r.id as recognition_id, rr.amount as points, null as detail, null as status,
           0 as others
    from recognition_recipients rr join recognitions r on r.org_id = rr.org_id and r.id = rr.recognition_id
    where rr.org_id = ${orgId}::uuid and rr.person_id = ${personId}::uuid ${after("rr.created_at")}
    union all
    select 'comment', c.created_at, c.author_id, r.id, null, c.body, null, 0
    from recognition_comments c join recognitions r on r.org_id = c.org_id and r.id = c.recognition_id
    where c.org_id = ${orgId}::uuid and c.author_id <> ${personId}::uuid ${after("c.created_at")}
      and ${involves(orgId, personId)}
    union all
    select 'reaction', max(x.created_at), (array_agg(x.person_id order by x.created_at desc))[1], r.id, null,
           string_agg(distinct x.reaction, ','), null, count(distinct x.person_id)::int - 1
    from recognition_reactions x join recognitions r on r.org_id = x.org_id and r.id = x.recognition_id
    where x.org_id = ${orgId}::uuid and x.person_id <> ${personId}::uuid ${after("x.created_at")}
      and ${involves(orgId, personId)}
    group by r.id
    union all
    select 'redemption', d.updated_at, null, null, null, d.reward_name, d.status::text, 0
    from redemptions d
    where d.org_id = ${orgId}::uuid and d.person_id = ${personId}::uuid ${after("d.updated_at")}
      and d.status in ('awaiting_fulfillment', 'fulfilled', 'failed', 'declined', 'canceled')
    ${
      approvals
        ? sql`union all
    select 'approval', d.requested_at, d.person_id, null, null, d.reward_name, null, 0
    from redemptions d
    where d.org_id = ${orgId}::uuid and d.status = 'awaiting_approval' and d.person_id <> ${personId}::uuid
      ${after("d.requested_at")}`
        : sql``
    }`;
}

/** The person whose inbox this is: only a person has one. */
export function inboxOwner(actor: Actor): InboxOwner {
  if (actor.kind !== "person") throw new DomainError("forbidden", "Only a person has an inbox.");
  return { orgId: actor.orgId, personId: actor.personId, approvals: can(actor, "decide_redemptions") };
}
