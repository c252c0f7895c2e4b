import { eq } from "drizzle-orm";
import { z } from "zod";
import type { Executor } from "../../db/client";
import { organizations } from "../../db/schema";
import type { Actor } from "../shared/actor";
import { DomainError } from "../shared/errors";
import { authorize } from "../shared/permissions";
import { parseInput, uuid } from "../shared/validation";
import { recordAudit } from "./audit";

/** The audit action that marks a finished demo seed; getDemoSeedStatus looks for it. */
export const DEMO_SEEDED_ACTION = "organization.seed_demo";

const markInput = z.object({
  orgId: uuid(),
  people: z.number().int().nonnegative(),
  recognitions: z.number().int().nonnegative(),
});

export type MarkDemoSeededInput = z.input<typeof markInput>;

/**
 * The operator's demo seed records that it finished, with what it wrote. Until this entry exists the
 * demo counts as interrupted, and the next seed finishes it; once it exists, a seed leaves the org alone.
 */
export async function markDemoSeeded(db: Executor, actor: Actor, input: MarkDemoSeededInput): Promise<void> {
  authorize(actor, "seed_demo");
  const { orgId, ...written } = parseInput(markInput, input);
  await db.transaction(async (tx) => {
    const [org] = await tx
      .select({ id: organizations.id })
      .from(organizations)
      .where(eq(organizations.id, orgId));
    if (!org) throw new DomainError("not_found", "That organization doesn't exist.", { field: "orgId" });
    await recordAudit(tx, actor, {
      orgId,
      action: DEMO_SEEDED_ACTION,
      targetType: "organization",
      targetId: orgId,
      after: written,
    });
  });
}
