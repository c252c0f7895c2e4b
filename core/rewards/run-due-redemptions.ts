import { sql } from "drizzle-orm";
import { z } from "zod";
import type { Database } from "../../db/client";
import type { Actor } from "../shared/actor";
import { systemClock } from "../shared/clock";
import { failureMessage } from "../shared/errors";
import { authorize } from "../shared/permissions";
import { parseInput } from "../shared/validation";
import { advanceRedemption } from "./advance-redemption";
import { ATTEMPT_LEASE_MS, type RewardDeps } from "./order-placement";
import { attemptDue } from "./redemption-attempts";

const runInput = z.object({ limit: z.number().int().min(1).max(500).default(20) });

export type RunDueRedemptionsInput = z.input<typeof runInput>;

export interface DueRedemptionsRun {
  claimed: number;
  /** Redemptions whose step threw something unexpected; they are taken up again when their lease ends. */
  errors: { redemptionId: string; message: string }[];
}

/**
 * One pass of background work over every org (an org's system actor: over its own): claims the
 * redemptions whose next attempt is due, each for a lease, and takes each a step further. `for update
 * skip locked` lets any number of workers claim side by side without taking the same one; the lease
 * keeps a crashed worker's claims from being lost. What each step does to money is deduplicated by the
 * ledger and the provider's external id, not by the claim.
 */
export async function runDueRedemptions(
  db: Database,
  actor: Actor,
  input: RunDueRedemptionsInput,
  deps: RewardDeps,
): Promise<DueRedemptionsRun> {
  authorize(actor, "run_background_work");
  const { limit } = parseInput(runInput, input);
  const now = (deps.clock ?? systemClock)();
  const leaseEnds = new Date(now.getTime() + ATTEMPT_LEASE_MS);
  // Only the deployment (the operator) works across orgs; an org's system actor works through its own.
  const ofActorOrg = actor.kind === "system" ? sql`and org_id = ${actor.orgId}::uuid` : sql``;
  const claimed = await db.execute<{ id: string; org_id: string }>(sql`
    update redemptions set next_attempt_at = ${leaseEnds.toISOString()}::timestamptz
    where id in (
      select id from redemptions
      where ${attemptDue(now)} ${ofActorOrg}
      order by next_attempt_at
      limit ${limit}
      for update skip locked)
    returning id, org_id`);
  const errors: DueRedemptionsRun["errors"] = [];
  for (const row of claimed) {
    const system: Actor = { kind: "system", orgId: row.org_id };
    await advanceRedemption(db, system, { redemptionId: row.id }, deps).catch((error: unknown) => {
      errors.push({ redemptionId: row.id, message: failureMessage(error) });
    });
  }
  return { claimed: claimed.length, errors };
}
