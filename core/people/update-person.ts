import { and, eq, ne, sql } from "drizzle-orm";
import { z } from "zod";
import type { Executor } from "../../db/client";
import { organizations, people } from "../../db/schema";
import { syncCurrentAllowance } from "../allowances/allowance-sync";
import { recordAudit } from "../org/audit";
import { type Actor, ROLES, type Role } from "../shared/actor";
import { type Clock, systemClock } from "../shared/clock";
import { DomainError, sqlState } from "../shared/errors";
import { actorOrgId, authorize } from "../shared/permissions";
import { parseInput, text, uuid } from "../shared/validation";
import { personDateProblem } from "./person-dates";
import { PERSON_DETAIL_COLUMNS, type PersonDetails } from "./person-details";
import { lockPersonAndAdmins, refuseErased } from "./person-lock";
import { changesPrivilegedRoles, holdsPrivilegedRole, requirePrivilegedAccess } from "./privileged-roles";

/** Optional text: trimmed, and blank means "none". */
const optionalText = (max: number) =>
  text()
    .trim()
    .max(max, `Keep it under ${max} characters.`)
    .nullable()
    .transform((value) => (value === "" ? null : value));

const isoDate = text()
  .superRefine((value, context) => {
    const problem = personDateProblem(value);
    if (problem) context.addIssue({ code: "custom", message: problem });
  })
  .nullable();

const updateInput = z.object({
  personId: uuid("Choose a person."),
  name: text().trim().min(1, "Enter a name.").max(200, "That name is too long.").optional(),
  email: text()
    .trim()
    .toLowerCase()
    .pipe(z.email("Enter a valid email address.").max(320, "That email is too long."))
    .optional(),
  roles: z
    .array(z.enum(ROLES as [Role, ...Role[]], "Unknown role."))
    .max(ROLES.length * 2)
    .optional(),
  managerId: uuid("Choose a manager.").nullable().optional(),
  department: optionalText(200).optional(),
  costCenter: optionalText(200).optional(),
  externalEmployeeId: optionalText(200).optional(),
  birthday: isoDate.optional(),
  hireDate: isoDate.optional(),
});

export type UpdatePersonInput = z.input<typeof updateInput>;

export interface UpdatePersonResult {
  person: PersonDetails;
  /** The fields whose value changed; empty when the update changed nothing (and nothing was written). */
  changed: (keyof PersonDetails)[];
}

const EDITABLE = [
  "name",
  "email",
  "roles",
  "managerId",
  "department",
  "costCenter",
  "externalEmployeeId",
  "birthday",
  "hireDate",
] as const satisfies readonly (keyof PersonDetails)[];

type Editable = (typeof EDITABLE)[number];

/**
 * An admin (or the system) edits a person of their org. Email and external employee id stay unique
 * in the org; every person keeps the employee role; the last active admin keeps the admin role; a
 * manager must be someone else in the org who doesn't already report to this person. A change of
 * manager re-syncs both managers' allowance for the current month when the org pays per report.
 */
