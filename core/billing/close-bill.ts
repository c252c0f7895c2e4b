import { z } from "zod";
import type { Database } from "../../db/client";
import type { Actor } from "../shared/actor";
import { type Clock, systemClock } from "../shared/clock";
import { DomainError } from "../shared/errors";
import { actorOrgId, authorize } from "../shared/permissions";
import { parseInput, uuid } from "../shared/validation";
import { closeOpenBill } from "./bill-closing";
import { billPeriod } from "./bill-period";
import { type BillRow, findBill } from "./bill-reading";

const closeInput = z.object({
  period: billPeriod,
  /** The operator names the org; anyone else closes their own org's bills. */
  orgId: uuid("Name the organization by its id.").optional(),
});

export type CloseBillInput = z.input<typeof closeInput>;

/**
 * Finance closes a month's bill once the month has ended: it gets the next number of the org's series
 * and never changes again. Closing it again returns it as it closed.
 */
export async function closeBill(
  db: Database,
  actor: Actor,
  input: CloseBillInput,
  clock: Clock = systemClock,
): Promise<BillRow> {
  authorize(actor, "close_bill");
  const request = parseInput(closeInput, input);
  const orgId = actor.kind === "operator" ? request.orgId : actorOrgId(actor);
  if (!orgId)
    throw new DomainError("invalid", "Name the organization to close a bill of.", { field: "orgId" });
  if (request.orgId !== undefined && request.orgId !== orgId) {
    throw new DomainError("forbidden", "You can only close your own organization's bills.");
  }
  const bill = await findBill(db, orgId, request.period);
  return (await closeOpenBill(db, actor, bill.id, clock())).bill;
}
