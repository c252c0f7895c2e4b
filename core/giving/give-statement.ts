import { and, eq } from "drizzle-orm";
import { type Database, type Executor, sqlOf } from "../../db/client";
import { ledgerTransactions } from "../../db/schema";
import { consumeRateLimit, type RateLimit, refundRateLimit } from "../limits/rate-limits";
import { isDomainError } from "../shared/errors";
import { arrayLiteral } from "../shared/sql-array";
import { describeGiveRejection } from "./give-rejections";

const GIVE_STATEMENT = `select plaudit_give($1::uuid, $2::uuid, $3::uuid[], $4::int, $5::text, $6::text[],
  $7::recognition_source, $8::text, $9::text, $10::timestamptz) as result`;

export interface GiveRecord {
  recognitionId: string;
  transactionId: number;
  /** The allowance month the points came from, `YYYY-MM` in the org's time zone. */
  period: string;
  allowanceRemaining: number;
  /** Each recipient's earned balance right after this give. */
  earnedBalances: Record<string, number>;
  createdAt: string;
  /** The extra each recipient got from a running campaign, paid by the company; null when none. */
  bonus: GiveBonus | null;
  /** A campaign that would have applied but whose budget couldn't cover this give: it went at x1. */
  budgetSpentCampaign: string | null;
  /** True when this call repeated an earlier request with the same idempotency key. */
  replayed: boolean;
}

export interface GiveBonus {
  campaignId: string;
  campaignName: string;
  multiplier: number;
  perRecipient: number;
}

export interface GiveStatementInput {
  orgId: string;
  giverId: string;
  /** Sorted and without repeats. */
  recipientIds: readonly string[];
  amount: number;
  message: string;
  /** Normalised names, sorted and without repeats. */
  values: readonly string[];
  source: "web" | "slack" | "api";
  idempotencyKey: string;
  requestHash: string;
  at: Date;
}

/**
 * One give through `plaudit_give`, where every rule that needs the database runs (see the
 * ledger_functions migration), on the executor given: the pool, or a transaction that does more with
 * the give. A refusal comes back as a DomainError that explains it.
 */
export async function runGiveStatement(db: Executor, give: GiveStatementInput): Promise<GiveRecord> {
  // Straight to postgres.js rather than db.execute: Drizzle sends raw SQL unnamed, and re-parsing this
  // statement on every give costs more than anything else the client does on the hot path.
  const client = sqlOf(db);
  try {
    const rows = await client.unsafe<{ result: GiveRecord }[]>(
      GIVE_STATEMENT,
      [
        give.orgId,
        give.giverId,
        arrayLiteral(give.recipientIds),
        give.amount,
        give.message,
        arrayLiteral(give.values),
        give.source,
        give.idempotencyKey,
        give.requestHash,
        give.at.toISOString(),
      ],
      // A transaction's client carries no options of its own: its statements go unprepared.
      { prepare: (client.options as typeof client.options | undefined)?.prepare ?? false },
    );
    const result = rows[0]?.result;
    if (!result) throw new Error("plaudit_give returned no row");
    return result;
  } catch (error) {
    throw describeGiveRejection(error);
  }
}

/**
 * A give counted against the giver's rate limit (null: not limited). A give the ledger refuses counts; a
 * replay of one that took effect does not, even once the window is spent, so a retried request still
 * gets its answer.
 */
export async function limitedGive(
  db: Database,
  limit: RateLimit | null,
  give: { orgId: string; giverId: string; idempotencyKey: string },
  post: () => Promise<GiveRecord>,
): Promise<GiveRecord> {
  if (limit) {
    await consumeRateLimit(db, limit, give.giverId).catch(
      unlessTookEffect(db, give.orgId, give.idempotencyKey),
    );
  }
  const result = await post();
  if (limit && result.replayed) await refundRateLimit(db, limit, give.giverId);
  return result;
}

/** Lets a request past a spent window when its key already took effect: the ledger answers it as a replay. */
function unlessTookEffect(db: Database, orgId: string, key: string) {
  return async (error: unknown): Promise<void> => {
    if (!isDomainError(error, "rate_limited")) throw error;
    const [taken] = await db
      .select({ id: ledgerTransactions.id })
      .from(ledgerTransactions)
      .where(and(eq(ledgerTransactions.orgId, orgId), eq(ledgerTransactions.idempotencyKey, key)));
    if (!taken) throw error;
  };
}
