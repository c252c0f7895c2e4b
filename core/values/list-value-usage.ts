import { asc, eq, sql } from "drizzle-orm";
import type { Executor } from "../../db/client";
import { companyValues, recognitionValues } from "../../db/schema";
import type { Actor } from "../shared/actor";
import { actorOrgId, authorize } from "../shared/permissions";
import type { CompanyValue } from "./company-value";

export interface ValueUsage extends CompanyValue {
  /** Recognitions tagged with the value, before and after it was retired. */
  usageCount: number;
}

/**
 * Every company value of the org for the admin who manages them: active ones first, then retired ones,
 * each alphabetically, with how many recognitions carry it (one index range per value).
 */
export async function listValueUsage(db: Executor, actor: Actor): Promise<{ values: ValueUsage[] }> {
  authorize(actor, "manage_values");
  const orgId = actorOrgId(actor);
  const values = await db
    .select({
      id: companyValues.id,
      name: companyValues.name,
      description: companyValues.description,
      retiredAt: companyValues.retiredAt,
      usageCount: sql<number>`(select count(*) from ${recognitionValues}
        where ${recognitionValues.orgId} = ${companyValues.orgId}
          and ${recognitionValues.valueId} = ${companyValues.id})::int`,
    })
    .from(companyValues)
    .where(eq(companyValues.orgId, orgId))
    .orderBy(sql`${companyValues.retiredAt} is not null`, asc(companyValues.name));
  return { values };
}
