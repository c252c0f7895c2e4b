import { count, eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import * as balancesRoute from "../../app/api/v1/people/[id]/balances/route";
import * as redemptionsRoute from "../../app/api/v1/redemptions/route";
import * as rewardsRoute from "../../app/api/v1/rewards/route";
import { createCustomReward } from "../../core/rewards/create-custom-reward";
import { declineRedemption } from "../../core/rewards/decline-redemption";
import { getRedemption } from "../../core/rewards/get-redemption";
import { requestRedemption } from "../../core/rewards/request-redemption";
import type { Database } from "../../db/client";
import { redemptions } from "../../db/schema";
import {
  type Answer,
  answer,
  apiRequest,
  expectError,
  expectShape,
  orgWithKey,
  type PageOf,
} from "../support/api-client";
import { appPoolOnWorkerDatabase } from "../support/app-database";
import { defined, expectLedgerClean } from "../support/assertions";
import { workerDatabase } from "../support/database";
import { key, type TestPerson } from "../support/factories";
import { sandboxProviderFixture } from "../support/provider-sandbox";
import { earn, openRewards, sandboxDeps, sandboxEnvironment } from "../support/rewards";

const database = workerDatabase();
const provider = sandboxProviderFixture();

appPoolOnWorkerDatabase();
// The routes build their providers from the environment, as the app does: point them at this sandbox.
beforeEach(() => {
  for (const [name, value] of Object.entries(sandboxEnvironment(provider))) vi.stubEnv(name, value);
  // Gift links are kept sealed with it.
  vi.stubEnv("PLAUDIT_SECRET_KEY", "api-v1-rewards-test-key");
});
afterEach(() => {
  vi.unstubAllEnvs();
});

// ---------------------------------------------------------------------------------------------------
// What these routes answer, and a client for each.

interface Money {
  minor: number;
  currency: string;
}

interface RewardJson {
  kind: string;
  product_id: string | null;
  custom_reward_id: string | null;
  name: string;
  currency: string;
  denominations: {
    fixed: { face_value_minor: number; points: number }[];
    ranges: {
      min_minor: number;
      max_minor: number;
      step_minor: number;
      min_points: number;
      max_points: number;
      step_points: number;
    }[];
  } | null;
  points_price: number | null;
  stock_left: number | null;
  requires_approval: boolean;
  from_points: number;
  from_value: Money;
}

interface CatalogJson {
  redemptions_enabled: boolean;
  point_value: { points: number; minor: number; currency: string };
  approval_threshold: number | null;
  rewards: RewardJson[];
}

interface RedemptionJson {
  id: string;
  person: { id: string; name: string };
  kind: string;
  status: string;
  reward_name: string;
  points: number;
  points_value: Money;
  face_value: Money | null;
  requested_at: string;
}

const api = {
  rewards: <Body = { data: CatalogJson }>(key: string, query = "") =>
    answer<Body>(rewardsRoute.GET(apiRequest(`/rewards${query}`, { key }))),
  redemptions: <Body = PageOf<RedemptionJson>>(key: string, query = "") =>
    answer<Body>(redemptionsRoute.GET(apiRequest(`/redemptions${query}`, { key }))),
  redeem: <Body = { data: RedemptionJson }>(
    key: string,
    body: unknown,
    idempotencyKey: string | null = key,
  ) =>
    answer<Body>(
      redemptionsRoute.POST(
        apiRequest("/redemptions", {
          key,
          body,
          headers: idempotencyKey === null ? {} : { "idempotency-key": idempotencyKey },
        }),
      ),
    ),
  earned: async (key: string, id: string) =>
    (
      await answer<{ data: { earned: { balance: number } } }>(
        balancesRoute.GET(apiRequest(`/people/${id}/balances`, { key }), { params: Promise.resolve({ id }) }),
      )
    ).body.data.earned.balance,
};

const STARBUCKS = "SBUXUS000001";
const AMAZON = "AMZNUS000001";

/** An org with an API key, its rewards open on the sandbox, and a person with `points` earned. */
async function redeemingOrg(db: Database, points: number, settings: Parameters<typeof openRewards>[3] = {}) {
  const { org, apiKey } = await orgWithKey(db);
  await openRewards(db, org, sandboxDeps(provider), settings);
  const ana = await org.addPerson({ name: "Ana" });
  await earn(db, org, ana, points);
  return { org, apiKey, ana };
}

async function redemptionCount(db: Database, orgId: string): Promise<number> {
  const [row] = await db.select({ total: count() }).from(redemptions).where(eq(redemptions.orgId, orgId));
  return defined(row).total;
}

/** The sandbox orders placed for this redemption (its id is the order's external id). */
function ordersFor(redemptionId: string) {
  return provider.sandbox.orders().filter((order) => order.external_id === redemptionId);
}

const starbucks = (person: TestPerson, faceValueMinor = 2500) => ({
  person_id: person.id,
  product_id: STARBUCKS,
  face_value_minor: faceValueMinor,
});

// ---------------------------------------------------------------------------------------------------

describe("rewards API: authentication", () => {
  it("answers 401 without a valid key on every reward route, and redeems nothing", async () => {
    const { db } = await database();
    const { org, ana } = await redeemingOrg(db, 1000);
    const refused = await Promise.all([
      answer(rewardsRoute.GET(apiRequest("/rewards"))),
      answer(redemptionsRoute.GET(apiRequest("/redemptions"))),
      answer(
        redemptionsRoute.POST(
          apiRequest("/redemptions", { body: starbucks(ana), headers: { "idempotency-key": key() } }),
        ),
      ),
      answer(rewardsRoute.GET(apiRequest("/rewards", { key: `plaudit_${"A".repeat(43)}` }))),
    ]);
    for (const one of refused) {
      expectError(one, 401, "unauthenticated");
      expect(one.headers.get("www-authenticate")).toMatch(/^Bearer/);
    }
    expect(await redemptionCount(db, org.id)).toBe(0);
    expect(provider.sandbox.orders()).toEqual([]);
  });
});

describe("rewards API: the catalog", () => {
  it("lists gift cards, charities and custom rewards with face values in minor units and their points cost", async () => {
    const { db } = await database();
    const { org, apiKey } = await orgWithKey(db);
    await openRewards(db, org, sandboxDeps(provider), { approvalThreshold: 10_000 });
    const lunch = await createCustomReward(db, org.admin.actor, {
      name: "Team lunch",
      pointsPrice: 300,
      stock: 2,
      requiresApproval: true,
    });

    const listed = await api.rewards(apiKey);

    expect(listed.status, listed.text).toBe(200);
    const catalog = listed.body.data;
    expectShape(catalog, "RewardCatalog");
    expect(catalog).toMatchObject({
      redemptions_enabled: true,
      point_value: { points: 10, minor: 100, currency: "USD" },
      approval_threshold: 10_000,
    });
    const byId = (id: string) =>
      defined(
        catalog.rewards.find((reward) => reward.product_id === id),
        id,
      );
    for (const reward of catalog.rewards) expectShape(reward, "Reward");
    expect(byId(STARBUCKS)).toMatchObject({
      kind: "gift_card",
      currency: "USD",
      denominations: {
        fixed: [
          { face_value_minor: 500, points: 50 },
          { face_value_minor: 1000, points: 100 },
          { face_value_minor: 2500, points: 250 },
          { face_value_minor: 5000, points: 500 },
        ],
        ranges: [],
      },
      from_points: 50,
      from_value: { minor: 500, currency: "USD" },
    });
    // At 10 points to the dollar, a range is sold in steps of 10 cents, each a point.
    expect(byId(AMAZON).denominations?.ranges).toEqual([
      {
        min_minor: 500,
        max_minor: 200_000,
        step_minor: 10,
        min_points: 50,
        max_points: 20_000,
        step_points: 1,
      },
    ]);
    expect(catalog.rewards.filter((reward) => reward.kind === "charity").length).toBeGreaterThan(0);
    const custom = catalog.rewards.filter((reward) => reward.kind === "custom");
    expect(custom).toEqual([
      expect.objectContaining({
        custom_reward_id: lunch.id,
        product_id: null,
        name: "Team lunch",
        denominations: null,
        points_price: 300,
        stock_left: 2,
        requires_approval: true,
        from_value: { minor: 3000, currency: "USD" },
      }),
    ]);

    const onlyCustom = await api.rewards(apiKey, "?kind=custom");
    expect(onlyCustom.body.data.rewards.map((reward) => reward.name)).toEqual(["Team lunch"]);
    const searched = await api.rewards(apiKey, "?q=starb");
    expect(searched.body.data.rewards.map((reward) => reward.product_id)).toEqual([STARBUCKS]);
    expectError(await api.rewards(apiKey, "?kind=toys"), 400, "invalid", "kind");
    expectError(await api.rewards(apiKey, `?q=${"x".repeat(101)}`), 400, "invalid", "q");
  });
});

describe("rewards API: redeeming", () => {
  it("redeems a gift card for a person: their points held and spent, the reward ordered once", async () => {
    const { db } = await database();
    const { org, apiKey, ana } = await redeemingOrg(db, 1000);

    const redeemed = await api.redeem(apiKey, starbucks(ana), "gift-1");

    expect(redeemed.status, redeemed.text).toBe(201);
    expect(redeemed.headers.get("idempotent-replayed")).toBeNull();
    const redemption = redeemed.body.data;
    expectShape(redemption, "Redemption");
    expect(redemption).toMatchObject({
      person: { id: ana.id, name: "Ana" },
      kind: "gift_card",
      status: "fulfilled",
      reward_name: "Starbucks gift card",
      points: 250,
      points_value: { minor: 2500, currency: "USD" },
      face_value: { minor: 2500, currency: "USD" },
    });
    expect(ordersFor(redemption.id)).toHaveLength(1);
    expect(await api.earned(apiKey, ana.id)).toBe(750);

    const listed = await api.redemptions(apiKey);
    expect(listed.body.data).toEqual([redemption]);
    await expectLedgerClean(db, org.id);
  });

  it("never returns a gift link, which only the person who redeemed may see", async () => {
    const { db } = await database();
    const { apiKey, ana } = await redeemingOrg(db, 1000, { deliveryMethod: "link" });

    const redeemed = await api.redeem(apiKey, starbucks(ana), key());
    expect(redeemed.status, redeemed.text).toBe(201);
    const listed = await api.redemptions(apiKey);

    const { giftLink } = await getRedemption(db, ana.actor, { redemptionId: redeemed.body.data.id });
    const link = defined(giftLink, "the owner's gift link");
    for (const text of [redeemed.text, listed.text]) {
      expect(text).not.toContain(link);
      expect(text).not.toContain("gift_link");
    }
  });

  it("makes one redemption and one order of ten identical requests at once, and answers each alike", async () => {
    const { db } = await database();
    // Enough for one: a copy that got as far as holding points would find none left.
    const { org, apiKey, ana } = await redeemingOrg(db, 250);

    const answers = await Promise.all(
      Array.from({ length: 10 }, () => api.redeem(apiKey, starbucks(ana), "same-every-time")),
    );

    for (const one of answers) expect(one.status, one.text).toBe(201);
    expect(new Set(answers.map((one) => one.text)).size).toBe(1);
    const replays = answers.map((one) => one.headers.get("idempotent-replayed"));
    expect(replays.filter((header) => header === null)).toHaveLength(1);
    expect(replays.filter((header) => header === "true")).toHaveLength(9);
    const redemption = defined(answers[0]).body.data;
    expect(redemption.status).toBe("fulfilled");
    expect(await redemptionCount(db, org.id)).toBe(1);
    expect(ordersFor(redemption.id)).toHaveLength(1);
    expect(provider.sandbox.orders()).toHaveLength(1);
    expect(await api.earned(apiKey, ana.id)).toBe(0);
    await expectLedgerClean(db, org.id);
  });

  it("refuses the same key with a different request, and answers a repeat of the first as the first", async () => {
    const { db } = await database();
    const { org, apiKey, ana } = await redeemingOrg(db, 1000);
    const first = await api.redeem(apiKey, starbucks(ana), "k-1");
    expect(first.status).toBe(201);

    const conflict = expectError(
      await api.redeem(apiKey, starbucks(ana, 5000), "k-1"),
      409,
      "idempotency_conflict",
    );
    expect(conflict.message).toContain("new idempotency key");
    const repeat = await api.redeem(apiKey, starbucks(ana), "k-1");
    expect(repeat.status).toBe(201);
    expect(repeat.text).toBe(first.text);
    expect(repeat.headers.get("idempotent-replayed")).toBe("true");
    expect(await redemptionCount(db, org.id)).toBe(1);
    expect(await api.earned(apiKey, ana.id)).toBe(750);
  });

  it("refuses a redemption beyond the earned balance with 422, saying what it costs and what there is", async () => {
    const { db } = await database();
    const { org, apiKey, ana } = await redeemingOrg(db, 100);

    const refused = expectError(
      await api.redeem(apiKey, starbucks(ana), "too-much"),
      422,
      "insufficient_points",
      "face_value_minor",
    );

    expect(refused.message).toBe("That costs 250 pts · $25.00 and you have 100 pts · $10.00 earned.");
    expect(await redemptionCount(db, org.id)).toBe(0);
    expect(provider.sandbox.orders()).toEqual([]);
    expect(await api.earned(apiKey, ana.id)).toBe(100);
    // A refusal keeps no key: once there are points enough, the same request goes through.
    await earn(db, org, ana, 150);
    expect((await api.redeem(apiKey, starbucks(ana), "too-much")).status).toBe(201);
  });

  it("names the field or header at fault, and redeems nothing", async () => {
    const { db } = await database();
    const { org, apiKey, ana } = await redeemingOrg(db, 1000);
    const lunch = await createCustomReward(db, org.admin.actor, { name: "Team lunch", pointsPrice: 300 });
    const valid = starbucks(ana);
    const cases: [body: unknown, status: number, code: string, field: string][] = [
      [{ person_id: ana.id, face_value_minor: 2500 }, 400, "invalid", "product_id"],
      [{ ...valid, custom_reward_id: lunch.id }, 400, "invalid", "product_id"],
      [{ ...valid, person_id: "ana" }, 400, "invalid", "person_id"],
      [{ product_id: STARBUCKS, face_value_minor: 2500 }, 400, "invalid", "person_id"],
      [{ ...valid, face_value_minor: "25" }, 400, "invalid", "face_value_minor"],
      [{ ...valid, face_value_minor: 25.5 }, 400, "invalid", "face_value_minor"],
      [{ ...valid, share_in_feed: "yes" }, 400, "invalid", "share_in_feed"],
      [{ ...valid, faceValueMinor: 2500 }, 400, "invalid", "faceValueMinor"],
      [{ ...valid, product_id: "NOPE00000001" }, 404, "not_found", "product_id"],
      [
        { person_id: ana.id, custom_reward_id: "00000000-0000-4000-8000-000000000000" },
        404,
        "not_found",
        "custom_reward_id",
      ],
      [{ ...valid, face_value_minor: 2550 }, 422, "invalid_face_value", "face_value_minor"],
    ];
    for (const [body, status, code, field] of cases) {
      expectError(await api.redeem(apiKey, body, key()), status, code, field);
    }
    const nearest = expectError(
      await api.redeem(apiKey, starbucks(ana, 2550), key()),
      422,
      "invalid_face_value",
      "face_value_minor",
    );
    expect(nearest.message).toBe("Starbucks isn't sold at $25.50. Try $25.00 or $50.00.");
    for (const idempotencyKey of [null, "", "has space"]) {
      expectError(await api.redeem(apiKey, valid, idempotencyKey), 400, "invalid", "Idempotency-Key");
    }
    expect(await redemptionCount(db, org.id)).toBe(0);
    expect(provider.sandbox.orders()).toEqual([]);

    for (const [query, field] of [
      ["?status=lost", "status.0"],
      ["?status=fulfilled,lost", "status.1"],
      ["?from=yesterday", "from"],
      ["?from=2026-02-30", "from"],
      ["?to=2026-03-01T10:00", "to"],
      ["?person_id=ana", "person_id"],
      ["?limit=101", "limit"],
      ["?cursor=garbage", "cursor"],
    ] as const) {
      expectError(await api.redemptions(apiKey, query), 400, "invalid", field);
    }
  });
});

describe("rewards API: listing redemptions", () => {
  /** A redemption made through core at a chosen instant, so that the list's dates can be tested. */
  async function redeemAt(db: Database, person: TestPerson, at: string, choice: object) {
    const deps = { ...sandboxDeps(provider), clock: () => new Date(at) };
    const { redemption } = await requestRedemption(
      db,
      person.actor,
      { ...choice, idempotencyKey: key() },
      deps,
    );
    return redemption;
  }

  async function allPages(apiKey: string, query: string): Promise<RedemptionJson[]> {
    const seen: RedemptionJson[] = [];
    let cursor: string | null = "";
    while (cursor !== null) {
      const page: Answer<PageOf<RedemptionJson>> = await api.redemptions(
        apiKey,
        `${query}&limit=2${cursor ? `&cursor=${cursor}` : ""}`,
      );
      expect(page.status, page.text).toBe(200);
      seen.push(...page.body.data);
      cursor = page.body.next_cursor;
    }
    return seen;
  }

  async function orgWithHistory(db: Database) {
    const { org, apiKey, ana } = await redeemingOrg(db, 5000);
    const ben = await org.addPerson({ name: "Ben" });
    await earn(db, org, ben, 5000);
    const lunch = await createCustomReward(db, org.admin.actor, { name: "Lunch", pointsPrice: 100 });
    const dayOff = await createCustomReward(db, org.admin.actor, {
      name: "Day off",
      pointsPrice: 400,
      requiresApproval: true,
    });
    const january = await redeemAt(db, ana, "2026-01-10T09:00:00Z", {
      productId: STARBUCKS,
      faceValueMinor: 2500,
    });
    const february = await redeemAt(db, ben, "2026-02-10T09:00:00Z", { customRewardId: lunch.id });
    const march = await redeemAt(db, ana, "2026-03-10T09:00:00Z", { customRewardId: dayOff.id });
    const april = await redeemAt(db, ben, "2026-04-10T09:00:00Z", { customRewardId: dayOff.id });
    await declineRedemption(db, org.admin.actor, { redemptionId: april.id, reason: "Not this quarter." });
    return {
      org,
      apiKey,
      ana,
      ben,
      ids: { january: january.id, february: february.id, march: march.id, april: april.id },
    };
  }

  it("pages newest first, each once, and filters by person, status and dates", async () => {
    const { db } = await database();
    const { apiKey, ana, ben, ids } = await orgWithHistory(db);

    const everything = await allPages(apiKey, "?");
    expect(everything.map((one) => one.id)).toEqual([ids.april, ids.march, ids.february, ids.january]);
    expect(everything.map((one) => one.status)).toEqual([
      "declined",
      "awaiting_approval",
      "awaiting_fulfillment",
      "fulfilled",
    ]);
    for (const one of everything) expectShape(one, "Redemption");

    const idsOf = async (query: string) => (await allPages(apiKey, query)).map((one) => one.id);
    expect(await idsOf(`?person_id=${ana.id}`)).toEqual([ids.march, ids.january]);
    expect(await idsOf(`?person_id=${ben.id}&status=declined`)).toEqual([ids.april]);
    expect(await idsOf("?status=fulfilled,awaiting_approval")).toEqual([ids.march, ids.january]);
    expect(await idsOf("?from=2026-02-01&to=2026-04-01")).toEqual([ids.march, ids.february]);
    // `to` is exclusive; a date-time with an offset is read at that instant.
    expect(await idsOf("?from=2026-02-10T09:00:00Z&to=2026-03-10T10:00:00%2B01:00")).toEqual([ids.february]);
  });

  it("shows another org's key nothing, and lets it redeem nothing for a person of this org", async () => {
    const { db } = await database();
    const ours = await orgWithHistory(db);
    const theirs = await redeemingOrg(db, 1000);

    expect(
      (await api.redemptions(theirs.apiKey, "?limit=100")).body.data.map((one) => one.person.id),
    ).toEqual([]);
    expect((await api.redemptions(theirs.apiKey, `?person_id=${ours.ana.id}`)).body.data).toEqual([]);
    const theirCatalog = await api.rewards(theirs.apiKey, "?kind=custom");
    expect(theirCatalog.body.data.rewards).toEqual([]);

    const ordersBefore = provider.sandbox.orders().length;
    const earnedBefore = await api.earned(ours.apiKey, ours.ana.id);
    const foreign = expectError(
      await api.redeem(theirs.apiKey, starbucks(ours.ana), key()),
      404,
      "not_found",
      "person_id",
    );
    const nobody = expectError(
      await api.redeem(
        theirs.apiKey,
        { ...starbucks(ours.ana), person_id: "00000000-0000-4000-8000-000000000000" },
        key(),
      ),
      404,
      "not_found",
      "person_id",
    );
    expect(foreign).toEqual(nobody);
    expect(provider.sandbox.orders()).toHaveLength(ordersBefore);
    expect(await api.earned(ours.apiKey, ours.ana.id)).toBe(earnedBefore);
    expect(await redemptionCount(db, ours.org.id)).toBe(4);
    expect(await redemptionCount(db, theirs.org.id)).toBe(0);
  });
});
