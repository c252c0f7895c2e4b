import { and, eq } from "drizzle-orm";
import { z } from "zod";
import type { Database } from "../../db/client";
import { ledgerTransactions } from "../../db/schema";
import { requestHash } from "../ledger/request-hash";
import { consumeRateLimit, type RateLimit, rateLimit, refundRateLimit } from "../limits/rate-limits";
import type { Actor } from "../shared/actor";
import { type Clock, systemClock } from "../shared/clock";
import { DomainError, isDomainError } from "../shared/errors";
import { authorize } from "../shared/permissions";
import { arrayLiteral } from "../shared/sql-array";
import { parseInput, text, uuid } from "../shared/validation";
import { normaliseValueName } from "../values/value-names";
import { describeGiveRejection } from "./give-rejections";
import { MESSAGE_MAX_LENGTH, MESSAGE_TOO_LONG } from "./message-length";

export const MAX_RECIPIENTS = 50;

const giveInput = z.object({
  /** Only an org-level (system) actor, such as an API key, gives on someone's behalf. */
  giverId: uuid().optional(),
  recipientIds: z
    .array(uuid("Choose people from the list."))
    .min(1, "Choose at least one person to thank.")
    .max(MAX_RECIPIENTS, `You can thank at most ${MAX_RECIPIENTS} people at once.`),
  amount: z
    .number("Enter a number of points.")
    .int("Points are whole numbers.")
    .positive("Give at least 1 point.")
    .max(1_000_000_000, "That is more points than anyone can give."),
  message: text().max(MESSAGE_MAX_LENGTH, MESSAGE_TOO_LONG),
  values: z.array(text().max(60)).max(10, "Pick at most 10 values.").default([]),
  source: z.enum(["web", "slack", "api"]),
  idempotencyKey: text().min(1).max(200),
});

const GIVE_STATEMENT = `select plaudit_give($1::uuid, $2::uuid, $3::uuid[], $4::int, $5::text, $6::text[],
  $7::recognition_source, $8::text, $9::text, $10::timestamptz) as result`;

export type GivePointsInput = z.input<typeof giveInput>;

export interface GivePointsResult {
  recognitionId: string;
  transactionId: number;
  /** The allowance month the points came from, `YYYY-MM` in the org's time zone. */
  period: string;
  allowanceRemaining: number;
  /** Each recipient's earned balance right after this give. */
  earnedBalances: Record<string, number>;
  createdAt: string;
  /** True when this call repeated an earlier request with the same idempotency key. */
  replayed: boolean;
}

/**
 * Give points from the giver's monthly allowance to one or more colleagues, all or nothing. Every rule
 * that needs the database runs inside `plaudit_give`, so the ledger's part of a give is one round trip
 * (see the ledger_functions migration); this function checks the request's shape and explains refusals.
 *
 * Each giver may give `limit` times a window, from the web, Slack and the API alike (null: not limited,
 * for the demo seed writing months of history at once). A give the ledger refuses counts; a replay of one
 * that took effect does not, even once the window is spent, so a retried request still gets its answer.
 */
export async function givePoints(
  db: Database,
  actor: Actor,
  input: GivePointsInput,
  clock: Clock = systemClock,
  limit: RateLimit | null = rateLimit("gives"),
): Promise<GivePointsResult> {
  authorize(actor, "give_points");
  const request = parseInput(giveInput, input);
  if (actor.kind !== "person" && actor.kind !== "system")
    throw new DomainError("forbidden", "Act within an org.");
  const giverId = actor.kind === "person" ? actor.personId : request.giverId;
  if (!giverId) throw new DomainError("invalid", "Say who is giving.", { field: "giverId" });
  if (actor.kind === "person" && request.giverId && request.giverId !== actor.personId) {
    throw new DomainError("forbidden", "You can only give your own points.");
  }

  const message = request.message.trim();
  if (message.length === 0) {
    throw new DomainError("message_required", "Add a message saying what the points are for.", {
      field: "message",
    });
  }
  const recipientIds = [...new Set(request.recipientIds)].sort();
  const values = [...new Set(request.values.map(normaliseValueName))].sort();

  const key = request.idempotencyKey;
  const hash = requestHash({
    giverId,
    recipientIds,
    amount: request.amount,
    message,
    values,
    source: request.source,
  });
  if (limit) await consumeRateLimit(db, limit, giverId).catch(unlessTookEffect(db, actor.orgId, key));
  try {
    // Straight to postgres.js rather than db.execute: Drizzle sends raw SQL unnamed, and re-parsing this
    // statement on every give costs more than anything else the client does on the hot path.
    const client = db.$client;
    const rows = await client.unsafe<{ result: GivePointsResult }[]>(
      GIVE_STATEMENT,
      [
        actor.orgId,
        giverId,
        arrayLiteral(recipientIds),
        request.amount,
        message,
        arrayLiteral(values),
        request.source,
        key,
        hash,
        clock().toISOString(),
      ],
      { prepare: client.options.prepare },
    );
    const result = rows[0]?.result;
    if (!result) throw new Error("plaudit_give returned no row");
    if (limit && result.replayed) await refundRateLimit(db, limit, giverId);
    return result;
  } catch (error) {
    throw describeGiveRejection(error);
  }
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
