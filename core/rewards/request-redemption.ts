import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { z } from "zod";
import type { Database, Executor } from "../../db/client";
import { people, redemptions } from "../../db/schema";
import { holdPoints } from "../ledger/holds";
import { requestHash } from "../ledger/request-hash";
import { consumeRateLimit, type RateLimit, rateLimit, refundRateLimit } from "../limits/rate-limits";
import { loadOrgContext } from "../org/org-context";
import type { Actor } from "../shared/actor";
import { systemClock } from "../shared/clock";
import { DomainError, isDomainError } from "../shared/errors";
import { formatPointsWithValue } from "../shared/money";
import { actorOrgId, authorize, can } from "../shared/permissions";
import { parseInput, text, uuid } from "../shared/validation";
import { needsApproval } from "./approval-rule";
import { choosesOneReward, ONE_REWARD, rewardChoiceFields } from "./catalog";
import { ATTEMPT_LEASE_MS, pushRedemption, type RewardDeps } from "./order-placement";
import { chooseReward } from "./redemption-pricing";
import { askApprovers } from "./redemption-transitions";
import { type RedemptionRow, type RedemptionView, redemptionView } from "./redemption-view";
import { loadRewardSettings } from "./reward-settings";

const requestInput = z
  .object({
    ...rewardChoiceFields,
    /** A gift card's or donation's face value, in the org currency's minor units. */
    faceValueMinor: z
      .number("Enter an amount.")
      .int("Enter a whole amount.")
      .positive("Enter an amount.")
      .optional(),
    /** A charity donation shown in the feed ("Ana donated $25 to ..."). */
    shareInFeed: z.boolean().default(false),
    /** Only an org-level (system) actor, such as an API key, redeems on someone's behalf. */
    personId: uuid().optional(),
    idempotencyKey: text().min(1).max(200),
  })
  .refine(choosesOneReward, ONE_REWARD);

export type RequestRedemptionInput = z.input<typeof requestInput>;
type RedemptionRequest = z.output<typeof requestInput>;

export interface RequestRedemptionResult {
  redemption: RedemptionView;
  /** True when this call repeated an earlier request with the same idempotency key. */
  replayed: boolean;
}

/**
 * A person redeems earned points for a reward. One transaction prices it (exactly, in whole points),
 * freezes everything a bill will need, takes a custom reward off the shelf and holds the points; then,
 * unless an admin must approve it first, the provider order is placed with the redemption's id as its
 * idempotency key. Whatever the provider answers, or fails to, the points are settled, released or left
 * held for background work to finish: never lost, never spent twice.
 *
 * A repeat of an earlier request answers with that redemption, taken one step further with its provider
 * if it is still being ordered (its id keeps it one order there), so that it answers as the first request
 * does rather than with a moment of its history. Each person may redeem `limit` times a window, from the
 * web and the API alike (null: not limited, for the demo seed); a repeat does not count.
 */
export async function requestRedemption(
  db: Database,
  actor: Actor,
  input: RequestRedemptionInput,
  deps: RewardDeps,
  limit: RateLimit | null = rateLimit("redemptions"),
): Promise<RequestRedemptionResult> {
  authorize(actor, "redeem_rewards");
  const orgId = actorOrgId(actor);
  const request = parseInput(requestInput, input);
  const personId = actor.kind === "person" ? actor.personId : request.personId;
  if (!personId) throw new DomainError("invalid", "Say who is redeeming.", { field: "personId" });
  if (actor.kind === "person" && request.personId && request.personId !== actor.personId) {
    throw new DomainError("forbidden", "You can only redeem your own points.");
  }
  const hash = requestHash({
    personId,
    productId: request.productId ?? null,
    customRewardId: request.customRewardId ?? null,
    faceValueMinor: request.faceValueMinor ?? null,
    shareInFeed: request.shareInFeed,
  });
  // The gift link goes to the person redeeming, never to an API key that redeems on their behalf.
  const view = (row: RedemptionRow) =>
    redemptionView(row, {
      isOwner: actor.kind === "person" && row.personId === actor.personId,
      handles: can(actor, "decide_redemptions"),
    });

  const replay = async (row: RedemptionRow): Promise<RequestRedemptionResult> => {
    const caughtUp = row.status === "submitted" ? await pushRedemption(db, deps, orgId, row.id) : row;
    return { redemption: view(caughtUp), replayed: true };
  };

  const earlier = await findEarlier(db, orgId, request.idempotencyKey, hash);
  if (earlier) return replay(earlier);
  if (limit) {
    try {
      await consumeRateLimit(db, limit, personId);
    } catch (error) {
      // A copy of a request that took effect meanwhile still gets its answer, whatever the window says.
      const winner = isDomainError(error, "rate_limited")
        ? await findEarlier(db, orgId, request.idempotencyKey, hash)
        : null;
      if (!winner) throw error;
      return replay(winner);
    }
  }
  let created: RedemptionRow;
  try {
    created = await db.transaction((tx) => createRedemption(tx, orgId, personId, request, hash, deps));
  } catch (error) {
    // Copies of one request raced: the loser answers with the winner's redemption, whether the unique
    // key refused it or the winner's hold had already taken the points (or the last in stock) it needed.
    const winner = await findEarlier(db, orgId, request.idempotencyKey, hash);
    if (!winner) throw error;
    if (limit) await refundRateLimit(db, limit, personId);
    return replay(winner);
  }
  const pushed = created.status === "submitted" ? await pushRedemption(db, deps, orgId, created.id) : created;
  return { redemption: view(pushed), replayed: false };
}

