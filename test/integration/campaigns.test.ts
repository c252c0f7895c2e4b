import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { createCampaign } from "../../core/campaigns/create-campaign";
import { endCampaign } from "../../core/campaigns/end-campaign";
import { getCampaign } from "../../core/campaigns/get-campaign";
import { listCampaigns } from "../../core/campaigns/list-campaigns";
import { getBalances } from "../../core/giving/get-balances";
import { givePoints } from "../../core/giving/give-points";
import { isDomainError } from "../../core/shared/errors";
import {
  defined,
  expectDomainError,
  expectLedgerClean,
  inRolledBackTransaction,
  ledgerViolations,
} from "../support/assertions";
import { workerDatabase } from "../support/database";
import { createTestOrg, key, type TestOrg, type TestPerson } from "../support/factories";
import { giveAt } from "../support/giving";
import { systemTotal } from "../support/ledger";

const database = workerDatabase();

/** Noon on 2026-12-07 in UTC: the campaigns below are dated around it. */
const NOON = new Date("2026-12-07T12:00:00Z");
const at = (iso: string) => () => new Date(iso);

async function setup(settings: Parameters<typeof createTestOrg>[1] = {}) {
  const { db } = await database();
  const org = await createTestOrg(db, { defaultMonthlyAllowance: 500, ...settings });
  const [giver, ana, ben] = await org.addPeople(3);
  return { db, org, giver: defined(giver), ana: defined(ana), ben: defined(ben) };
}

function start(
  db: Awaited<ReturnType<typeof database>>["db"],
  org: TestOrg,
  input: Parameters<typeof createCampaign>[2],
) {
  return createCampaign(db, org.admin.actor, input, at("2026-12-07T08:00:00Z"));
}

async function earned(db: Awaited<ReturnType<typeof database>>["db"], person: TestPerson) {
  return (await getBalances(db, person.actor)).earned.balance;
}

