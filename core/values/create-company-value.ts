import { z } from "zod";
import type { Executor } from "../../db/client";
import { companyValues } from "../../db/schema";
import { recordAudit } from "../org/audit";
import type { Actor } from "../shared/actor";
import { sqlState } from "../shared/errors";
import { actorOrgId, authorize } from "../shared/permissions";
import { parseInput } from "../shared/validation";
import { type CompanyValue, duplicateValueName, valueDescription, valueName } from "./company-value";

const createCompanyValueInput = z.object({
  name: valueName,
  description: valueDescription.optional(),
});

export type CreateCompanyValueInput = z.input<typeof createCompanyValueInput>;

/** An admin adds a company value (a hashtag people can tag recognitions with). */
export async function createCompanyValue(
  db: Executor,
  actor: Actor,
  input: CreateCompanyValueInput,
): Promise<CompanyValue> {
  authorize(actor, "manage_values");
  const orgId = actorOrgId(actor);
  const request = parseInput(createCompanyValueInput, input);
  try {
    return await db.transaction(async (tx) => {
      const [value] = await tx
        .insert(companyValues)
        .values({ orgId, name: request.name, description: request.description ?? null })
        .returning({
          id: companyValues.id,
          name: companyValues.name,
          description: companyValues.description,
          retiredAt: companyValues.retiredAt,
        });
      if (!value) throw new Error("company value insert returned nothing");
      await recordAudit(tx, actor, {
        orgId,
        action: "company_value.create",
        targetType: "company_value",
        targetId: value.id,
        after: { name: value.name, description: value.description },
      });
      return value;
    });
  } catch (error) {
    // The unique (org, name) constraint decides a race between two admins adding the same name.
    if (sqlState(error) === "23505") throw duplicateValueName(request.name);
    throw error;
  }
}
