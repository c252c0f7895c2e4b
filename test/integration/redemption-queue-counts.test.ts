import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { grantPoints } from "../../core/giving/grant-points";
import { approveRedemption } from "../../core/rewards/approve-redemption";
import { countRedemptionQueues } from "../../core/rewards/count-redemption-queues";
import { createCustomReward } from "../../core/rewards/create-custom-reward";
import { declineRedemption } from "../../core/rewards/decline-redemption";
import { listRedemptions } from "../../core/rewards/list-redemptions";
import type { RewardDeps } from "../../core/rewards/order-placement";
import { REDEMPTION_QUEUES } from "../../core/rewards/redemption-queue";
import { requestRedemption } from "../../core/rewards/request-redemption";
import { syncRewardCatalog } from "../../core/rewards/sync-reward-catalog";
import { updateRewardSettings } from "../../core/rewards/update-reward-settings";
import { isDomainError } from "../../core/shared/errors";
import type { Database } from "../../db/client";
import { people } from "../../db/schema";
import { rewardProviders } from "../../providers/reward-providers";
import { workerDatabase } from "../support/database";
import { createTestOrg, key, type TestOrg, type TestPerson } from "../support/factories";
import { SANDBOX_API_KEY, sandboxProviderFixture } from "../support/provider-sandbox";

const database = workerDatabase();
const fixture = sandboxProviderFixture();
vi.stubEnv("PLAUDIT_SECRET_KEY", "redemption-queue-counts");

let deps: RewardDeps;
beforeAll(() => {
  deps = {
    providers: rewardProviders({
      PLAUDIT_SANDBOX_URL: fixture.sandbox.apiUrl,
      PLAUDIT_SANDBOX_API_KEY: SANDBOX_API_KEY,
    }),
  };
});

/** An org redeeming through the sandbox (10 pts = $1), where anything over 400 points needs approval. */
async function redeemingOrg(db: Database): Promise<TestOrg> {
  const org = await createTestOrg(db);
  await updateRewardSettings(db, org.admin.actor, {
    redemptionsEnabled: true,
    provider: "sandbox",
    approvalThreshold: 400,
  });
  await syncRewardCatalog(db, org.admin.actor, deps);
  return org;
}

async function earner(db: Database, org: TestOrg, points = 2000): Promise<TestPerson> {
  const person = await org.addPerson();
  await grantPoints(db, org.admin.actor, {
    recipientIds: [person.id],
    amount: points,
    message: "For the launch",
    idempotencyKey: key(),
  });
  return person;
}

const starbucks = (faceValueMinor: number) => ({ productId: "SBUXUS000001", faceValueMinor });

async function redeem(db: Database, person: TestPerson, choice: Parameters<typeof requestRedemption>[2]) {
  const { redemption } = await requestRedemption(db, person.actor, choice, deps);
  return redemption;
}

async function queueLengths(db: Database, org: TestOrg) {
  const lengths = await Promise.all(
    REDEMPTION_QUEUES.map(
      async (queue) =>
        [queue, (await listRedemptions(db, org.admin.actor, { queue, limit: 100 })).items.length] as const,
    ),
  );
  return Object.fromEntries(lengths);
}

describe("countRedemptionQueues", () => {
  it("counts exactly what each queue lists, and nothing that is over", async () => {
    const { db } = await database();
    const org = await redeemingOrg(db);
    const handover = await createCustomReward(db, org.admin.actor, { name: "Team lunch", pointsPrice: 100 });
    const dayOff = await createCustomReward(db, org.admin.actor, {
      name: "A day off",
      pointsPrice: 300,
      requiresApproval: true,
    });
    const ana = await earner(db, org);
    const ben = await earner(db, org);

    // Waiting for approval: a custom reward that asks for it, and a gift card over the threshold.
    await redeem(db, ana, { customRewardId: dayOff.id, idempotencyKey: key() });
    await redeem(db, ben, { ...starbucks(5000), idempotencyKey: key() });
    // To hand over.
    await redeem(db, ana, { customRewardId: handover.id, idempotencyKey: key() });
    // Over and done: fulfilled at once by the sandbox, and a declined one.
    expect((await redeem(db, ben, { ...starbucks(1000), idempotencyKey: key() })).status).toBe("fulfilled");
    const declined = await redeem(db, ana, { customRewardId: dayOff.id, idempotencyKey: key() });
    await declineRedemption(db, org.admin.actor, { redemptionId: declined.id, reason: "Not this month" });

    // Attention: an order the funding source can't pay (still held), and a delivery that bounced.
    fixture.sandbox.injectFault({ fault: "insufficient_funds" });
    expect((await redeem(db, ana, { ...starbucks(2500), idempotencyKey: key() })).status).toBe("submitted");
    const bounced = await earner(db, org);
    await db.update(people).set({ email: "bounced@bounce.example" }).where(eq(people.id, bounced.id));
    const undelivered = await redeem(db, bounced, { ...starbucks(500), idempotencyKey: key() });
    expect(undelivered).toMatchObject({ status: "fulfilled", deliveryStatus: "failed" });

    const counts = await countRedemptionQueues(db, org.admin.actor);
    expect(counts).toEqual({ approvals: 2, fulfilment: 1, attention: 2 });
    expect(counts).toEqual(await queueLengths(db, org));
  });

  it("follows a redemption out of its queue once an admin decides", async () => {
    const { db } = await database();
    const org = await redeemingOrg(db);
    const ana = await earner(db, org);
    const waiting = await redeem(db, ana, { ...starbucks(5000), idempotencyKey: key() });
    expect(await countRedemptionQueues(db, org.admin.actor)).toEqual({
      approvals: 1,
      fulfilment: 0,
      attention: 0,
    });

    const approved = await approveRedemption(db, org.admin.actor, { redemptionId: waiting.id }, deps);
    expect(approved.status).toBe("fulfilled");
    expect(await countRedemptionQueues(db, org.admin.actor)).toEqual({
      approvals: 0,
      fulfilment: 0,
      attention: 0,
    });
  });

  it("counts only the admin's own org", async () => {
    const { db } = await database();
    const org = await redeemingOrg(db);
    const other = await redeemingOrg(db);
    await redeem(db, await earner(db, other), { ...starbucks(5000), idempotencyKey: key() });

    expect(await countRedemptionQueues(db, org.admin.actor)).toEqual({
      approvals: 0,
      fulfilment: 0,
      attention: 0,
    });
    expect((await countRedemptionQueues(db, other.admin.actor)).approvals).toBe(1);
  });

  it("is refused to anyone who doesn't decide on redemptions", async () => {
    const { db } = await database();
    const org = await redeemingOrg(db);
    const employee = await org.addPerson();
    const finance = await org.addPerson({ roles: ["employee", "finance"] });
    for (const actor of [employee.actor, finance.actor, org.system]) {
      const refusal = await countRedemptionQueues(db, actor).catch((error: unknown) => error);
      expect(isDomainError(refusal, "forbidden")).toBe(true);
    }
  });
});
