import { eq } from "drizzle-orm";
import type { Executor } from "../../db/client";
import { organizations } from "../../db/schema";
import type { Actor } from "../shared/actor";
import { DomainError } from "../shared/errors";
import { actorOrgId, authorize } from "../shared/permissions";

export interface GivingRules {
  /** Points per recipient of one recognition, inclusive. */
  minPoints: number;
  maxPoints: number;
  valuesMode: "off" | "optional" | "required";
}

/** The org's rules a give form checks as the giver types; `givePoints` enforces the same ones. */
export async function getGivingRules(db: Executor, actor: Actor): Promise<GivingRules> {
  authorize(actor, "give_points");
  const orgId = actorOrgId(actor);
  const [rules] = await db
    .select({
      minPoints: organizations.minPointsPerRecognition,
      maxPoints: organizations.maxPointsPerRecognition,
      valuesMode: organizations.valuesMode,
    })
    .from(organizations)
    .where(eq(organizations.id, orgId));
  if (!rules) throw new DomainError("not_found", "Organization not found.");
  return rules;
}
