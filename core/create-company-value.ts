import { and, eq, type SQL } from "drizzle-orm";
import { z } from "zod";
import type { Database, Transaction } from "../db/client";
import { companyValues } from "../db/schema";
import type { Actor } from "./actor";
import { recordAudit } from "./audit";
import { DomainError, sqlState } from "./errors";
import { actorOrgId, authorize } from "./permissions";
import { parseInput } from "./validation";
import { normaliseValueName, VALUE_NAME_PATTERN } from "./values";

/** A hashtag as typed (`#Ownership`, `ownership`, a Slack channel mention), normalised and checked. */
export const valueName = z
  .string("Name the value.")
  .transform(normaliseValueName)
  .pipe(
    z
      .string()
      .min(1, "Name the value.")
      .regex(
        VALUE_NAME_PATTERN,
        "Use up to 40 letters, digits, dashes and underscores, starting with a letter or digit.",
      ),
  );

export const valueDescription = z
  .string()
  .trim()
  .max(500, "Keep the description under 500 characters.")
  .transform((text) => (text === "" ? null : text))
  .nullable();

const createCompanyValueInput = z.object({
  name: valueName,
  description: valueDescription.optional(),
});

export type CreateCompanyValueInput = z.input<typeof createCompanyValueInput>;

export interface CompanyValue {
  id: string;
  name: string;
  description: string | null;
  retiredAt: Date | null;
}

/** The message for a name another value of the org already has, retired or not. */
export function duplicateValueName(name: string): DomainError {
  return new DomainError("conflict", `The org already has a value called #${name}.`, { field: "name" });
}

/** An admin adds a company value (a hashtag people can tag recognitions with). */
export async function createCompanyValue(
  db: Database,
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

const COMPANY_VALUE_COLUMNS = {
  id: companyValues.id,
  name: companyValues.name,
  description: companyValues.description,
  retiredAt: companyValues.retiredAt,
};

/**
 * A value of the org, locked for the rest of the transaction, with the condition that selects it for
 * the update that follows. Another org's value looks exactly like one that doesn't exist.
 */
export async function lockCompanyValue(
  tx: Transaction,
  orgId: string,
  valueId: string,
): Promise<{ current: CompanyValue; ofOrg: SQL | undefined; columns: typeof COMPANY_VALUE_COLUMNS }> {
  const ofOrg = and(eq(companyValues.orgId, orgId), eq(companyValues.id, valueId));
  const [current] = await tx.select(COMPANY_VALUE_COLUMNS).from(companyValues).where(ofOrg).for("update");
  if (!current) throw new DomainError("not_found", "That value doesn't exist.", { field: "valueId" });
  return { current, ofOrg, columns: COMPANY_VALUE_COLUMNS };
}
