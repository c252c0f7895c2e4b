import { eq } from "drizzle-orm";
import type { Executor } from "../../db/client";
import { organizations } from "../../db/schema";
import type { Actor } from "../shared/actor";
import { DomainError } from "../shared/errors";
import { formatPointsWithValue } from "../shared/money";
import { can } from "../shared/permissions";
import { CONFIRM_OVER_CEILING } from "./over-ceiling-field";

interface CeilingRequest {
  points: number;
  what: "monthly allowance" | "boost";
  /** The field the points came in, for a manager's refusal to sit beside. */
  field: string;
  /** Whether an admin has confirmed going past the ceiling. */
  confirmed: boolean;
}

/**
 * Refuses points over the org's ceiling for managers. A manager is told the limit; an admin is told
 * what the amount is worth and asked to confirm it, since allowances become money once redeemed.
 */
export async function checkAllowanceCeiling(
  tx: Executor,
  actor: Actor & { orgId: string },
  request: CeilingRequest,
): Promise<void> {
  const [org] = await tx
    .select({
      ceiling: organizations.managerAllowanceCeiling,
      points: organizations.pointValuePoints,
      minor: organizations.pointValueMinor,
      currency: organizations.currency,
    })
    .from(organizations)
    .where(eq(organizations.id, actor.orgId));
  if (!org || request.points <= org.ceiling) return;
  const value = { points: org.points, minor: org.minor, currency: org.currency };
  const ceiling = formatPointsWithValue(org.ceiling, value);
  const asked = formatPointsWithValue(request.points, value);
  const details = { ceiling: org.ceiling, points: request.points };
  if (!can(actor, "exceed_allowance_ceiling")) {
    throw new DomainError(
      "over_ceiling",
      `Managers can set at most ${ceiling} as a ${request.what}. Ask an admin for more.`,
      { ...details, field: request.field },
    );
  }
  if (!request.confirmed) {
    throw new DomainError(
      "over_ceiling",
      `A ${request.what} of ${asked} is over the ${ceiling} managers may set. Confirm to go ahead.`,
      { ...details, field: CONFIRM_OVER_CEILING },
    );
  }
}
