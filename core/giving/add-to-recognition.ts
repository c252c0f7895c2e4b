import { and, eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { Database, Executor } from "../../db/client";
import { recognitions } from "../../db/schema";
import { visibleTo } from "../feed/recognition-lookup";
import { requestHash } from "../ledger/request-hash";
import { type RateLimit, rateLimit } from "../limits/rate-limits";
import type { Actor } from "../shared/actor";
import { type Clock, systemClock } from "../shared/clock";
import { DomainError } from "../shared/errors";
import { authorize } from "../shared/permissions";
import { parseInput, text, uuid } from "../shared/validation";
import { type GiveRecord, limitedGive, runGiveStatement } from "./give-statement";

const addOnInput = z.object({
  recognitionId: uuid("Choose a recognition."),
  amount: z
    .number("Enter a number of points.")
    .int("Points are whole numbers.")
    .positive("Add at least 1 point.")
    .max(1_000_000_000, "That is more points than anyone can give."),
  source: z.enum(["web", "slack", "api"]).default("web"),
  idempotencyKey: text().min(1).max(200),
});

export type AddToRecognitionInput = z.input<typeof addOnInput>;

export interface AddToRecognitionResult extends GiveRecord {
  /** The recognition the points were added to. */
  addedTo: string;
}

/** The longest part of the original message an add-on's own message quotes. */
const QUOTED_LENGTH = 140;

interface Original {
  id: string;
  message: string;
  recipientIds: string[];
  /** Its company values still in use, when the org uses values at all. */
  values: string[];
}

/** The recognition points are added to: the one named, or the one it was itself added to. */
async function originalOf(
  tx: Executor,
  orgId: string,
  recognitionId: string,
  giverId: string,
): Promise<Original> {
  const [row] = await tx.execute<{
    id: string;
    message: string;
    recipient_ids: string[];
    values: string[];
  }>(sql`
    select o.id, o.message,
           (select array_agg(rr.person_id order by rr.person_id) from recognition_recipients rr
             where rr.org_id = o.org_id and rr.recognition_id = o.id) as recipient_ids,
           (select coalesce(array_agg(v.name order by v.name), '{}') from recognition_values rv
             join company_values v on v.id = rv.value_id
             where rv.org_id = o.org_id and rv.recognition_id = o.id and v.retired_at is null
               and (select values_mode from organizations where id = o.org_id) <> 'off') as values
    from recognitions r
    join recognitions o on o.org_id = r.org_id and o.id = coalesce(r.add_on_to, r.id)
    where r.org_id = ${orgId}::uuid and r.id = ${recognitionId}::uuid and ${visibleTo(orgId, giverId)}`);
  if (!row) throw new DomainError("not_found", "That recognition doesn't exist.");
  return { id: row.id, message: row.message, recipientIds: row.recipient_ids, values: row.values };
}

function quoted(message: string): string {
  const flat = message.replace(/\s+/g, " ").trim();
  return flat.length > QUOTED_LENGTH ? `${flat.slice(0, QUOTED_LENGTH - 1)}…` : flat;
}

/**
 * Adds points to an existing recognition ("+5 to this") out of the actor's own allowance: a give to the
 * same people, for the same reason, under the same rules, exact and idempotent like any give, and shown
 * on the recognition rather than as one of its own. Whoever received it can't add to it.
 */
export async function addToRecognition(
  db: Database,
  actor: Actor,
  input: AddToRecognitionInput,
  clock: Clock = systemClock,
  limit: RateLimit | null = rateLimit("gives"),
): Promise<AddToRecognitionResult> {
  authorize(actor, "give_points");
  if (actor.kind !== "person")
    throw new DomainError("forbidden", "Only a person adds points to a recognition.");
  const request = parseInput(addOnInput, input);
  const giverId = actor.personId;
  const give = { orgId: actor.orgId, giverId, idempotencyKey: request.idempotencyKey };
  let addedTo = "";
  const record = await limitedGive(db, limit, give, () =>
    db.transaction(async (tx) => {
      const original = await originalOf(tx, actor.orgId, request.recognitionId, giverId);
      addedTo = original.id;
      if (original.recipientIds.includes(giverId)) {
        throw new DomainError("self_give", "You can't add points to a recognition you received.");
      }
      const given = await runGiveStatement(tx, {
        ...give,
        recipientIds: original.recipientIds,
        amount: request.amount,
        message: `Added to “${quoted(original.message)}”`,
        values: original.values,
        source: request.source,
        requestHash: requestHash({
          giverId,
          addedTo: original.id,
          amount: request.amount,
          source: request.source,
        }),
        at: clock(),
      });
      await tx
        .update(recognitions)
        .set({ addOnTo: original.id })
        .where(and(eq(recognitions.orgId, actor.orgId), eq(recognitions.id, given.recognitionId)));
      return given;
    }),
  );
  return { ...record, addedTo };
}
