import { givePoints } from "../../core/giving/give-points";
import { grantPoints } from "../../core/giving/grant-points";
import { deactivatePerson } from "../../core/people/deactivate-person";
import type { Database } from "../../db/client";
import { LEAVING_MINUTE, SPOT_AWARD_MINUTE } from "./history-shape";
import { STAFF } from "./org-chart";
import type { PlannedGive } from "./plan-gives";
import { SPOT_AWARDS } from "./spot-awards";
import type { PersonActor, Staff } from "./staff";
import type { HistoryTime } from "./weekdays";

// Each write is back-dated through the use case's clock, and keyed by its place in the plan: a seed run
// again after an interruption replays what is already written instead of doing it twice. Months of
// history are written in seconds, so the gives are not rate limited (null).

export async function giveHistory(
  db: Database,
  staff: Staff,
  plan: readonly PlannedGive[],
  at: HistoryTime,
): Promise<void> {
  for (const [n, give] of plan.entries()) {
    await givePoints(
      db,
      staff.actorAt(give.giver),
      {
        recipientIds: give.recipients.map(staff.idAt),
        amount: give.amount,
        message: give.message,
        values: give.values,
        source: give.source,
        idempotencyKey: `seed:${n}`,
      },
      () => at(give.daysAgo, give.minute),
      null,
    );
  }
}

export async function paySpotAwards(
  db: Database,
  admin: PersonActor,
  staff: Staff,
  at: HistoryTime,
): Promise<void> {
  for (const [n, award] of SPOT_AWARDS.entries()) {
    await grantPoints(
      db,
      admin,
      {
        recipientIds: award.to.map(staff.idOf),
        amount: award.amount,
        message: award.message,
        idempotencyKey: `seed:grant:${n}`,
      },
      () => at(award.daysAgo, SPOT_AWARD_MINUTE),
    );
  }
}

/** After the history that shows them; deactivating someone who already left changes nothing. */
export async function deactivateLeavers(
  db: Database,
  admin: PersonActor,
  staff: Staff,
  at: HistoryTime,
): Promise<void> {
  for (const member of STAFF) {
    if (member.leftDaysAgo === undefined) continue;
    const leftDaysAgo = member.leftDaysAgo;
    await deactivatePerson(db, admin, { personId: staff.idOf(member.name) }, () =>
      at(leftDaysAgo, LEAVING_MINUTE),
    );
  }
}