async function findEarlier(
  db: Executor,
  orgId: string,
  key: string,
  hash: string,
): Promise<RedemptionRow | null> {
  const [row] = await db
    .select()
    .from(redemptions)
    .where(and(eq(redemptions.orgId, orgId), eq(redemptions.idempotencyKey, key)));
  if (!row) return null;
  if (row.requestHash !== hash) {
    throw new DomainError(
      "idempotency_conflict",
      "This request reuses the key of a different redemption. Send it with a new idempotency key.",
    );
  }
  return row;
}

async function createRedemption(
  tx: Executor,
  orgId: string,
  personId: string,
  request: RedemptionRequest,
  hash: string,
  deps: RewardDeps,
): Promise<RedemptionRow> {
  const now = (deps.clock ?? systemClock)();
  const [settings, org, [person]] = await Promise.all([
    loadRewardSettings(tx, orgId),
    loadOrgContext(tx, orgId),
    tx
      .select()
      .from(people)
      .where(and(eq(people.orgId, orgId), eq(people.id, personId))),
  ]);
  if (!person)
    throw new DomainError("not_found", "That person isn't in your organization.", { field: "personId" });
  if (!person.active || person.isBot) {
    throw new DomainError("forbidden", `${person.name} can't redeem points.`, { field: "personId" });
  }
  if (!settings.redemptionsEnabled) {
    throw new DomainError(
      "redemptions_disabled",
      "Redemptions are switched off for now. Your points are safe; an admin can switch redemptions on.",
    );
  }

  const reward = await chooseReward(tx, orgId, request, org.pointValue, settings);
  const status = needsApproval(reward.points, reward, settings.approvalThreshold)
    ? "awaiting_approval"
    : reward.custom
      ? "awaiting_fulfillment"
      : "submitted";
  const id = randomUUID();
  const holdTransactionId = await holdPoints(tx, {
    orgId,
    personId,
    amount: reward.points,
    idempotencyKey: `redemption:${id}:hold`,
    actorPersonId: personId,
    memo: `Redemption: ${reward.rewardName}`,
    at: now,
  }).catch((error: unknown) => {
    if (!isDomainError(error, "insufficient_points")) throw error;
    const { balance } = error.details as { balance: number };
    throw new DomainError(
      "insufficient_points",
      `That costs ${formatPointsWithValue(reward.points, org.pointValue)} and you have ${formatPointsWithValue(balance, org.pointValue)} earned.`,
      { ...error.details, field: "faceValueMinor" },
    );
  });

  const [row] = await tx
    .insert(redemptions)
    .values({
      id,
      orgId,
      personId,
      kind: reward.kind,
      status,
      idempotencyKey: request.idempotencyKey,
      requestHash: hash,
      points: reward.points,
      pointValuePoints: org.pointValue.points,
      pointValueMinor: org.pointValue.minor,
      faceValueMinor: reward.faceValueMinor,
      currency: org.pointValue.currency,
      productId: reward.productId,
      customRewardId: reward.customRewardId,
      brand: reward.brand,
      rewardName: reward.rewardName,
      internalCostMinor: reward.internalCostMinor,
      personName: person.name,
      personEmail: person.email,
      externalEmployeeId: person.externalEmployeeId,
      department: person.department,
      costCenter: person.costCenter,
      deliveryMethod: reward.custom ? null : settings.deliveryMethod,
      recipientEmail: reward.custom ? null : person.email,
      shareInFeed: reward.kind === "charity" && request.shareInFeed,
      provider: reward.custom ? null : settings.provider,
      holdTransactionId,
      // The request places the order itself; background work takes over only if it has not within the lease.
      nextAttemptAt: status === "submitted" ? new Date(now.getTime() + ATTEMPT_LEASE_MS) : null,
      requestedAt: now,
      updatedAt: now,
    })
    .returning();
  if (!row) throw new Error("redemption insert returned nothing");
  if (status === "awaiting_approval") await askApprovers(tx, row);
  return row;
}
