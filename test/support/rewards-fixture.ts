import { and, asc, eq, like, sql } from "drizzle-orm";
import { expect, vi } from "vitest";
import { grantPoints } from "../../core/giving/grant-points";
import { updateOrgSettings } from "../../core/org/update-org-settings";
import { type CreatePersonInput, createPerson } from "../../core/people/create-person";
import type { RewardDeps } from "../../core/rewards/order-placement";
import type { RedemptionRow } from "../../core/rewards/redemption-view";
import {
  type RequestRedemptionInput,
  type RequestRedemptionResult,
  requestRedemption,
} from "../../core/rewards/request-redemption";
import { syncRewardCatalog } from "../../core/rewards/sync-reward-catalog";
import {
  type UpdateRewardSettingsInput,
  updateRewardSettings,
} from "../../core/rewards/update-reward-settings";
import type { Clock } from "../../core/shared/clock";
import type { Database, Executor } from "../../db/client";
import { ledgerTransactions, notifications, redemptions } from "../../db/schema";
import { rewardProviders } from "../../providers/reward-providers";
import type { SandboxProviderOptions } from "../../providers/sandbox/start-sandbox-provider";
import { createTestOrg, key, type TestOrg, type TestPerson } from "./factories";
import { type SandboxFixture, sandboxProviderFixture } from "./provider-sandbox";

// Gift links are sealed with the secret box before they are stored.
vi.stubEnv("PLAUDIT_SECRET_KEY", "rewards-fixture-secret");

export interface RewardsFixture extends SandboxFixture {
  /**
   * What a use case that talks to the provider takes: the real adapter against this file's sandbox,
   * built by `rewardProviders` from its own variables rather than `process.env`.
   */
  deps(options?: { clock?: Clock; timeoutMs?: number }): RewardDeps;
}

/** The adapter's patience unless a test says otherwise: far above the sandbox's answers, below a hang. */
const TIMEOUT_MS = 5_000;

export function rewardsFixture(options: Partial<SandboxProviderOptions> = {}): RewardsFixture {
  const fixture = sandboxProviderFixture(options) as RewardsFixture;
  fixture.deps = ({ clock, timeoutMs = TIMEOUT_MS } = {}) => ({
    providers: rewardProviders({
      PLAUDIT_SANDBOX_URL: fixture.sandbox.apiUrl,
      PLAUDIT_SANDBOX_API_KEY: fixture.sandbox.apiKey,
      PLAUDIT_PROVIDER_TIMEOUT_MS: String(timeoutMs),
    }),
    clock,
  });
  return fixture;
}

export interface RewardsOrg extends TestOrg {
  /** Pays `points` into the person's earned balance, as a spot award. */
  earn(person: TestPerson, points: number): Promise<void>;
  /** Adds a person through the admin's use case, with the details a bill freezes. */
  hire(details?: Partial<CreatePersonInput>): Promise<TestPerson>;
  /** A redemption by `person` with a fresh idempotency key. */
  redeem(
    person: TestPerson,
    input: Omit<RequestRedemptionInput, "idempotencyKey"> & { idempotencyKey?: string },
    deps: RewardDeps,
  ): Promise<RequestRedemptionResult>;
}

export interface RewardsOrgOptions {
  pointValue?: { points: number; minor: number };
  leaverPolicy?: "keep" | "forfeit";
  settings?: UpdateRewardSettingsInput;
  /** False leaves the catalog unsynced, as before an admin's first Refresh. */
  syncCatalog?: boolean;
}

/**
 * An org set up the way an admin sets one up: point value and leaver policy in the org settings,
 * redemptions switched on with the built-in sandbox, and the catalog synced from it.
 */
