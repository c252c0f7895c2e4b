import { and, eq, or } from "drizzle-orm";
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
import { readPerson } from "./import/csv-rows";
import { FIELD_OF_COLUMN, type ImportColumn, type PersonFields } from "./import/types";
import { PERSON_DETAIL_COLUMNS, type PersonDetails } from "./person-details";
import { holdsPrivilegedRole, requirePrivilegedAccess } from "./privileged-roles";

// Only the shape is checked here: what makes a person's details valid is the import's rule (readPerson),
// so a person added by hand passes exactly the checks an imported row does.
const createInput = z.object({
  name: text("Enter the person's name."),
  email: text("Enter an email address."),
  roles: z
    .array(z.enum(ROLES as [Role, ...Role[]], "Unknown role."))
    .max(ROLES.length * 2)
    .default([]),
  managerId: uuid("Choose a manager.").nullable().default(null),
  department: text().nullable().optional(),
  costCenter: text().nullable().optional(),
  externalEmployeeId: text().nullable().optional(),
  birthday: text().nullable().optional(),
  hireDate: text().nullable().optional(),
});

export type CreatePersonInput = z.input<typeof createInput>;
type CreateRequest = z.output<typeof createInput>;

export interface CreatePersonResult {
  person: PersonDetails;
}

/**
 * An admin (or the system) adds one active person to their org. The details pass the same checks as a
 * row of the CSV import; email and external employee id stay unique in the org; the manager must be
 * someone of the org. A new report re-syncs their manager's allowance for the current month when the
 * org pays per report.
 */
export async function createPerson(
  db: Executor,
  actor: Actor,
  input: CreatePersonInput,
  clock: Clock = systemClock,
): Promise<CreatePersonResult> {
  authorize(actor, "manage_people");
  const orgId = actorOrgId(actor);
  const request = parseInput(createInput, input);
  const fields = checkedFields(request);
  if (holdsPrivilegedRole(fields.roles ?? [])) requirePrivilegedAccess(actor, "roles");
  const actorPersonId = actor.kind === "person" ? actor.personId : null;

  try {
    return await db.transaction(async (tx) => {
      if (request.managerId) await requireManager(tx, orgId, request.managerId);
      await refuseTaken(tx, orgId, fields);
      const [person] = await tx
        .insert(people)
        .values({
          orgId,
          name: fields.name,
          email: fields.email,
          roles: fields.roles ?? ["employee"],
          managerId: request.managerId,
          department: fields.department ?? null,
          costCenter: fields.costCenter ?? null,
          externalEmployeeId: fields.externalEmployeeId ?? null,
          birthday: fields.birthday ?? null,
          hireDate: fields.hireDate ?? null,
        })
        .returning(PERSON_DETAIL_COLUMNS);
      if (!person) throw new Error("person insert returned nothing");

      await recordAudit(tx, actor, {
        orgId,
        action: "person.create",
        targetType: "person",
        targetId: person.id,
        after: person,
      });
      if (person.managerId !== null) {
        const [org] = await tx
          .select({ perReport: organizations.managerAllowancePerReport })
          .from(organizations)
          .where(eq(organizations.id, orgId));
        if (org && org.perReport > 0) {
          await syncCurrentAllowance(tx, orgId, person.managerId, actorPersonId, clock());
        }
      }
      return { person };
    });
  } catch (error) {
    // Someone took the email or external id between the check and the insert: the unique index decides.
    if (sqlState(error) === "23505") {
      throw new DomainError(
        "conflict",
        "Someone in the organization was just given that email or external employee id; check and try again.",
        { field: "email" },
      );
    }
    throw error;
  }
}

/** Runs the import's per-row checks on the request; every problem comes back at once, beside its field. */
function checkedFields(request: CreateRequest) {
  const cells = new Map<ImportColumn, string>([
    ["name", request.name],
    ["email", request.email],
    ["roles", request.roles.join(";")],
  ]);
  const optional: [ImportColumn, string | null | undefined][] = [
    ["department", request.department],
    ["cost_center", request.costCenter],
    ["external_employee_id", request.externalEmployeeId],
    ["birthday", request.birthday],
    ["hire_date", request.hireDate],
  ];
  for (const [column, value] of optional) {
    if (value) cells.set(column, value);
  }
  const { errors, fields } = readPerson(cells);
  const [first] = errors;
  if (first) {
    const fieldOf = (column: ImportColumn | null) => (column ? FIELD_OF_COLUMN[column] : "_");
    const fieldErrors: Record<string, string> = {};
    for (const error of errors) fieldErrors[fieldOf(error.column)] ??= error.message;
    throw new DomainError("invalid", first.message, { field: fieldOf(first.column), fieldErrors });
  }
  return fields;
}

async function requireManager(tx: Executor, orgId: string, managerId: string): Promise<void> {
  const [manager] = await tx
    .select({ id: people.id })
    .from(people)
    .where(and(eq(people.orgId, orgId), eq(people.id, managerId)));
  if (!manager) {
    throw new DomainError("not_found", "That manager isn't in your organization.", { field: "managerId" });
  }
}

async function refuseTaken(
  tx: Executor,
  orgId: string,
  fields: Pick<PersonFields, "email"> & Partial<Pick<PersonFields, "externalEmployeeId">>,
): Promise<void> {
  const { email, externalEmployeeId } = fields;
  const taken = await tx
    .select({ email: people.email, externalEmployeeId: people.externalEmployeeId })
    .from(people)
    .where(
      and(
        eq(people.orgId, orgId),
        or(
          eq(people.email, email),
          externalEmployeeId ? eq(people.externalEmployeeId, externalEmployeeId) : undefined,
        ),
      ),
    );
  if (taken.some((person) => person.email === email)) {
    throw new DomainError("conflict", "Someone in the organization already has that email.", {
      field: "email",
    });
  }
  if (taken.length > 0) {
    throw new DomainError("conflict", "Someone in the organization already has that external employee id.", {
      field: "externalEmployeeId",
    });
  }
}
