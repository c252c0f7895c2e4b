import { sql } from "drizzle-orm";
import type { Executor } from "../../db/client";
import { loadPeople } from "../people/people-lookup";
import { DomainError, sqlState } from "../shared/errors";
import { formatPoints } from "../shared/money";
import { type EarnedSlot, earnedAccountIds, lockEarnedSlots, systemAccountId } from "./accounts";
import { post } from "./postings";
import { requestHash } from "./request-hash";

/**
 * The two phases of a redemption. `holdPoints` moves points from the person's earned balance into the
 * org's hold account; the provider order is then placed; `settleHold` moves them on to redeemed, or
 * `releaseHold` gives them back. A hold is closed exactly once (a unique index on the closing
 * transaction's `closes_transaction_id`). These run inside the caller's transaction.
 */

export interface HoldRequest {
  orgId: string;
  personId: string;
  amount: number;
  idempotencyKey: string;
  actorPersonId?: string | null;
  memo?: string;
  /** When the redemption asked for it; now when left out. */
  at?: Date;
}

/**
 * The transaction an earlier call with this key wrote, when it was the same request; a key reused for
 * something else is a conflict. Lets a retried hold, settle or release return its first result.
 */
async function earlierWithKey(
  tx: Executor,
  orgId: string,
  key: string,
  same: { kind: "hold" | "settle" | "release" | "reversal"; hash: string },
): Promise<number | null> {
  const rows = await tx.execute<{ id: string; kind: string; request_hash: string }>(sql`
    select id, kind, request_hash from ledger_transactions where org_id = ${orgId}::uuid and idempotency_key = ${key}`);
  const earlier = rows[0];
  if (!earlier) return null;
  if (earlier.kind !== same.kind || earlier.request_hash !== same.hash) {
    throw new DomainError(
      "idempotency_conflict",
      "This key was already used for a different ledger operation.",
    );
  }
  return Number(earlier.id);
}

export async function holdPoints(tx: Executor, request: HoldRequest): Promise<number> {
  if (!Number.isSafeInteger(request.amount) || request.amount <= 0) {
    throw new DomainError("invalid", "A hold is a positive whole number of points.", { field: "amount" });
  }
  const hash = requestHash({ personId: request.personId, amount: request.amount });
  const earlier = await earlierWithKey(tx, request.orgId, request.idempotencyKey, { kind: "hold", hash });
  if (earlier !== null) return earlier;
  // The first hold locks the point value (see update-org-settings); key-share the org row so that a
  // settings change running at the same moment waits for this hold or sees it.
  await tx.execute(sql`select 1 from organizations where id = ${request.orgId}::uuid for key share`);
  await loadPeople(tx, request.orgId, [request.personId]);
  const slots = await lockEarnedSlots(tx, request.orgId, request.personId);
  const balance = slots.reduce((sum, slot) => sum + slot.balance, 0);
  if (balance < request.amount) {
    throw new DomainError(
      "insufficient_points",
      `That needs ${formatPoints(request.amount)} but only ${formatPoints(balance)} are earned.`,
      {
        balance,
        needed: request.amount,
      },
    );
  }
  return post(tx, {
    orgId: request.orgId,
    kind: "hold",
    idempotencyKey: request.idempotencyKey,
    requestHash: hash,
    actorPersonId: request.actorPersonId,
    memo: request.memo,
    at: request.at,
    entries: [
      ...drawFromSlots(slots, request.amount),
      { accountId: await systemAccountId(tx, request.orgId, "redemption_hold"), amount: request.amount },
    ],
  });
}

/** Debit entries taking `amount` from the slots in their order, each slot no further than to zero. */
function drawFromSlots(
  slots: readonly EarnedSlot[],
  amount: number,
): { accountId: number; amount: number }[] {
  const entries: { accountId: number; amount: number }[] = [];
  let left = amount;
  for (const slot of slots) {
    const taken = Math.min(slot.balance, left);
    if (taken > 0) entries.push({ accountId: slot.accountId, amount: -taken });
    left -= taken;
  }
  return entries;
}

interface OpenHold {
  holdAccount: number;
  personId: string;
  amount: number;
}

