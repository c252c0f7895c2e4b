import { and, eq, type SQL } from "drizzle-orm";
import { TransactionRollbackError } from "drizzle-orm/errors";
import { z } from "zod";
import type { Executor } from "../../db/client";
import { people } from "../../db/schema";
import { recordAudit } from "../org/audit";
import type { Actor, OrgActor } from "../shared/actor";
import { type Clock, systemClock } from "../shared/clock";
import { DomainError } from "../shared/errors";
import { actorOrgId, authorize } from "../shared/permissions";
import { parseInput, text, uuid } from "../shared/validation";
import { deactivatePerson } from "./deactivate-person";
import { type ErasureChanges, eraseEverywhere, NOTHING_CHANGED, redactionOf } from "./erasure/person-erasure";
import { countBillLines, countUnfinishedRedemptions } from "./erasure/redemption-erasure";
import { lockPersonAndAdmins } from "./person-lock";

const eraseInput = z
  .object({
    personId: uuid("Choose a person.").optional(),
    email: text().trim().toLowerCase().pipe(z.email("Enter a valid email address.")).optional(),
    /** Their name or email as typed by whoever confirms: the erasure can't be undone. */
    confirmation: text("Type their name or email to confirm.").max(500, "That is not their name or email."),
    /** The operator names the org; anyone else erases in their own. */
    orgId: uuid("Choose an organization.").optional(),
    /** Do everything, report it, and keep none of it. */
    dryRun: z.boolean().default(false),
  })
  .refine((request) => (request.personId === undefined) !== (request.email === undefined), {
    message: "Name the person by their id or their email.",
    path: ["personId"],
  });

export type ErasePersonInput = z.input<typeof eraseInput>;

export interface ErasePersonResult {
  personId: string;
  /** What they are called from now on. */
  name: string;
  email: string;
  erasedAt: Date;
  /** Erased before: nothing was written, and `changed` is all zeros. */
  alreadyErased: boolean;
  dryRun: boolean;
  /** They were active and were deactivated first, under the org's leaver policy. */
  deactivated: boolean;
  /** Earned points forfeited by that deactivation (0 when the org lets leavers keep them). */
  forfeited: number;
  changed: ErasureChanges;
  /** Their lines on the org's bills, which are accounting records and stay as they are. */
  billLinesKept: number;
}

type Request = z.output<typeof eraseInput>;
type PersonRow = typeof people.$inferSelect;

/**
 * Erases a person's personal data on request (an admin, or the operator from the CLI), in one
 * transaction: who they were becomes a placeholder everywhere Plaudit keeps it (their record, their
 * redemptions' snapshots, audit entries, notices), free text they wrote or that was written about them
 * is replaced, their sign-in identities go. Points, amounts, the ledger and the feed's structure stay;
 * bills keep their lines, being accounting records. An active person is deactivated first, exactly as
 * an admin would (the org's leaver policy applies; the last active admin can't be). Erasing someone
 * already erased changes nothing. docs/privacy.md lists every field and what becomes of it.
 */
