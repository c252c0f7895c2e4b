import { describe, expect, it } from "vitest";
import {
  readTremendousWebhook,
  verifyTremendousSignature,
} from "../../providers/tremendous/tremendous-webhooks";
import { defined } from "../support/assertions";
import { orderRequest, sandboxProviderFixture } from "../support/provider-sandbox";
import type { ReceivedWebhook } from "../support/webhook-receiver";

// Emails take a moment here, as they do at Tremendous: an order is answered with its delivery pending,
// and the delivery's outcome arrives as a signed webhook.
const fixture = sandboxProviderFixture({ emailDeliveryMs: 20 });
const provider = () => fixture.adapter();
const webhook = (event: string, resourceId: string) =>
  fixture.webhooks.next((received) => received.event === event && received.resourceId === resourceId);
const verified = (received: ReceivedWebhook, key = fixture.sandbox.webhookKey) =>
  verifyTremendousSignature(received.rawBody, received.signature, key);

describe("the sandbox's webhooks", () => {
  it("announces the order and then its delivery, each signed with the webhook key and its own uuid", async () => {
    const placed = await provider().placeOrder(orderRequest());
    const rewardId = defined(placed.reward?.id, "reward id");
    expect(placed.reward?.deliveryStatus).toBe("pending");

    const created = await webhook("ORDERS.CREATED", placed.id);
    const delivered = await webhook("REWARDS.DELIVERY.SUCCEEDED", rewardId);
    expect(created.signature).toMatch(/^sha256=[0-9a-f]{64}$/);
    expect([verified(created), verified(delivered)]).toEqual([true, true]);
    expect(verified(created, "another-key")).toBe(false);
    expect(readTremendousWebhook(created.rawBody).resource).toEqual({ type: "orders", id: placed.id });
    expect(readTremendousWebhook(delivered.rawBody).resource).toEqual({ type: "rewards", id: rewardId });
    expect(created.uuid).not.toBe(delivered.uuid);
    expect((await provider().getReward(rewardId)).deliveryStatus).toBe("succeeded");
  });

  it("reports a bounced delivery, then the resend to a corrected address", async () => {
    const bounced = orderRequest({ recipient: { name: "Ana", email: "ana@bounce.example" } });
    const rewardId = defined((await provider().placeOrder(bounced)).reward?.id, "reward id");
    const failed = await webhook("REWARDS.DELIVERY.FAILED", rewardId);
    expect(verified(failed)).toBe(true);
    expect(failed.meta).toMatchObject({ retryable: true, failure_reason: expect.any(String) });
    expect((await provider().getReward(rewardId)).deliveryStatus).toBe("failed");

    await provider().resendReward(rewardId, "ana@example.com");
    expect(verified(await webhook("REWARDS.DELIVERY.SUCCEEDED", rewardId))).toBe(true);
    expect((await provider().getReward(rewardId)).deliveryStatus).toBe("succeeded");
  });

  it("announces a canceled reward", async () => {
    const bounced = orderRequest({ recipient: { name: "Ana", email: "ana@bounce.example" } });
    const rewardId = defined((await provider().placeOrder(bounced)).reward?.id, "reward id");
    await webhook("REWARDS.DELIVERY.FAILED", rewardId);
    await provider().cancelReward(rewardId);
    expect(verified(await webhook("REWARDS.CANCELED", rewardId))).toBe(true);
  });

  it("sends a refused webhook again, the same bytes under the same signature", {
    timeout: 5000,
  }, async () => {
    // Earlier tests' webhooks all in first, so the refusal meets this test's.
    await fixture.sandbox.webhooksSettled();
    fixture.webhooks.refuseNext(1);
    const placed = await provider().placeOrder(orderRequest({ delivery: "link" }));
    const created = await webhook("ORDERS.CREATED", placed.id);
    expect(fixture.webhooks.refused).toEqual([created.rawBody]);
    expect(verified(created)).toBe(true);
    expect(fixture.webhooks.received.filter((received) => received.resourceId === placed.id)).toHaveLength(1);
  });
});