async function loadHold(tx: Executor, orgId: string, holdTransactionId: number): Promise<OpenHold> {
  const rows = await tx.execute<{ hold_account: string; person_id: string; amount: string }>(sql`
    select max(e.account_id) filter (where e.amount > 0) as hold_account,
           max(a.person_id::text) filter (where e.amount < 0) as person_id,
           sum(e.amount) filter (where e.amount > 0) as amount
    from ledger_transactions t
    join ledger_entries e on e.transaction_id = t.id
    join ledger_accounts a on a.id = e.account_id
    where t.org_id = ${orgId}::uuid and t.id = ${holdTransactionId} and t.kind = 'hold'
    group by t.id`);
  const row = rows[0];
  if (!row) throw new DomainError("not_found", "No such hold.");
  return { holdAccount: Number(row.hold_account), personId: row.person_id, amount: Number(row.amount) };
}

/** A settle, release or reversal of a hold: which, under what key, and when it happened (now if left out). */
export interface HoldClosing {
  orgId: string;
  holdTransactionId: number;
  idempotencyKey: string;
  at?: Date;
}

async function closeHold(tx: Executor, request: HoldClosing, kind: "settle" | "release"): Promise<number> {
  const hash = requestHash({ holdTransactionId: request.holdTransactionId });
  const earlier = await earlierWithKey(tx, request.orgId, request.idempotencyKey, { kind, hash });
  if (earlier !== null) return earlier;
  const hold = await loadHold(tx, request.orgId, request.holdTransactionId);
  const destination =
    kind === "settle"
      ? await systemAccountId(tx, request.orgId, "redeemed")
      : await returnDestination(tx, request.orgId, hold.personId);
  try {
    return await post(tx, {
      orgId: request.orgId,
      kind,
      idempotencyKey: request.idempotencyKey,
      requestHash: hash,
      closesTransactionId: request.holdTransactionId,
      at: request.at,
      entries: [
        { accountId: hold.holdAccount, amount: -hold.amount },
        { accountId: destination, amount: hold.amount },
      ],
    });
  } catch (error) {
    // The one unique constraint left to hit: another settle or release of this hold got there first.
    if (sqlState(error) === "23505") {
      throw new DomainError("hold_closed", "That hold has already been settled or released.");
    }
    throw error;
  }
}

/**
 * Where points given back go: to the person, or, when they have left an org whose leaver policy
 * forfeits earned points, to the org's forfeited account, as their balance went when they left.
 */
async function returnDestination(tx: Executor, orgId: string, personId: string): Promise<number> {
  const rows = await tx.execute<{ forfeits: boolean }>(sql`
    select not p.active and o.leaver_policy = 'forfeit' as forfeits
    from people p join organizations o on o.id = p.org_id
    where p.org_id = ${orgId}::uuid and p.id = ${personId}::uuid`);
  if (rows[0]?.forfeits) return systemAccountId(tx, orgId, "forfeited");
  const earned = (await earnedAccountIds(tx, orgId, [personId])).get(personId);
  if (earned === undefined) throw new Error(`no earned account for ${personId}`);
  return earned;
}

export function settleHold(tx: Executor, request: HoldClosing): Promise<number> {
  return closeHold(tx, request, "settle");
}

export function releaseHold(tx: Executor, request: HoldClosing): Promise<number> {
  return closeHold(tx, request, "release");
}

/**
 * Undoes a settled hold: the redeemed points go back where a release would send them. For a reward
 * canceled after it was paid for; its key makes a retry a no-op, and it runs once per hold.
 */
export async function reverseSettledHold(
  tx: Executor,
  request: HoldClosing & { memo?: string },
): Promise<number> {
  const hash = requestHash({ reverses: request.holdTransactionId });
  const earlier = await earlierWithKey(tx, request.orgId, request.idempotencyKey, { kind: "reversal", hash });
  if (earlier !== null) return earlier;
  const hold = await loadHold(tx, request.orgId, request.holdTransactionId);
  return post(tx, {
    orgId: request.orgId,
    kind: "reversal",
    idempotencyKey: request.idempotencyKey,
    requestHash: hash,
    memo: request.memo,
    at: request.at,
    entries: [
      { accountId: await systemAccountId(tx, request.orgId, "redeemed"), amount: -hold.amount },
      { accountId: await returnDestination(tx, request.orgId, hold.personId), amount: hold.amount },
    ],
  });
}