describe("double-points campaigns", () => {
  it("credits each recipient amount x multiplier; the allowance pays the base and the company the bonus", async () => {
    const { db, org, giver, ana, ben } = await setup();
    const campaign = await start(db, org, {
      name: "Customer Week",
      startsOn: "2026-12-07",
      endsOn: "2026-12-11",
      multiplier: 2,
    });
    expect(campaign.status).toBe("running");

    const given = await giveAt(db, giver, [ana, ben], 10, { at: NOON });
    expect(given.bonus).toEqual({
      campaignId: campaign.id,
      campaignName: "Customer Week",
      multiplier: 2,
      perRecipient: 10,
    });
    expect(given.budgetSpentCampaign).toBeNull();
    expect(given.allowanceRemaining).toBe(500 - 20);
    expect(given.earnedBalances).toEqual({ [ana.id]: 20, [ben.id]: 20 });
    expect(await earned(db, ana)).toBe(20);
    expect(await systemTotal(db, org.id, "campaign_bonus")).toBe(-20);

    const [recognition] = await db.execute<{
      campaign_id: string;
      bonus_per_recipient: number;
      total_amount: number;
    }>(
      sql`select campaign_id, bonus_per_recipient, total_amount from recognitions where id = ${given.recognitionId}::uuid`,
    );
    expect(recognition).toMatchObject({
      campaign_id: campaign.id,
      bonus_per_recipient: 10,
      total_amount: 20,
    });
    await expectLedgerClean(db, org.id);
  });

  it("pays a x3 bonus once however often the give is retried", async () => {
    const { db, org, giver, ana } = await setup();
    await start(db, org, { name: "Triple Friday", startsOn: "2026-12-07", multiplier: 3 });
    const input = {
      recipientIds: [ana.id],
      amount: 5,
      message: "Thanks for the late fix",
      source: "web" as const,
      idempotencyKey: key(),
    };
    const first = await givePoints(db, giver.actor, input, at(NOON.toISOString()));
    const again = await givePoints(db, giver.actor, input, at(NOON.toISOString()));
    expect(again.replayed).toBe(true);
    expect(again.bonus).toEqual(first.bonus);
    expect(await earned(db, ana)).toBe(15);
    expect(await systemTotal(db, org.id, "campaign_bonus")).toBe(-10);
  });

  it("applies only on its days in the org's time zone, and not once ended by hand", async () => {
    // Auckland is UTC+13 in December: 11:30 UTC on Dec 7 is already Dec 8 there.
    const { db, org, giver, ana } = await setup({ timeZone: "Pacific/Auckland" });
    const campaign = await createCampaign(
      db,
      org.admin.actor,
      { name: "Tuesday", startsOn: "2026-12-08", endsOn: "2026-12-08", multiplier: 2 },
      at("2026-12-07T08:00:00Z"),
    );
    expect((await giveAt(db, giver, [ana], 1, { at: "2026-12-07T10:59:00Z" })).bonus).toBeNull();
    expect((await giveAt(db, giver, [ana], 1, { at: "2026-12-07T11:00:00Z" })).bonus?.multiplier).toBe(2);
    expect((await giveAt(db, giver, [ana], 1, { at: "2026-12-08T10:59:59Z" })).bonus?.multiplier).toBe(2);
    expect((await giveAt(db, giver, [ana], 1, { at: "2026-12-08T11:00:00Z" })).bonus).toBeNull();

    const ended = await endCampaign(
      db,
      org.admin.actor,
      { campaignId: campaign.id },
      at("2026-12-08T01:00:00Z"),
    );
    expect(ended.status).toBe("ended");
    expect((await giveAt(db, giver, [ana], 1, { at: "2026-12-08T02:00:00Z" })).bonus).toBeNull();
    // Ending it again keeps the first end.
    const again = await endCampaign(
      db,
      org.admin.actor,
      { campaignId: campaign.id },
      at("2026-12-08T03:00:00Z"),
    );
    expect(again.endedAt).toEqual(ended.endedAt);
    expect(await earned(db, ana)).toBe(1 + 2 + 2 + 1 + 1);
    await expectLedgerClean(db, org.id);
  });

  it("limited to a company value, doubles only gives tagged with it; the highest multiplier running wins", async () => {
    const { db, org, giver, ana } = await setup();
    await org.addValues("ownership", "customers");
    await start(db, org, {
      name: "Customer Week",
      startsOn: "2026-12-07",
      valueName: "#Customers",
      multiplier: 3,
    });
    await start(db, org, { name: "December", startsOn: "2026-12-07", multiplier: 2 });

    const untagged = await giveAt(db, giver, [ana], 10, { at: NOON });
    const otherValue = await giveAt(db, giver, [ana], 10, { at: NOON, values: ["ownership"] });
    const tagged = await giveAt(db, giver, [ana], 10, { at: NOON, values: ["customers", "ownership"] });
    expect([untagged, otherValue, tagged].map((give) => give.bonus?.campaignName)).toEqual([
      "December",
      "December",
      "Customer Week",
    ]);
    expect(await earned(db, ana)).toBe(20 + 20 + 30);
  });

  it("never pays more bonus than its budget under concurrent gives; the rest go at x1 and say so", async () => {
    const { db, org, ana } = await setup({ maxPointsPerRecognition: 1000 });
    const givers = await org.addPeople(24);
    const campaign = await start(db, org, {
      name: "Launch",
      startsOn: "2026-12-07",
      multiplier: 2,
      budget: 95,
    });
    // One giver can't afford the give at all: a refused give must pay no bonus.
    const broke = defined(givers[0]);
    const outcomes = await Promise.allSettled(
      givers.map((giver) =>
        givePoints(
          db,
          giver.actor,
          {
            recipientIds: [ana.id],
            amount: giver === broke ? 501 : 10,
            message: "Launch day",
            source: "web",
            idempotencyKey: key(),
          },
          at(NOON.toISOString()),
          null,
        ),
      ),
    );
    const refused = outcomes.filter((outcome) => outcome.status === "rejected");
    expect(refused).toHaveLength(1);
    expect(refused.map((outcome) => isDomainError(outcome.reason, "insufficient_allowance"))).toEqual([true]);
    const given = outcomes.flatMap((outcome) => (outcome.status === "fulfilled" ? [outcome.value] : []));
    const withBonus = given.filter((give) => give.bonus !== null);
    const atOne = given.filter((give) => give.bonus === null);
    // 95 points of budget pay nine 10-point bonuses; the tenth would overspend it.
    expect(withBonus).toHaveLength(9);
    expect(atOne).toHaveLength(14);
    expect(atOne.every((give) => give.budgetSpentCampaign === "Launch")).toBe(true);

    const report = await getCampaign(
      db,
      org.admin.actor,
      { campaignId: campaign.id },
      at("2026-12-07T13:00:00Z"),
    );
    expect(report.campaign.bonusPaid).toBe(90);
    expect(report.withBonus).toBe(9);
    expect(report.recognitions).toBe(23);
    expect(await systemTotal(db, org.id, "campaign_bonus")).toBe(-90);
    expect(await earned(db, ana)).toBe(23 * 10 + 90);
    await expectLedgerClean(db, org.id);

    // The reconciliation notices a budget's running sum that disagrees with the bonus actually paid.
    const violations = await inRolledBackTransaction(db, async (tx) => {
      await tx.execute(sql`update campaigns set bonus_spent = 80 where id = ${campaign.id}::uuid`);
      return ledgerViolations(tx, org.id);
    });
    expect(violations.map((violation) => violation.check)).toEqual(["campaign_bonus_mismatch"]);
  });

  it("never multiplies a give in another org", async () => {
    const { db, org, giver, ana } = await setup();
    const elsewhere = await setup();
    await start(db, elsewhere.org, { name: "Elsewhere", startsOn: "2026-12-07", multiplier: 5 });
    expect((await giveAt(db, giver, [ana], 10, { at: NOON })).bonus).toBeNull();
    expect(await listCampaigns(db, giver.actor, {}, at(NOON.toISOString()))).toMatchObject({
      running: [],
      upcoming: [],
      ended: [],
    });
    const [campaign] = (await listCampaigns(db, elsewhere.giver.actor, {}, at(NOON.toISOString()))).running;
    await expectDomainError(getCampaign(db, giver.actor, { campaignId: defined(campaign).id }), "not_found");
    await expectDomainError(
      endCampaign(db, org.admin.actor, { campaignId: defined(campaign).id }),
      "not_found",
    );
  });

  it("refuses what an admin can't mean, and anyone but an admin", async () => {
    const { db, org, giver } = await setup();
    const base = { name: "Week", startsOn: "2026-12-07", multiplier: 2 as const };
    const field = async (input: Parameters<typeof createCampaign>[2]) =>
      (await expectDomainError(start(db, org, input), "invalid")).details.field;
    expect(await field({ ...base, startsOn: "2026-12-06" })).toBe("startsOn");
    expect(await field({ ...base, startsOn: "2026-02-30" })).toBe("startsOn");
    expect(await field({ ...base, endsOn: "2026-12-06" })).toBe("endsOn");
    expect(await field({ ...base, multiplier: 7 as 2 })).toBe("multiplier");
    expect(await field({ ...base, budget: 0 })).toBe("budget");
    expect(await field({ ...base, name: "  " })).toBe("name");
    expect(await field({ ...base, valueName: "nonsense" })).toBe("valueName");
    await expectDomainError(start(db, { ...org, admin: giver }, base), "forbidden");
    await expectDomainError(endCampaign(db, giver.actor, { campaignId: crypto.randomUUID() }), "forbidden");
    await expectDomainError(
      endCampaign(db, org.admin.actor, { campaignId: crypto.randomUUID() }),
      "not_found",
    );
  });

  it("lists running, upcoming and ended campaigns for everyone in the org, and reports a campaign's values", async () => {
    const { db, org, giver, ana, ben } = await setup();
    await org.addValues("ownership", "customers");
    const running = await start(db, org, { name: "Now", startsOn: "2026-12-07", multiplier: 2 });
    await start(db, org, { name: "Soon", startsOn: "2026-12-20", endsOn: "2026-12-24", multiplier: 3 });
    const later = await start(db, org, { name: "Later", startsOn: "2026-12-10", multiplier: 2 });
    await endCampaign(db, org.admin.actor, { campaignId: later.id }, at("2026-12-07T09:00:00Z"));
    const list = await listCampaigns(db, giver.actor, {}, at(NOON.toISOString()));
    expect(list.today).toBe("2026-12-07");
    expect(list.running.map((c) => c.name)).toEqual(["Now"]);
    expect(list.upcoming.map((c) => c.name)).toEqual(["Soon"]);
    expect(list.ended.map((c) => c.name)).toEqual(["Later"]);
    // The feed asks for the running ones alone.
    const now = await listCampaigns(db, giver.actor, { runningOnly: true }, at(NOON.toISOString()));
    expect([now.running, now.upcoming, now.ended].map((part) => part.map((c) => c.name))).toEqual([
      ["Now"],
      [],
      [],
    ]);

    await giveAt(db, giver, [ana], 5, { at: NOON, values: ["customers"] });
    await giveAt(db, giver, [ana, ben], 5, { at: NOON, values: ["customers", "ownership"] });
    await giveAt(db, ana, [ben], 5, { at: NOON, values: ["ownership"] });
    await giveAt(db, ana, [ben], 5, { at: NOON, values: ["ownership"] });
    const report = await getCampaign(db, ben.actor, { campaignId: running.id }, at("2026-12-09T12:00:00Z"));
    expect(report.daysElapsed).toBe(3);
    expect(report.daysTotal).toBeNull();
    expect(report.recognitions).toBe(4);
    expect(report.peopleRecognised).toBe(2);
    expect(report.campaign.bonusPaid).toBe(25);
    expect(report.topValues).toEqual([
      { name: "ownership", recognitions: 3 },
      { name: "customers", recognitions: 2 },
    ]);
  });
});
