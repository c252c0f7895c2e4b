import { and, eq, or } from "drizzle-orm";
import { z } from "zod";
import type { Database, Executor } from "../../db/client";
import { people } from "../../db/schema";
import { type Actor, ROLES, type Role } from "../shared/actor";
import { type Clock, systemClock } from "../shared/clock";
import { DomainError, isDomainError } from "../shared/errors";
import { actorOrgId, authorize } from "../shared/permissions";
import { parseInput, text } from "../shared/validation";
import { type CreatePersonInput, createPerson } from "./create-person";
import { deactivatePerson } from "./deactivate-person";
import { PERSON_DETAIL_COLUMNS, type PersonDetails } from "./person-details";
import { reactivatePerson } from "./reactivate-person";
import { type UpdatePersonInput, updatePerson } from "./update-person";

// Only the shape is checked here; lengths and formats are the rules of the create and the edit that write.
const upsertInput = z
  .object({
    email: text().trim().toLowerCase().pipe(z.email("Enter a valid email address.")).optional(),
    externalEmployeeId: text().trim().min(1, "Leave the external id out rather than blank.").optional(),
    name: text().optional(),
    roles: z.array(z.enum(ROLES as [Role, ...Role[]], "Unknown role.")).optional(),
    /** The manager's email; null removes the manager. */
    managerEmail: text().trim().toLowerCase().nullable().optional(),
    department: text().nullable().optional(),
    costCenter: text().nullable().optional(),
    birthday: text().nullable().optional(),
    hireDate: text().nullable().optional(),
    active: z.boolean("Write true or false.").optional(),
  })
  .refine((request) => request.email !== undefined || request.externalEmployeeId !== undefined, {
    message: "Give the person's email or external id to find them by.",
    path: ["email"],
  });

export type UpsertPersonInput = z.input<typeof upsertInput>;
type UpsertRequest = z.output<typeof upsertInput>;

export interface UpsertPersonResult {
  person: PersonDetails;
  /** True when no one matched and the person was added. */
  created: boolean;
}

/**
 * Creates or updates one person, for an HR system keeping the org in step (admins or the system).
 * People are matched like the CSV import matches them: by external id when given, else by email. The
 * work is done by the use cases an admin's hands would use (create, edit, deactivate, reactivate), so
 * the same checks, audit entries, leaver policy and allowance re-syncs apply. They run inside one
 * transaction (each step's own becomes a savepoint), so a step that is refused leaves nothing of the
 * earlier ones behind.
 */
export async function upsertPerson(
  db: Database,
  actor: Actor,
  input: UpsertPersonInput,
  clock: Clock = systemClock,
): Promise<UpsertPersonResult> {
  authorize(actor, "manage_people");
  const orgId = actorOrgId(actor);
  const request = parseInput(upsertInput, input);
  return db.transaction(async (tx) => {
    const managerId = await resolveManager(tx, orgId, request.managerEmail);

    const match = await findMatch(tx, orgId, request);
    const person = match ?? (await addPerson(tx, actor, request, managerId, clock));
    if (match) {
      if (request.active === true && !match.active) {
        await blaming({ personId: "active" }, reactivatePerson(tx, actor, { personId: match.id }, clock));
      }
      await blaming(
        { managerId: "managerEmail" },
        updatePerson(tx, actor, editOf(match.id, request, managerId), clock),
      );
    }
    // A person is created active; one sent as inactive leaves at once, under the same rules as anyone.
    if (request.active === false && person.active) {
      // Refused for the last active admin, which is the request's `active` asking too much.
      await blaming({ personId: "active" }, deactivatePerson(tx, actor, { personId: person.id }, clock));
    }

    const [after] = await tx
      .select(PERSON_DETAIL_COLUMNS)
      .from(people)
      .where(and(eq(people.orgId, orgId), eq(people.id, person.id)));
    if (!after) throw new DomainError("not_found", "That person isn't in your organization.");
    return { person: after, created: !match };
  });
}

async function resolveManager(
  db: Executor,
  orgId: string,
  email: string | null | undefined,
): Promise<string | null | undefined> {
  if (email === undefined) return undefined;
  if (email === null || email === "") return null;
  const [manager] = await db
    .select({ id: people.id })
    .from(people)
    .where(and(eq(people.orgId, orgId), eq(people.email, email)));
  if (!manager) {
    throw new DomainError("not_found", `No one with the email ${email} is in your organization.`, {
      field: "managerEmail",
    });
  }
  return manager.id;
}

async function findMatch(
  db: Executor,
  orgId: string,
  request: UpsertRequest,
): Promise<PersonDetails | undefined> {
  const { email, externalEmployeeId } = request;
  const rows = await db
    .select(PERSON_DETAIL_COLUMNS)
    .from(people)
    .where(
      and(
        eq(people.orgId, orgId),
        or(
          email === undefined ? undefined : eq(people.email, email),
          externalEmployeeId === undefined ? undefined : eq(people.externalEmployeeId, externalEmployeeId),
        ),
      ),
    );
  const byExternalId = rows.find(
    (row) => externalEmployeeId !== undefined && row.externalEmployeeId === externalEmployeeId,
  );
  if (byExternalId) return byExternalId;
  const byEmail = rows.find((row) => row.email === email);
  // Overwriting someone's external id would silently tie them to another HR record; the import refuses too.
  if (byEmail?.externalEmployeeId && externalEmployeeId) {
    throw new DomainError(
      "conflict",
      `${byEmail.email} already has the external id "${byEmail.externalEmployeeId}".`,
      { field: "externalEmployeeId" },
    );
  }
  return byEmail;
}

/** Adds the person the request describes, when no one matched it. */
async function addPerson(
  db: Executor,
  actor: Actor,
  request: UpsertRequest,
  managerId: string | null | undefined,
  clock: Clock,
): Promise<PersonDetails> {
  const { name, email } = request;
  if (email === undefined) {
    throw new DomainError("invalid", "To add a person, give their email.", { field: "email" });
  }
  if (name === undefined) {
    throw new DomainError("invalid", "To add a person, give their name.", { field: "name" });
  }
  const details: CreatePersonInput = { ...fieldsOf(request, managerId), name, email };
  const { person } = await blaming({ managerId: "managerEmail" }, createPerson(db, actor, details, clock));
  return person;
}

/** Awaits a step, renaming the field its refusal blames to the field of this use case's input it came from. */
async function blaming<Result>(
  renamed: Record<string, keyof UpsertRequest>,
  work: Promise<Result>,
): Promise<Result> {
  try {
    return await work;
  } catch (error) {
    if (!isDomainError(error)) throw error;
    const field = renamed[String(error.details.field)];
    if (!field) throw error;
    throw new DomainError(error.code, error.message, { ...error.details, field });
  }
}

/** The edit that brings a person in line with the request; a field the request leaves out stays as it is. */
function editOf(
  personId: string,
  request: UpsertRequest,
  managerId: string | null | undefined,
): UpdatePersonInput {
  return { personId, ...fieldsOf(request, managerId) };
}

/** The person's fields as the request gives them, with the manager already found by email. */
function fieldsOf(request: UpsertRequest, managerId: string | null | undefined) {
  return {
    name: request.name,
    email: request.email,
    roles: request.roles,
    managerId,
    department: request.department,
    costCenter: request.costCenter,
    externalEmployeeId: request.externalEmployeeId,
    birthday: request.birthday,
    hireDate: request.hireDate,
  };
}
