import { sql } from "drizzle-orm";
import type { Executor } from "../../db/client";
import type { Actor } from "../shared/actor";
import { authorize } from "../shared/permissions";
import { inboxEvents, inboxOwner } from "./inbox-query";

/** Past this the bell says "99+": counting further costs a page load for nothing. */
const MOST_COUNTED = 100;

/** How many things in the actor's inbox they have not seen yet, up to 100. */
export async function countUnread(db: Executor, actor: Actor): Promise<{ unread: number }> {
  authorize(actor, "read_own_inbox");
  const owner = inboxOwner(actor);
  const [row] = await db.execute<{ unread: number }>(sql`
    select count(*)::int as unread from (
      select 1 from (${inboxEvents(owner, { unreadOnly: true })}) e limit ${MOST_COUNTED}) c`);
  return { unread: row?.unread ?? 0 };
}