export async function updatePerson(
  db: Executor,
  actor: Actor,
  input: UpdatePersonInput,
  clock: Clock = systemClock,
): Promise<UpdatePersonResult> {
  authorize(actor, "manage_people");
  const orgId = actorOrgId(actor);
  const request = parseInput(updateInput, input);
  const { personId } = request;
  const actorPersonId = actor.kind === "person" ? actor.personId : null;
  const wanted: Partial<Pick<PersonDetails, Editable>> = {};
  for (const field of EDITABLE) {
    if (request[field] !== undefined) Object.assign(wanted, { [field]: request[field] });
  }
  if (wanted.roles)
    wanted.roles = ROLES.filter((role) => role === "employee" || wanted.roles?.includes(role));

  try {
    return await db.transaction(async (tx) => {
      const { person, activeAdminIds } = await lockPersonAndAdmins(tx, orgId, personId);
      refuseErased(person, "edited");
      const [before] = await tx
        .select(PERSON_DETAIL_COLUMNS)
        .from(people)
        .where(and(eq(people.orgId, orgId), eq(people.id, personId)));
      if (!before) throw new DomainError("not_found", "That person isn't in your organization.");

      const changes = EDITABLE.filter(
        (field) => wanted[field] !== undefined && !sameValue(before[field], wanted[field]),
      );
      if (changes.length === 0) return { person: before, changed: [] };
      const set = Object.fromEntries(changes.map((field) => [field, wanted[field]]));

      if (changes.includes("roles") && changesPrivilegedRoles(before.roles, wanted.roles ?? before.roles)) {
        requirePrivilegedAccess(actor, "roles");
      }
      if (changes.includes("email") && holdsPrivilegedRole(before.roles)) {
        requirePrivilegedAccess(actor, "email", before.name);
      }

      if (changes.includes("roles") && before.active && before.roles.includes("admin")) {
        const stillAdmin = wanted.roles?.includes("admin") ?? true;
        if (!stillAdmin && activeAdminIds.every((id) => id === personId)) {
          throw new DomainError("conflict", `${before.name} is the last active admin and must stay admin.`, {
            field: "roles",
          });
        }
      }
      if (changes.includes("email") && wanted.email) {
        await refuseTaken(tx, orgId, personId, "email", wanted.email);
      }
      if (changes.includes("externalEmployeeId") && wanted.externalEmployeeId) {
        await refuseTaken(tx, orgId, personId, "externalEmployeeId", wanted.externalEmployeeId);
      }
      if (changes.includes("managerId") && wanted.managerId) {
        await checkManager(tx, orgId, personId, wanted.managerId);
      }

      const [after] = await tx
        .update(people)
        .set(set)
        .where(and(eq(people.orgId, orgId), eq(people.id, personId)))
        .returning(PERSON_DETAIL_COLUMNS);
      if (!after) throw new Error("person update returned nothing");

      await recordAudit(tx, actor, {
        orgId,
        action: "person.update",
        targetType: "person",
        targetId: personId,
        before: Object.fromEntries(changes.map((field) => [field, before[field]])),
        after: Object.fromEntries(changes.map((field) => [field, after[field]])),
      });

      // Only active people count as reports, so an inactive person's move changes no allowance.
      if (changes.includes("managerId") && after.active) {
        const [org] = await tx
          .select({ perReport: organizations.managerAllowancePerReport })
          .from(organizations)
          .where(eq(organizations.id, orgId));
        if (org && org.perReport > 0) {
          const managers = [before.managerId, after.managerId]
            .filter((id): id is string => id !== null)
            .sort();
          for (const managerId of managers) {
            await syncCurrentAllowance(tx, orgId, managerId, actorPersonId, clock());
          }
        }
      }
      return { person: after, changed: changes };
    });
  } catch (error) {
    // Two edits racing for the same email or external id: the unique index decides.
    if (sqlState(error) === "23505") {
      throw new DomainError("conflict", "Someone else in the organization already has that.", {
        field: uniqueField(error),
      });
    }
    throw error;
  }
}

function sameValue(current: unknown, next: unknown): boolean {
  if (Array.isArray(current) && Array.isArray(next)) {
    return current.length === next.length && current.every((value, index) => value === next[index]);
  }
  return current === next;
}

async function refuseTaken(
  tx: Executor,
  orgId: string,
  personId: string,
  field: "email" | "externalEmployeeId",
  value: string,
): Promise<void> {
  const column = field === "email" ? people.email : people.externalEmployeeId;
  const [taken] = await tx
    .select({ id: people.id })
    .from(people)
    .where(and(eq(people.orgId, orgId), eq(column, value), ne(people.id, personId)));
  if (taken) {
    const what = field === "email" ? "That email" : "That external employee id";
    throw new DomainError("conflict", `${what} belongs to someone else in the organization.`, { field });
  }
}

/** The new manager must be another person of the org who is not in this person's reporting line. */
async function checkManager(tx: Executor, orgId: string, personId: string, managerId: string): Promise<void> {
  if (managerId === personId) {
    throw new DomainError("invalid", "A person can't be their own manager.", { field: "managerId" });
  }
  // Walks up from the proposed manager; reaching this person means the change would close a loop.
  const rows = await tx.execute<{ found: boolean; cycle: boolean }>(sql`
    with recursive chain(id, manager_id, depth) as (
      select p.id, p.manager_id, 1 from people p where p.org_id = ${orgId}::uuid and p.id = ${managerId}::uuid
      union all
      select m.id, m.manager_id, c.depth + 1 from chain c
      join people m on m.org_id = ${orgId}::uuid and m.id = c.manager_id
      where c.depth < 100 and c.id <> ${personId}::uuid
    )
    select exists (select 1 from chain) as found,
           exists (select 1 from chain where id = ${personId}::uuid) as cycle`);
  const row = rows[0];
  if (!row?.found) {
    throw new DomainError("not_found", "That manager isn't in your organization.", { field: "managerId" });
  }
  if (row.cycle) {
    throw new DomainError(
      "invalid",
      "That manager reports to this person; it would make a reporting cycle.",
      {
        field: "managerId",
      },
    );
  }
}

/** Which field a unique violation is about, from its constraint name (looking through Drizzle's wrapper). */
function uniqueField(error: unknown): string {
  let current: unknown = error;
  for (let depth = 0; depth < 3 && current; depth++) {
    const name = (current as { constraint_name?: string }).constraint_name;
    if (name) return name.includes("external") ? "externalEmployeeId" : "email";
    current = (current as { cause?: unknown }).cause;
  }
  return "email";
}
