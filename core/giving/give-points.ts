import { z } from "zod";
import type { Database } from "../../db/client";
import { requestHash } from "../ledger/request-hash";
import { type RateLimit, rateLimit } from "../limits/rate-limits";
import type { Actor } from "../shared/actor";
import { type Clock, systemClock } from "../shared/clock";
import { DomainError } from "../shared/errors";
import { authorize } from "../shared/permissions";
import { parseInput, text, uuid } from "../shared/validation";
import { normaliseValueName } from "../values/value-names";
import { type GiveRecord, limitedGive, runGiveStatement } from "./give-statement";
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

export type GivePointsInput = z.input<typeof giveInput>;

export type GivePointsResult = GiveRecord;

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
  const give = { recipientIds, amount: request.amount, message, values, source: request.source };
  // The fingerprint's fields in this order: keys of gives already taken are checked against it.
  const hash = requestHash({ giverId, ...give });
  return limitedGive(db, limit, { orgId: actor.orgId, giverId, idempotencyKey: key }, () =>
    runGiveStatement(db, {
      orgId: actor.orgId,
      giverId,
      ...give,
      idempotencyKey: key,
      requestHash: hash,
      at: clock(),
    }),
  );
}
