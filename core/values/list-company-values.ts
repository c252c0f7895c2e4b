import { and, asc, eq, isNull } from "drizzle-orm";
import type { Executor } from "../../db/client";
import { companyValues } from "../../db/schema";
import type { Actor } from "../shared/actor";
import { actorOrgId, authorize } from "../shared/permissions";

export interface ActiveCompanyValue {
  id: string;
  /** The hashtag without '#', lower-case. */
  name: string;
  description: string | null;
}

/** The org's company values that new recognitions can carry, alphabetically; retired ones are left out. */
export async function listCompanyValues(
  db: Executor,
  actor: Actor,
): Promise<{ values: ActiveCompanyValue[] }> {
  authorize(actor, "read_feed");
  const orgId = actorOrgId(actor);
  const values = await db
    .select({ id: companyValues.id, name: companyValues.name, description: companyValues.description })
    .from(companyValues)
    .where(and(eq(companyValues.orgId, orgId), isNull(companyValues.retiredAt)))
    .orderBy(asc(companyValues.name));
  return { values };
}
