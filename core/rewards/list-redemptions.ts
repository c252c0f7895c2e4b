import { and, desc, eq, gte, inArray, lt, sql } from "drizzle-orm";
import { z } from "zod";
import type { Executor } from "../../db/client";
import { redemptionStatus, redemptions } from "../../db/schema";
import type { Actor } from "../shared/actor";
import { invalidCursor, isIsoInstant } from "../shared/cursor";
import { actorOrgId, authorize, can } from "../shared/permissions";
import { isId, parseInput, text, uuid } from "../shared/validation";
import { queueFilter, REDEMPTION_QUEUES } from "./redemption-queue";
import { type RedemptionRow, type RedemptionView, redemptionView } from "./redemption-view";

const STATUSES = redemptionStatus.enumValues;

const listInput = z.object({
  /** Whose redemptions; a person's own when left out, unless `everyone` asks for the whole org's. */
  personId: uuid("Choose a person.").optional(),
  everyone: z.boolean().default(false),
  status: z.array(z.enum(STATUSES, "Unknown status.")).max(STATUSES.length).optional(),
  queue: z.enum(REDEMPTION_QUEUES).optional(),
  /** Requested on or after `from` and before `to`. */
  from: z.coerce.date("Give a date such as 2026-11-01.").optional(),
  to: z.coerce.date("Give a date such as 2026-12-01.").optional(),
  cursor: text().max(200).optional(),
  limit: z.number().int().min(1).max(100).default(25),
});

export type ListRedemptionsInput = z.input<typeof listInput>;

export interface RedemptionPage {
  items: RedemptionView[];
  nextCursor: string | null;
}

function decodeCursor(cursor: string): { at: string; id: string } {
  const [at, id] = Buffer.from(cursor, "base64url").toString().split("|");
  if (!at || !id || !isIsoInstant(at) || !isId(id)) throw invalidCursor();
  return { at, id };
}

/**
 * Redemptions, newest first: a person's own, or (for admins, finance and integrations) anyone's, by
 * person, status, dates or an admin's work queue. Gift links are shown only to their owner.
 */
export async function listRedemptions(
  db: Executor,
  actor: Actor,
  input: ListRedemptionsInput = {},
): Promise<RedemptionPage> {
  const orgId = actorOrgId(actor);
  const request = parseInput(listInput, input);
  const ownId = actor.kind === "person" ? actor.personId : undefined;
  const personId = request.personId ?? (request.queue || request.everyone ? undefined : ownId);
  authorize(actor, "read_redemptions", { self: personId !== undefined && personId === ownId });
  if (request.queue) authorize(actor, "decide_redemptions");

  const clauses = [
    eq(redemptions.orgId, orgId),
    personId ? eq(redemptions.personId, personId) : undefined,
    request.status ? inArray(redemptions.status, request.status) : undefined,
    request.queue ? queueFilter(request.queue) : undefined,
    request.from ? gte(redemptions.requestedAt, request.from) : undefined,
    request.to ? lt(redemptions.requestedAt, request.to) : undefined,
  ];
  if (request.cursor) {
    const after = decodeCursor(request.cursor);
    clauses.push(
      sql`(${redemptions.requestedAt}, ${redemptions.id}) < (${after.at}::timestamptz, ${after.id}::uuid)`,
    );
  }
  const rows: RedemptionRow[] = await db
    .select()
    .from(redemptions)
    .where(and(...clauses))
    .orderBy(desc(redemptions.requestedAt), desc(redemptions.id))
    .limit(request.limit + 1);
  const handles = can(actor, "decide_redemptions");
  const items = rows
    .slice(0, request.limit)
    .map((row) => redemptionView(row, { isOwner: row.personId === ownId, handles }));
  const last = rows[request.limit - 1];
  return {
    items,
    nextCursor:
      rows.length > request.limit && last
        ? Buffer.from(`${last.requestedAt.toISOString()}|${last.id}`).toString("base64url")
        : null,
  };
}