export async function createRewardsOrg(
  db: Database,
  deps: RewardDeps,
  options: RewardsOrgOptions = {},
): Promise<RewardsOrg> {
  const org = await createTestOrg(db);
  const admin = org.admin.actor;
  const { pointValue, leaverPolicy } = options;
  if (pointValue || leaverPolicy) {
    await updateOrgSettings(db, admin, {
      ...(pointValue ? { pointValuePoints: pointValue.points, pointValueMinor: pointValue.minor } : {}),
      ...(leaverPolicy ? { leaverPolicy } : {}),
    });
  }
  await updateRewardSettings(db, admin, {
    redemptionsEnabled: true,
    provider: "sandbox",
    ...options.settings,
  });
  if (options.syncCatalog !== false) await syncRewardCatalog(db, admin, deps);
  let hired = 0;
  return {
    ...org,
    earn: async (person, points) => {
      await grantPoints(db, admin, {
        recipientIds: [person.id],
        amount: points,
        message: "Spot award",
        idempotencyKey: key(),
      });
    },
    hire: async (details = {}) => {
      hired += 1;
      const name = details.name ?? `Hire ${hired}`;
      const { person } = await createPerson(db, admin, {
        name,
        email: `hire${hired}-${key().slice(0, 8)}@${org.slug}.test`,
        ...details,
      });
      return {
        id: person.id,
        name,
        actor: { kind: "person", orgId: org.id, personId: person.id, roles: person.roles },
      };
    },
    // Races and provider faults are under test here, at rates no person could reach past the
    // per-person redemption limit; that limit has its own tests.
    redeem: (person, input, redeemDeps) =>
      requestRedemption(db, person.actor, { idempotencyKey: key(), ...input }, redeemDeps, null),
  };
}

/** The faults armed in the sandbox and not yet taken by a request: empty once a request has met its fault. */
export async function armedFaults(fixture: SandboxFixture): Promise<unknown[]> {
  const response = await fetch(`${fixture.sandbox.url}/sandbox/faults`, {
    headers: { authorization: `Bearer ${fixture.sandbox.apiKey}` },
  });
  return ((await response.json()) as { faults: unknown[] }).faults;
}

/** A $5 Starbucks card: 50 pts at the default point value (10 pts = $1). */
export const STARBUCKS_5 = { productId: "SBUXUS000001", faceValueMinor: 500 } as const;

export async function redemptionRow(db: Executor, id: string): Promise<RedemptionRow> {
  const [row] = await db.select().from(redemptions).where(eq(redemptions.id, id));
  if (!row) throw new Error(`no redemption ${id}`);
  return row;
}

/** The kinds of the ledger transactions a redemption posted, in order: `hold`, then `settle` or `release`. */
export async function ledgerKindsOf(db: Executor, row: { orgId: string; id: string }): Promise<string[]> {
  const rows = await db
    .select({ kind: ledgerTransactions.kind })
    .from(ledgerTransactions)
    .where(
      and(
        eq(ledgerTransactions.orgId, row.orgId),
        like(ledgerTransactions.idempotencyKey, `redemption:${row.id}:%`),
      ),
    )
    .orderBy(asc(ledgerTransactions.id));
  return rows.map((transaction) => transaction.kind);
}

/** The notices queued in an org, oldest first, as `kind` and whom they are for. */
export async function noticesOf(
  db: Executor,
  orgId: string,
): Promise<{ kind: string; personId: string; redemptionId: string; payload: Record<string, unknown> }[]> {
  const rows = await db
    .select()
    .from(notifications)
    .where(eq(notifications.orgId, orgId))
    .orderBy(asc(notifications.id));
  return rows.map((row) => {
    const payload = row.payload as Record<string, unknown>;
    return { kind: row.kind, personId: row.personId, redemptionId: String(payload.redemptionId), payload };
  });
}

/** What the org's people and its system accounts hold: earned per person, and each system account. */
export async function balancesOf(db: Executor, orgId: string): Promise<Record<string, number>> {
  const rows = await db.execute<{ name: string; balance: string }>(sql`
    select coalesce(a.person_id::text, a.kind::text) as name, coalesce(sum(e.amount), 0) as balance
    from ledger_accounts a left join ledger_entries e on e.account_id = a.id
    where a.org_id = ${orgId}::uuid and (a.person_id is null or a.kind = 'earned')
    group by 1`);
  return Object.fromEntries(rows.map((row) => [row.name, Number(row.balance)]));
}

/** A clock `ms` after `from` (the real time when left out): past a lease, a backoff or a Retry-After. */
export function clockAfter(ms: number, from = new Date()): Clock {
  const at = new Date(from.getTime() + ms);
  return () => at;
}

/**
 * The redemption ended fulfilled with exactly one provider order, placed under its own id, whose
 * facts it recorded; its points were held once and settled once.
 */
export async function expectFulfilledOnce(
  db: Executor,
  fixture: SandboxFixture,
  id: string,
): Promise<RedemptionRow> {
  const row = await redemptionRow(db, id);
  const orders = fixture.sandbox.orders().filter((order) => order.external_id === id);
  expect(orders.map((order) => order.id)).toEqual([row.providerOrderId]);
  expect(row).toMatchObject({ status: "fulfilled", attentionReason: null, nextAttemptAt: null });
  expect(await ledgerKindsOf(db, row)).toEqual(["hold", "settle"]);
  return row;
}
