import { eq } from "drizzle-orm";
import { describe, expect, it, vi } from "vitest";
import * as recognitionsRoute from "../../app/api/v1/recognitions/route";
import { listFeed } from "../../core/feed/list-feed";
import { listPersonHistory } from "../../core/feed/list-person-history";
import type { FeedItem, FeedPage } from "../../core/feed/recognition-list";
import { grantPoints } from "../../core/giving/grant-points";
import { createApiKey } from "../../core/org/create-api-key";
import { declineRedemption } from "../../core/rewards/decline-redemption";
import type { RewardDeps } from "../../core/rewards/order-placement";
import { requestRedemption } from "../../core/rewards/request-redemption";
import { syncRewardCatalog } from "../../core/rewards/sync-reward-catalog";
import { updateRewardSettings } from "../../core/rewards/update-reward-settings";
import type { Database } from "../../db/client";
import { people } from "../../db/schema";
import { appPoolOnWorkerDatabase } from "../support/app-database";
import { workerDatabase } from "../support/database";
import { createTestOrg, key, type TestOrg, type TestPerson } from "../support/factories";
import { giveAt } from "../support/giving";
import { allPages } from "../support/pages";
import { sandboxProviderFixture } from "../support/provider-sandbox";

const database = workerDatabase();
const provider = sandboxProviderFixture();
// Gift links are sealed at rest; these tests deliver by email, but the key must exist.
vi.stubEnv("PLAUDIT_SECRET_KEY", "feed-donations");

appPoolOnWorkerDatabase();

const DOCTORS = "MSFXUS000001";
const STARBUCKS = "SBUXUS000001";
/** Before everything each test makes: the points donors spend are granted then. */
const FUNDED_AT = new Date("2026-03-01T09:00:00Z");
const minute = (n: number) => new Date(Date.UTC(2026, 3, 1, 12, n));

function deps(at?: Date): RewardDeps {
  return { providers: () => provider.adapter(), clock: at ? () => at : undefined };
}

/** An org whose people can redeem through the sandbox, with its catalog synced. */
async function rewardsOrg(db: Database, settings: { approvalThreshold?: number } = {}): Promise<TestOrg> {
  const org = await createTestOrg(db, { defaultMonthlyAllowance: 1000 });
  await updateRewardSettings(db, org.admin.actor, { redemptionsEnabled: true, ...settings });
  await syncRewardCatalog(db, org.admin.actor, deps());
  return org;
}

/** Company points for `person` to redeem, granted before anything else happens in the test. */
async function fund(db: Database, org: TestOrg, person: TestPerson, amount = 5000): Promise<string> {
  const grant = await grantPoints(
    db,
    org.admin.actor,
    { recipientIds: [person.id], amount, message: "For redeeming", idempotencyKey: key() },
    () => FUNDED_AT,
  );
  return grant.recognitionId;
}

async function redeem(
  db: Database,
  person: TestPerson,
  at: Date,
  options: { productId?: string; faceValueMinor?: number; shareInFeed?: boolean } = {},
) {
  const { redemption } = await requestRedemption(
    db,
    person.actor,
    {
      productId: options.productId ?? DOCTORS,
      faceValueMinor: options.faceValueMinor ?? 2500,
      shareInFeed: options.shareInFeed ?? true,
      idempotencyKey: key(),
    },
    deps(at),
  );
  return redemption;
}

const keys = (items: readonly FeedItem[]) => items.map((item) => `${item.kind}:${item.id}`);

/** Newest first, equal instants by id descending: the order the feed promises. */
function newestFirst(made: { kind: FeedItem["kind"]; id: string; at: Date }[]): string[] {
  return [...made]
    .sort((a, b) => b.at.getTime() - a.at.getTime() || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0))
    .map((item) => `${item.kind}:${item.id}`);
}

