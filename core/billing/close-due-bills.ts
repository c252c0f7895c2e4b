import { sql } from "drizzle-orm";
import type { Database } from "../../db/client";
import type { Actor } from "../shared/actor";
import { type Clock, systemClock } from "../shared/clock";
import { failureMessage } from "../shared/errors";
import { authorize } from "../shared/permissions";
import { automaticCloseDue, closeOpenBill } from "./bill-closing";

/**
 * Background work closes every open bill whose grace period after its month has passed
 * (`automaticCloseDue`). A pass that was missed catches up on the next, oldest month first; a bill some
 * finance person (or another worker) closed meanwhile is left as it is, and is not counted as closed by
 * this pass.
 */
export async function closeDueBills(
  db: Database,
  actor: Actor,
  clock: Clock = systemClock,
): Promise<{ closed: number; errors: { billId: string; message: string }[] }> {
  authorize(actor, "run_background_work");
  const now = clock();
  const due = await db.execute<{ id: string }>(sql`
    select b.id from bills b
    left join billing_settings s on s.org_id = b.org_id
    where ${automaticCloseDue(now)}
      ${actor.kind === "system" ? sql`and b.org_id = ${actor.orgId}::uuid` : sql``}
    order by b.period_end, b.id
    limit 20`);
  const errors: { billId: string; message: string }[] = [];
  let closed = 0;
  for (const { id } of due) {
    await closeOpenBill(db, actor, id, now).then(
      ({ closedNow }) => {
        if (closedNow) closed += 1;
      },
      (error: unknown) => errors.push({ billId: id, message: failureMessage(error) }),
    );
  }
  return { closed, errors };
}
