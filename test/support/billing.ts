import { parse } from "csv-parse/sync";
import { and, eq } from "drizzle-orm";
import { closeBill } from "../../core/billing/close-bill";
import { exportBill } from "../../core/billing/export-bill";
import { grantPoints } from "../../core/giving/grant-points";
import { loadOrgContext } from "../../core/org/org-context";
import { updateOrgSettings } from "../../core/org/update-org-settings";
import { cancelReward } from "../../core/rewards/cancel-reward";
import { createCustomReward } from "../../core/rewards/create-custom-reward";
import { pointsForFaceValue } from "../../core/rewards/face-value";
import { fulfilRedemption } from "../../core/rewards/fulfil-redemption";
import type { RedemptionView } from "../../core/rewards/redemption-view";
import { requestRedemption } from "../../core/rewards/request-redemption";
import type { RewardProviders } from "../../core/rewards/reward-provider";
import { updateRewardSettings } from "../../core/rewards/update-reward-settings";
import type { Clock } from "../../core/shared/clock";
import type { Database, Executor } from "../../db/client";
import { bills } from "../../db/schema";
import { defined } from "./assertions";
import { key, type TestPerson } from "./factories";
import type { OrgChart } from "./org-chart";
import {
  createRewardsOrg,
  type RewardsFixture,
  type RewardsOrg,
  type RewardsOrgOptions,
  STARBUCKS_5,
} from "./rewards-fixture";

/**
 * A bill's history is months of redemptions written in a moment, often by one person: not the burst the
 * per-person redemption limit is for (its own tests keep it on).
 */
const BULK_HISTORY = null;

/**
 * Bills made the way the product makes them: redemptions requested and fulfilled through the core use
 * cases, each step dated by a clock, so that a test places a fulfilment at the instant it needs.
 */

export interface BillingOrg extends RewardsOrg {
  timeZone: string;
  /** A finance person of the org: who reads and closes its bills. */
  finance: TestPerson;
}

export type BillRow = typeof bills.$inferSelect;

/** Whoever runs the org: the admin who grants points and hands rewards over. */
type OrgAdmin = { admin: TestPerson };

const at =
  (instant: Date): Clock =>
  () =>
    instant;
const MINUTE_MS = 60_000;

/** An org with redemptions switched on against the file's sandbox, its time zone set before any redemption. */
export async function createBillingOrg(
  db: Database,
  fixture: RewardsFixture,
  options: RewardsOrgOptions & { timeZone?: string } = {},
): Promise<BillingOrg> {
  const { timeZone = "America/New_York", ...rewardOptions } = options;
  const org = await createRewardsOrg(db, fixture.deps(), rewardOptions);
  await updateOrgSettings(db, org.admin.actor, { timeZone });
  const finance = await org.hire({ name: "Fiona Finance", roles: ["employee", "finance"] });
  return { ...org, timeZone, finance };
}

/** Pays `points` into the person's earned balance as a spot award dated `instant`. */
export async function earnAt(db: Database, org: OrgAdmin, person: TestPerson, points: number, instant: Date) {
  await grantPoints(
    db,
    org.admin.actor,
    { recipientIds: [person.id], amount: points, message: "Spot award", idempotencyKey: key() },
    at(instant),
  );
}

/** A custom reward never reaches a provider; a call here means a test took the wrong path. */
const noProvider: RewardProviders = () => {
  throw new Error("a custom reward never reaches a reward provider");
};

export interface CustomRewardChoice {
  name?: string;
  pointsPrice?: number;
  internalCostMinor?: number;
}

/**
 * `person` asks at `instant` for one of the org's own rewards (added, and its price earned, a few minutes
 * before): its points are held and it awaits the admin's hand-over.
 */
export async function requestedAt(
  db: Database,
  org: OrgAdmin,
  person: TestPerson,
  instant: Date,
  choice: CustomRewardChoice = {},
): Promise<RedemptionView> {
  const { pointsPrice = 30, name = "Extra day off", internalCostMinor } = choice;
  const before = new Date(instant.getTime() - 4 * MINUTE_MS);
  const reward = await createCustomReward(
    db,
    org.admin.actor,
    { name, pointsPrice, ...(internalCostMinor === undefined ? {} : { internalCostMinor }) },
    at(before),
  );
  await earnAt(db, org, person, pointsPrice, before);
  const { redemption } = await requestRedemption(
    db,
    person.actor,
    { customRewardId: reward.id, idempotencyKey: key() },
    { providers: noProvider, clock: at(instant) },
    BULK_HISTORY,
  );
  return redemption;
}

/** The admin hands a requested reward over at `instant`: the fulfilment that dates its bill line. */
export function handOverAt(db: Database, org: OrgAdmin, redemption: { id: string }, instant: Date) {
  return fulfilRedemption(db, org.admin.actor, { redemptionId: redemption.id }, { clock: at(instant) });
}

