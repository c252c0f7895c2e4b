import type { z } from "zod";
import type { Database, Transaction } from "../../db/client";
import { recordAudit } from "../org/audit";
import type { Actor } from "../shared/actor";
import { systemClock } from "../shared/clock";
import { DomainError } from "../shared/errors";
import { actorOrgId, authorize } from "../shared/permissions";
import { parseInput, uuid } from "../shared/validation";
import { orgProvider, type RewardDeps } from "./order-placement";
import { expectStatus, findRedemption, lockRedemption } from "./redemption-transitions";
import { type RedemptionRow, type RedemptionView, redemptionView } from "./redemption-view";
import { isProviderError, type RewardProvider } from "./reward-provider";

export const redemptionId = uuid("Choose a redemption.");

/** Who decided, for the redemption's record and the audit log. */
export function deciderId(actor: Actor): string | null {
  return actor.kind === "person" ? actor.personId : null;
}

/**
 * The frame of every admin decision on one redemption: authorise, lock it, change it, audit the change
 * with its before and after.
 */
export async function decideOnRedemption<Input extends { redemptionId: string }>(
  db: Database,
  actor: Actor,
  schema: z.ZodType<Input>,
  input: unknown,
  deps: Pick<RewardDeps, "clock">,
  action: string,
  decide: (tx: Transaction, row: RedemptionRow, request: Input, at: Date) => Promise<RedemptionRow>,
): Promise<RedemptionRow> {
  authorize(actor, "decide_redemptions");
  const orgId = actorOrgId(actor);
  const request = parseInput(schema, input);
  const at = (deps.clock ?? systemClock)();
  return db.transaction(async (tx) => {
    const row = await lockRedemption(tx, orgId, request.redemptionId);
    const after = await decide(tx, row, request, at);
    await recordAudit(tx, actor, {
      orgId,
      action,
      targetType: "redemption",
      targetId: row.id,
      before: { status: row.status, recipientEmail: row.recipientEmail },
      after: { status: after.status, recipientEmail: after.recipientEmail, reason: after.outcomeReason },
    });
    return after;
  });
}

/** A redemption as the admin who decided on it sees it. */
export function deciderView(row: RedemptionRow, actor: Actor): RedemptionView {
  return redemptionView(row, { isOwner: row.personId === deciderId(actor), handles: true });
}

/** The provider's reward id of a fulfilled redemption whose delivery failed; refuses any other. */
export function expectFailedDelivery(row: RedemptionRow): string {
  expectStatus(row, "fulfilled");
  if (row.deliveryStatus !== "failed" || !row.providerRewardId) {
    throw new DomainError("conflict", "Only a reward whose delivery failed can be resent or canceled.");
  }
  return row.providerRewardId;
}

/** Explains a provider's refusal to the admin who asked, in its own words. */
export function providerRefusal(error: unknown, what: string): unknown {
  if (!isProviderError(error)) return error;
  return new DomainError("provider_unavailable", `The provider would not ${what}: ${error.message}`);
}

/**
 * An admin's decision on a reward whose delivery failed (resend it, cancel it): the provider is asked
 * first, outside any transaction, and only if it agreed is the redemption changed, in the usual frame.
 */
export async function decideOnFailedDelivery<Input extends { redemptionId: string }, Answer>(
  db: Database,
  actor: Actor,
  schema: z.ZodType<Input>,
  input: unknown,
  deps: RewardDeps,
  action: string,
  ask: {
    what: string;
    call: (provider: RewardProvider, rewardId: string, request: Input) => Promise<Answer>;
  },
  decide: (tx: Transaction, row: RedemptionRow, answer: Answer, at: Date) => Promise<RedemptionRow>,
): Promise<RedemptionView> {
  authorize(actor, "decide_redemptions");
  const orgId = actorOrgId(actor);
  const request = parseInput(schema, input);
  const rewardId = expectFailedDelivery(await findRedemption(db, orgId, request.redemptionId));
  const provider = await orgProvider(db, deps, orgId);
  const answer = await ask.call(provider, rewardId, request).catch((error: unknown) => {
    throw providerRefusal(error, ask.what);
  });
  const decided = await decideOnRedemption(db, actor, schema, input, deps, action, (tx, row, _, at) => {
    expectFailedDelivery(row);
    return decide(tx, row, answer, at);
  });
  return deciderView(decided, actor);
}
