import { sql } from "drizzle-orm";
import type { Executor } from "../../db/client";
import type { Actor } from "../shared/actor";
import { authorize } from "../shared/permissions";
import { type InboxEvent, type InboxKind, inboxEvents, inboxOwner, seenAt } from "./inbox-query";

/** How many of the newest events the notifications page shows. */
const SHOWN = 50;

/** The actor's newest notifications, each marked unread when it came after they last looked. */
export async function listInbox(db: Executor, actor: Actor): Promise<{ events: InboxEvent[] }> {
  authorize(actor, "read_own_inbox");
  const owner = inboxOwner(actor);
  const rows = await db.execute<{
    kind: InboxKind;
    at: string;
    actor_id: string | null;
    actor_name: string | null;
    recognition_id: string | null;
    points: number | null;
    detail: string | null;
    status: string | null;
    others: number;
    unread: boolean;
  }>(sql`
    select e.kind, to_json(e.at) #>> '{}' as at, e.actor_id, p.name as actor_name, e.recognition_id,
           e.points, e.detail, e.status, e.others, e.at > ${seenAt(owner)} as unread
    from (${inboxEvents(owner, { unreadOnly: false })}) e
    left join people p on p.org_id = ${owner.orgId}::uuid and p.id = e.actor_id
    order by e.at desc
    limit ${SHOWN}`);
  return {
    events: rows.map((row) => ({
      kind: row.kind,
      at: row.at,
      actor: row.actor_id && row.actor_name ? { id: row.actor_id, name: row.actor_name } : null,
      recognitionId: row.recognition_id,
      points: row.points,
      detail: row.detail,
      status: row.status,
      others: row.others,
      unread: row.unread,
    })),
  };
}
