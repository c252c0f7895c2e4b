import { and, eq, type SQL } from "drizzle-orm";
import type { Transaction } from "../../db/client";
import { companyValues } from "../../db/schema";
import { DomainError } from "../shared/errors";
import { text } from "../shared/validation";
import { normaliseValueName, VALUE_NAME_PATTERN } from "./value-names";

/** A hashtag as typed (`#Ownership`, `ownership`, a Slack channel mention), normalised and checked. */
export const valueName = text("Name the value.")
  .transform(normaliseValueName)
  .pipe(
    text()
      .min(1, "Name the value.")
      .regex(
        VALUE_NAME_PATTERN,
        "Use up to 40 letters, digits, dashes and underscores, starting with a letter or digit.",
      ),
  );

export const valueDescription = text()
  .trim()
  .max(500, "Keep the description under 500 characters.")
  .transform((description) => (description === "" ? null : description))
  .nullable();

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
