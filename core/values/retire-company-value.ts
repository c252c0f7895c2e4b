import { z } from "zod";
import type { Database } from "../../db/client";
import { companyValues } from "../../db/schema";
import { recordAudit } from "../org/audit";
import type { Actor } from "../shared/actor";
import { type Clock, systemClock } from "../shared/clock";
import { actorOrgId, authorize } from "../shared/permissions";
import { parseInput, uuid } from "../shared/validation";
import { type CompanyValue, lockCompanyValue } from "./company-value";

const retireCompanyValueInput = z.object({
  valueId: uuid("Choose a value."),
  /** True brings a retired value back. */
  restore: z.boolean("Say whether to restore the value.").default(false),
});

export type RetireCompanyValueInput = z.input<typeof retireCompanyValueInput>;

/**
 * An admin retires a company value, or restores a retired one. A retired value can't be tagged on new
 * recognitions but stays on the ones that already carry it; its name stays taken.
 */
export async function retireCompanyValue(
  db: Database,
  actor: Actor,
  input: RetireCompanyValueInput,
  clock: Clock = systemClock,
): Promise<CompanyValue> {
  authorize(actor, "manage_values");
  const orgId = actorOrgId(actor);
  const request = parseInput(retireCompanyValueInput, input);
  return db.transaction(async (tx) => {
    const { current, ofOrg, columns } = await lockCompanyValue(tx, orgId, request.valueId);
    // Retiring a retired value (or restoring an active one) changes nothing and keeps the first date.
    if ((current.retiredAt !== null) !== request.restore) return current;
    const retiredAt = request.restore ? null : clock();
    const [updated] = await tx.update(companyValues).set({ retiredAt }).where(ofOrg).returning(columns);
    if (!updated) throw new Error("company value update returned nothing");
    await recordAudit(tx, actor, {
      orgId,
      action: request.restore ? "company_value.restore" : "company_value.retire",
      targetType: "company_value",
      targetId: current.id,
      before: { retiredAt: current.retiredAt },
      after: { retiredAt },
    });
    return updated;
  });
}