/** `person` redeems one of the org's own rewards, requested a minute before the hand-over at `instant`. */
export async function handedOverAt(
  db: Database,
  org: OrgAdmin,
  person: TestPerson,
  instant: Date,
  choice: CustomRewardChoice = {},
): Promise<RedemptionView> {
  const redemption = await requestedAt(db, org, person, new Date(instant.getTime() - MINUTE_MS), choice);
  return handOverAt(db, org, redemption, instant);
}

/**
 * `person` earns the points a provider gift card costs and redeems it at `instant`: the sandbox answers
 * the order at once, so it is fulfilled (and billed) at that instant. A person at `@bounce.example` gets it with its delivery failed.
 */
export async function cardFulfilledAt(
  db: Database,
  fixture: RewardsFixture,
  org: RewardsOrg,
  person: TestPerson,
  instant: Date,
  choice: { productId: string; faceValueMinor: number } = STARBUCKS_5,
): Promise<RedemptionView> {
  const { pointValue } = await loadOrgContext(db, org.id);
  const points = defined(pointsForFaceValue(choice.faceValueMinor, pointValue), "the card's price in points");
  await earnAt(db, org, person, points, new Date(instant.getTime() - 5 * MINUTE_MS));
  const { redemption } = await requestRedemption(
    db,
    person.actor,
    { ...choice, idempotencyKey: key() },
    fixture.deps({ clock: at(instant) }),
    BULK_HISTORY,
  );
  if (redemption.status !== "fulfilled") throw new Error(`the card ended ${redemption.status}`);
  return redemption;
}

/** Someone whose email bounces: a card of theirs is fulfilled with its delivery failed, so it may be canceled. */
export function hireBouncing(org: RewardsOrg, name = "Ana Lima"): Promise<TestPerson> {
  return org.hire({ name, email: `ana-${key().slice(0, 6)}@bounce.example` });
}

/** The admin cancels a card whose delivery failed, at `instant`: the points are reversed, a credit billed. */
export function cancelAt(
  db: Database,
  fixture: RewardsFixture,
  org: OrgAdmin,
  redemption: { id: string },
  instant: Date,
): Promise<RedemptionView> {
  return cancelReward(
    db,
    org.admin.actor,
    { redemptionId: redemption.id },
    fixture.deps({ clock: at(instant) }),
  );
}

/** The org's bill of `period`, as stored. */
export async function billOf(db: Executor, orgId: string, period: string): Promise<BillRow> {
  const [bill] = await db
    .select()
    .from(bills)
    .where(and(eq(bills.orgId, orgId), eq(bills.period, period)));
  return defined(bill, `the ${period} bill`);
}

/** The periods of the org's bills that exist, oldest first. */
export async function periodsOf(db: Executor, orgId: string): Promise<string[]> {
  const rows = await db.select({ period: bills.period }).from(bills).where(eq(bills.orgId, orgId));
  return rows.map((row) => row.period).sort();
}

/** Every byte a streamed file yields (a PDF's chunks are bytes, the others' text), joined. */
export async function collectBytes(chunks: AsyncIterable<string | Uint8Array>): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const chunk of chunks) parts.push(Buffer.from(chunk));
  return Buffer.concat(parts);
}

/** Everything a streamed text file yields, joined. */
export async function collect(chunks: AsyncIterable<string | Uint8Array>): Promise<string> {
  return (await collectBytes(chunks)).toString("utf8");
}

/** A bill's CSV as finance downloads it. */
export async function exportedCsv(db: Database, actor: TestPerson["actor"], period: string): Promise<string> {
  return collect((await exportBill(db, actor, { period, format: "csv" })).chunks);
}

/**
 * A bill's CSV read back by a real parser, strictly: CRLF between records and the same number of fields
 * in every one. Each line is keyed by the header's column names.
 */
export function csvLines(text: string): Record<string, string>[] {
  return parse(text, { columns: true, record_delimiter: "\r\n", relax_column_count: false });
}

/** Finance closes the org's bill of `period` at `instant`. */
export function closeAt(db: Database, org: BillingOrg, period: string, instant: Date): Promise<BillRow> {
  return closeBill(db, org.finance.actor, { period }, at(instant));
}

/** What a billing use case's input names, once a state is prepared. */
export type BillRefs = { period: string };

/**
 * Bills for the authorisation matrix, in an org chart's org: a custom reward of the person's handed over
 * in `month` (which has ended at `clock`) on its open bill, or that bill closed by finance.
 */
export function billStates(clock: Clock, month: string) {
  const billWithLines = async (db: Database, chart: OrgChart, person: TestPerson): Promise<BillRefs> => {
    await updateRewardSettings(db, chart.admin.actor, { redemptionsEnabled: true }, clock);
    await handedOverAt(db, chart, person, new Date(`${month}-20T15:00:00Z`));
    return { period: month };
  };
  return {
    billWithLines,
    closedBill: async (db: Database, chart: OrgChart, person: TestPerson): Promise<BillRefs> => {
      const refs = await billWithLines(db, chart, person);
      await closeBill(db, chart.finance.actor, refs, clock);
      return refs;
    },
  };
}
