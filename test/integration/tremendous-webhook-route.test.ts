import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { POST } from "../../app/api/webhooks/tremendous/route";
import { updateRewardSettings } from "../../core/rewards/update-reward-settings";
import { closeDb, type Database } from "../../db/client";
import { providerWebhookEvents } from "../../db/schema";
import { tremendousSignature } from "../../providers/tremendous/tremendous-webhooks";
import { settleAfterResponse } from "../support/after-response";
import { ensureWorkerDatabase, workerDatabase } from "../support/database";
import { databaseUrl } from "../support/database-urls";
import { createRewardsOrg, redemptionRow, rewardsFixture, STARBUCKS_5 } from "../support/rewards-fixture";
import type { ReceivedWebhook } from "../support/webhook-receiver";

vi.mock("next/server", () => import("../support/after-response").then((module) => module.nextServer));

const database = workerDatabase();
// Deliveries take a moment, so an order is answered with its delivery still pending and the webhook tells the rest.
const fixture = rewardsFixture({ emailDeliveryMs: 150 });
const ROUTE = "http://plaudit.test/api/webhooks/tremendous";

let db: Database;

beforeAll(async () => {
  ({ db } = await database());
  // The route builds its own connection and provider adapters from the environment, as in production.
  Object.assign(process.env, {
    DATABASE_URL: databaseUrl(await ensureWorkerDatabase()),
    PLAUDIT_SANDBOX_URL: fixture.sandbox.apiUrl,
    PLAUDIT_SANDBOX_API_KEY: fixture.sandbox.apiKey,
    PLAUDIT_SANDBOX_WEBHOOK_KEY: fixture.sandbox.webhookKey,
  });
});
afterAll(() => closeDb());

function post(
  body: string,
  signature: string | null,
  headers: Record<string, string> = {},
): Promise<Response> {
  return POST(
    new Request(ROUTE, {
      method: "POST",
      body,
      headers: {
        "content-type": "application/json",
        ...(signature ? { "tremendous-webhook-signature": signature } : {}),
        ...headers,
      },
    }),
  );
}

/** A redemption whose delivery is still pending, and the sandbox's own signed webhook saying it succeeded. */
async function pendingDelivery() {
  const deps = fixture.deps();
  const org = await createRewardsOrg(db, deps);
  const ana = await org.hire({ name: "Ana" });
  await org.earn(ana, 100);
  const { redemption } = await org.redeem(ana, STARBUCKS_5, deps);
  const row = await redemptionRow(db, redemption.id);
  expect(row).toMatchObject({ status: "fulfilled", deliveryStatus: "pending" });
  const webhook = await fixture.webhooks.next(
    (each) => each.event === "REWARDS.DELIVERY.SUCCEEDED" && each.resourceId === row.providerRewardId,
  );
  return { org, row, webhook };
}

async function recorded(uuid: string) {
  return db.select().from(providerWebhookEvents).where(eq(providerWebhookEvents.uuid, uuid));
}

describe("POST /api/webhooks/tremendous", () => {
  it("takes the sandbox's signed webhook, and reads the delivery back from the provider", async () => {
    const { row, webhook } = await pendingDelivery();
    const answer = await post(webhook.rawBody, defined(webhook));
    expect(answer.status).toBe(200);
    expect(await answer.json()).toEqual({ received: true, duplicate: false });
    await settleAfterResponse();
    expect(await redemptionRow(db, row.id)).toMatchObject({
      deliveryStatus: "succeeded",
      nextAttemptAt: null,
    });
  });

  it("acknowledges a redelivery and does nothing with it", async () => {
    const { webhook } = await pendingDelivery();
    expect((await post(webhook.rawBody, defined(webhook))).status).toBe(200);
    await settleAfterResponse();
    const again = await post(webhook.rawBody, defined(webhook));
    expect(await again.json()).toEqual({ received: true, duplicate: true });
    expect(await recorded(webhook.uuid)).toHaveLength(1);
  });

  it("refuses an unsigned or forged webhook with 401 and records nothing", async () => {
    const { row, webhook } = await pendingDelivery();
    const forged = webhook.rawBody.replace(webhook.uuid, `${webhook.uuid}-forged`);
    const refusals = [
      await post(webhook.rawBody, null),
      await post(forged, defined(webhook)),
      await post(webhook.rawBody, tremendousSignature(webhook.rawBody, "someone else's key")),
      await post(webhook.rawBody, "sha256=not-hex"),
    ];
    expect(refusals.map((answer) => answer.status)).toEqual([401, 401, 401, 401]);
    await settleAfterResponse();
    expect(await recorded(webhook.uuid)).toEqual([]);
    expect(await recorded(`${webhook.uuid}-forged`)).toEqual([]);
    expect((await redemptionRow(db, row.id)).deliveryStatus).toBe("pending");
  });

  it("refuses a body over the cap with 413 before reading it", async () => {
    const huge = "x".repeat(70_000);
    const declared = await post(huge, tremendousSignature(huge, fixture.sandbox.webhookKey));
    expect(declared.status).toBe(413);
    // Sent without a length, it is read only up to the cap.
    const stream = new ReadableStream({
      start(controller) {
        for (let i = 0; i < 20; i++) controller.enqueue(new TextEncoder().encode("y".repeat(10_000)));
        controller.close();
      },
    });
    const streamed = await POST(
      new Request(ROUTE, {
        method: "POST",
        body: stream,
        headers: { "tremendous-webhook-signature": "sha256=00" },
        duplex: "half",
      } as RequestInit),
    );
    expect(streamed.status).toBe(413);
  });

  it("acknowledges a stale event without acting on it", async () => {
    const { row, webhook } = await pendingDelivery();
    const body = JSON.stringify({ ...JSON.parse(webhook.rawBody), created_utc: "2026-01-01T00:00:00Z" });
    const answer = await post(body, tremendousSignature(body, fixture.sandbox.webhookKey));
    expect(await answer.json()).toEqual({ received: true, ignored: "stale" });
    expect(await recorded(webhook.uuid)).toEqual([]);
    expect((await redemptionRow(db, row.id)).deliveryStatus).toBe("pending");
  });

  it("lets an org's Tremendous webhook key speak only for that org's orders", async () => {
    const { row, webhook } = await pendingDelivery();
    const other = await createRewardsOrg(db, fixture.deps());
    await updateRewardSettings(db, other.admin.actor, {
      provider: "tremendous",
      apiKey: "TEST_other_org_api_key_0001",
      webhookKey: "other-org-webhook-key-0001",
    });
    // The sandbox's event, re-signed with the other org's key: as if that org's account announced it.
    const answer = await post(
      webhook.rawBody,
      tremendousSignature(webhook.rawBody, "other-org-webhook-key-0001"),
    );
    expect(answer.status).toBe(200);
    await settleAfterResponse();
    const [event] = await recorded(webhook.uuid);
    expect(event).toMatchObject({ provider: "tremendous", orgId: null });
    const untouched = await db
      .select()
      .from(providerWebhookEvents)
      .where(
        and(eq(providerWebhookEvents.uuid, webhook.uuid), eq(providerWebhookEvents.provider, "sandbox")),
      );
    expect(untouched).toEqual([]);
    expect((await redemptionRow(db, row.id)).deliveryStatus).toBe("pending");
  });
});

function defined(webhook: ReceivedWebhook): string {
  if (!webhook.signature) throw new Error("the sandbox sent a webhook without a signature");
  return webhook.signature;
}