export async function erasePerson(
  db: Executor,
  actor: Actor,
  input: ErasePersonInput,
  clock: Clock = systemClock,
): Promise<ErasePersonResult> {
  authorize(actor, "erase_people");
  const request = parseInput(eraseInput, input);
  const orgId = targetOrgId(actor, request.orgId);
  let rehearsed: ErasePersonResult | undefined;
  try {
    return await db.transaction(async (tx) => {
      const person = await lockedPerson(tx, orgId, request);
      if (actor.kind === "person" && actor.personId === person.id) {
        throw new DomainError("invalid", "You can't erase your own personal data; ask another admin.", {
          field: "personId",
        });
      }
      if (person.erasedAt) return untouched(tx, person, person.erasedAt, request.dryRun);
      confirm(request.confirmation, person);
      const unfinished = await countUnfinishedRedemptions(tx, orgId, person.id);
      if (unfinished > 0) {
        throw new DomainError(
          "conflict",
          `${person.name} has ${unfinished === 1 ? "a redemption" : `${unfinished} redemptions`} still in progress; once ${unfinished === 1 ? "it is" : "they are"} fulfilled, declined or failed, erase them.`,
          { field: "personId", unfinished },
        );
      }

      const at = clock();
      const deactivation = person.active
        ? await deactivatePerson(tx, orgActor(actor, orgId), { personId: person.id }, () => at)
        : null;
      const redaction = redactionOf(person);
      const changed = await eraseEverywhere(tx, redaction, at);
      const billLinesKept = await countBillLines(tx, redaction);
      await recordAudit(tx, actor, {
        orgId,
        action: "person.erase",
        targetType: "person",
        targetId: person.id,
        // Counts only: the entry that records an erasure must not keep what it erased.
        after: { erasedAt: at.toISOString(), ...changed, billLinesKept },
      });
      const result: ErasePersonResult = {
        personId: person.id,
        ...redaction.placeholders,
        erasedAt: at,
        alreadyErased: false,
        dryRun: request.dryRun,
        deactivated: deactivation !== null,
        forfeited: deactivation?.forfeited ?? 0,
        changed,
        billLinesKept,
      };
      if (request.dryRun) {
        rehearsed = result;
        tx.rollback();
      }
      return result;
    });
  } catch (error) {
    if (error instanceof TransactionRollbackError && rehearsed) return rehearsed;
    throw error;
  }
}

function targetOrgId(actor: Actor, orgId: string | undefined): string {
  if (actor.kind !== "operator") return actorOrgId(actor);
  if (!orgId) throw new DomainError("invalid", "Name the organization to erase in.", { field: "orgId" });
  return orgId;
}

/** The operator erases inside an org as the org's system, which may deactivate its people. */
function orgActor(actor: Actor, orgId: string): OrgActor {
  return actor.kind === "operator" ? { kind: "system", orgId } : actor;
}

/** The person, by id or email, locked with the org's active admins (see person-lock.ts). */
async function lockedPerson(tx: Executor, orgId: string, request: Request): Promise<PersonRow> {
  const [found] = await tx
    .select({ id: people.id })
    .from(people)
    .where(and(eq(people.orgId, orgId), matchOf(request)));
  if (!found) {
    throw request.email
      ? new DomainError("not_found", `No one with the email ${request.email} is in your organization.`, {
          field: "email",
        })
      : new DomainError("not_found", "That person isn't in your organization.", { field: "personId" });
  }
  await lockPersonAndAdmins(tx, orgId, found.id);
  const [person] = await tx
    .select()
    .from(people)
    .where(and(eq(people.orgId, orgId), eq(people.id, found.id)));
  if (!person) throw new DomainError("not_found", "That person isn't in your organization.");
  return person;
}

function matchOf(request: Request): SQL {
  if (request.email !== undefined) return eq(people.email, request.email);
  if (request.personId !== undefined) return eq(people.id, request.personId);
  throw new DomainError("invalid", "Name the person by their id or their email.", { field: "personId" });
}

const normalised = (text: string) => text.trim().replace(/\s+/g, " ").toLowerCase();

function confirm(confirmation: string, person: PersonRow): void {
  const typed = normalised(confirmation);
  if (typed === normalised(person.name) || typed === normalised(person.email)) return;
  throw new DomainError(
    "invalid",
    typed === "" ? "Type their name or email to confirm." : "That is not their name or email.",
    { field: "confirmation" },
  );
}

/** What an earlier erasure left: the person as they are now, and nothing changed this time. */
async function untouched(
  tx: Executor,
  person: PersonRow,
  erasedAt: Date,
  dryRun: boolean,
): Promise<ErasePersonResult> {
  return {
    personId: person.id,
    name: person.name,
    email: person.email,
    erasedAt,
    alreadyErased: true,
    dryRun,
    deactivated: false,
    forfeited: 0,
    changed: NOTHING_CHANGED,
    billLinesKept: await countBillLines(tx, redactionOf(person)),
  };
}
