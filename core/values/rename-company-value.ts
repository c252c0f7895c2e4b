import { z } from "zod";
import type { Database } from "../../db/client";
import { companyValues } from "../../db/schema";
import { recordAudit } from "../org/audit";
import type { Actor } from "../shared/actor";
import { sqlState } from "../shared/errors";
import { actorOrgId, authorize } from "../shared/permissions";
import { parseInput, uuid } from "../shared/validation";
import {
  type CompanyValue,
  duplicateValueName,
  lockCompanyValue,
  valueDescription,
  valueName,
} from "./company-value";

const renameCompanyValueInput = z.object({
  valueId: uuid("Choose a value."),
  name: valueName,
  /** Omitted keeps the description; null or "" clears it. */
  description: valueDescription.optional(),
});

export type RenameCompanyValueInput = z.input<typeof renameCompanyValueInput>;

/**
 * An admin renames a company value or edits its description. Recognitions refer to the value by id, so
 * old recognitions show the new name.
 */
export async function renameCompanyValue(
  db: Database,
  actor: Actor,
  input: RenameCompanyValueInput,
): Promise<CompanyValue> {
  authorize(actor, "manage_values");
  const orgId = actorOrgId(actor);
  const request = parseInput(renameCompanyValueInput, input);
  try {
    return await db.transaction(async (tx) => {
      const { current, ofOrg, columns } = await lockCompanyValue(tx, orgId, request.valueId);
      const next = {
        name: request.name,
        description: request.description === undefined ? current.description : request.description,
      };
      if (next.name === current.name && next.description === current.description) return current;
      const [updated] = await tx.update(companyValues).set(next).where(ofOrg).returning(columns);
      if (!updated) throw new Error("company value update returned nothing");
      await recordAudit(tx, actor, {
        orgId,
        action: "company_value.rename",
        targetType: "company_value",
        targetId: current.id,
        before: { name: current.name, description: current.description },
        after: next,
      });
      return updated;
    });
  } catch (error) {
    if (sqlState(error) === "23505") throw duplicateValueName(request.name);
    throw error;
  }
}