describe("shared donations in the feed", () => {
  it("weaves fulfilled shared donations between recognitions by when they were made", async () => {
    const { db } = await database();
    const org = await rewardsOrg(db);
    const ana = await org.addPerson({ name: "Ana" });
    const ben = await org.addPerson({ name: "Ben" });
    await fund(db, org, ana);
    const first = await giveAt(db, ben, [ana], 5, { at: minute(1) });
    const donation = await redeem(db, ana, minute(2));
    const last = await giveAt(db, ben, [ana], 5, { at: minute(3) });

    const page = await listFeed(db, ana.actor, { donations: true, limit: 3 });

    expect(donation.status).toBe("fulfilled");
    expect(keys(page.items)).toEqual([
      `recognition:${last.recognitionId}`,
      `donation:${donation.id}`,
      `recognition:${first.recognitionId}`,
    ]);
    expect(page.items[1]).toEqual({
      kind: "donation",
      id: donation.id,
      createdAt: expect.any(String),
      donor: { id: ana.id, name: "Ana" },
      charity: "Doctors Without Borders",
      amountMinor: 2500,
      currency: "USD",
    });
    expect(Date.parse(page.items[1]?.createdAt ?? "")).toBe(minute(2).getTime());
  });

  it("pages across both kinds with one cursor: no duplicates, no gaps, equal instants by id", async () => {
    const { db } = await database();
    const org = await rewardsOrg(db);
    const [ana, ben] = await org.addPeople(2);
    if (!ana || !ben) throw new Error("people missing");
    const made: { kind: FeedItem["kind"]; id: string; at: Date }[] = [
      { kind: "recognition", id: await fund(db, org, ana), at: FUNDED_AT },
    ];
    for (let index = 0; index < 12; index++) {
      // Two items per minute, so pages end between kinds and inside groups of equal time.
      const at = minute(Math.floor(index / 2));
      if (index % 3 === 0) {
        made.push({ kind: "donation", id: (await redeem(db, ana, at, { faceValueMinor: 500 })).id, at });
      } else {
        made.push({ kind: "recognition", id: (await giveAt(db, ben, [ana], 1, { at })).recognitionId, at });
      }
    }

    for (const limit of [1, 2, 3, 5]) {
      const { pages, cursors } = await allPages((cursor) =>
        listFeed(db, ana.actor, { donations: true, cursor, limit }),
      );
      expect(pages.flatMap(keys)).toEqual(newestFirst(made));
      expect(pages.slice(0, -1).every((page) => page.length === limit)).toBe(true);
      expect(cursors.at(-1)).toBeNull();
    }
  });

  it("shows only charity donations that were shared and made", async () => {
    const { db } = await database();
    const org = await rewardsOrg(db, { approvalThreshold: 400 });
    const ana = await org.addPerson();
    await fund(db, org, ana);
    const shared = await redeem(db, ana, minute(1));
    const unshared = await redeem(db, ana, minute(2), { shareInFeed: false });
    const giftCard = await redeem(db, ana, minute(3), { productId: STARBUCKS });
    const waiting = await redeem(db, ana, minute(4), { faceValueMinor: 5000 });
    const declined = await redeem(db, ana, minute(5), { faceValueMinor: 6000 });
    await declineRedemption(db, org.admin.actor, { redemptionId: declined.id, reason: "Budget" });
    provider.sandbox.injectFault({ fault: "insufficient_funds" });
    const stuck = await redeem(db, ana, minute(6));

    const page = await listFeed(db, ana.actor, { donations: true });

    expect([unshared.status, giftCard.status, stuck.status]).toEqual(["fulfilled", "fulfilled", "submitted"]);
    expect([waiting.status, shared.status]).toEqual(["awaiting_approval", "fulfilled"]);
    expect(page.items.filter((item) => item.kind === "donation").map((item) => item.id)).toEqual([shared.id]);
  });

  it("shows a department's donations by the donor's department then, and none under a value or in a history", async () => {
    const { db } = await database();
    const org = await rewardsOrg(db);
    await org.addValues("ownership");
    const sales = await org.addPerson({ department: "Sales" });
    const ops = await org.addPerson({ department: "Ops" });
    await fund(db, org, sales);
    await fund(db, org, ops);
    const salesDonation = await redeem(db, sales, minute(1));
    const opsDonation = await redeem(db, ops, minute(2));
    const thanks = await giveAt(db, ops, [sales], 5, { at: minute(3), values: ["ownership"] });
    // A move after the donation leaves it where it was made, as the redemption recorded it.
    await db.update(people).set({ department: "Ops" }).where(eq(people.id, sales.id));

    const salesFeed = await listFeed(db, sales.actor, { donations: true, department: "Sales" });
    const opsFeed = await listFeed(db, sales.actor, { donations: true, department: "Ops" });
    const valueFeed = await listFeed(db, sales.actor, { donations: true, value: "ownership" });
    const history = await listPersonHistory(db, sales.actor, { personId: sales.id });

    const donations = (page: FeedPage) => page.items.filter((item) => item.kind === "donation");
    expect(donations(salesFeed).map((item) => item.id)).toEqual([salesDonation.id]);
    expect(donations(opsFeed).map((item) => item.id)).toEqual([opsDonation.id]);
    expect(keys(valueFeed.items)).toEqual([`recognition:${thanks.recognitionId}`]);
    expect(history.items.every((item) => item.kind === "recognition")).toBe(true);
    expect(history.items.map((item) => item.id)).toContain(thanks.recognitionId);
  });

  it("keeps each org's donations to itself", async () => {
    const { db } = await database();
    const ours = await rewardsOrg(db);
    const theirs = await rewardsOrg(db);
    const ana = await ours.addPerson();
    const zoe = await theirs.addPerson();
    await fund(db, ours, ana);
    await fund(db, theirs, zoe);
    const ourDonation = await redeem(db, ana, minute(1));
    await redeem(db, zoe, minute(2));

    const page = await listFeed(db, ana.actor, { donations: true, limit: 100 });
    const cursorPage = await listFeed(db, zoe.actor, {
      donations: true,
      cursor: Buffer.from(`${minute(9).toISOString()}|${ourDonation.id}`).toString("base64url"),
    });

    expect(page.items.filter((item) => item.kind === "donation").map((item) => item.id)).toEqual([
      ourDonation.id,
    ]);
    expect(cursorPage.items.some((item) => item.id === ourDonation.id)).toBe(false);
  });

  it("leaves donations out unless asked, so the integration API lists recognitions only", async () => {
    const { db } = await database();
    const org = await rewardsOrg(db);
    const ana = await org.addPerson();
    const granted = await fund(db, org, ana);
    await redeem(db, ana, minute(1));
    const { key: apiKey } = await createApiKey(db, org.admin.actor, {
      name: "HR sync",
      scopes: ["recognitions:read"],
    });

    const page = await listFeed(db, ana.actor);
    const response = await recognitionsRoute.GET(
      new Request("http://test/api/v1/recognitions", { headers: { authorization: `Bearer ${apiKey}` } }),
    );
    const body = (await response.json()) as { data: { id: string }[]; next_cursor: string | null };

    expect(keys(page.items)).toEqual([`recognition:${granted}`]);
    expect(response.status).toBe(200);
    expect(body).toEqual({ data: [expect.objectContaining({ id: granted })], next_cursor: null });
  });
});
