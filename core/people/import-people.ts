import { eq, type SQL, sql } from "drizzle-orm";
import { z } from "zod";
import type { Executor } from "../../db/client";
import { organizations, people } from "../../db/schema";
import { recordAudit } from "../org/audit";
import { type Actor, ROLES } from "../shared/actor";
import { type Clock, systemClock } from "../shared/clock";
import { DomainError, sqlState } from "../shared/errors";
import { authorize } from "../shared/permissions";
import { fileText, parseInput, uuid } from "../shared/validation";
import { readFile } from "./import/csv-rows";
import { type ExistingPerson, type PlannedRow, planImport, summarise } from "./import/plan";
import type { ImportPeopleResult, PersonFields } from "./import/types";
import { PERSON_DETAIL_COLUMNS } from "./person-details";

const importPeopleInput = z.object({
  orgId: uuid("Choose an organization.").optional(),
  csv: fileText().max(20_000_000, "The file is too large; split it into files under 20 MB."),
  dryRun: z.boolean().default(false),
});

export type ImportPeopleInput = z.input<typeof importPeopleInput>;

/**
 * Creates and updates an org's people from a CSV file (an HR export), all or nothing. People are matched
 * by external_employee_id when the row has one, else by email. Every row is checked against the file and
 * the org's current people before anything is written; see ImportPeopleResult for how problems come back.
 */
export async function importPeople(
  db: Executor,
  actor: Actor,
  input: ImportPeopleInput,
  clock: Clock = systemClock,
): Promise<ImportPeopleResult> {
  authorize(actor, "manage_people");
  const request = parseInput(importPeopleInput, input);
  const orgId = targetOrgId(actor, request.orgId);
  const file = readFile(request.csv);
  try {
    return await db.transaction(async (tx) => {
      // Serialises imports of one org so that two never plan against the same snapshot; gives only take
      // key-share locks on the org row, which this does not block.
      const [org] = await tx
        .select({ id: organizations.id })
        .from(organizations)
        .where(eq(organizations.id, orgId))
        .for("no key update");
      if (!org) throw new DomainError("not_found", "That organization doesn't exist.", { field: "orgId" });
      const fileErrors = [...file.fileErrors];
      const rows = planImport(file.drafts, await loadPeople(tx, orgId), fileErrors);
      const result = summarise(rows, fileErrors);
      if (request.dryRun || fileErrors.length > 0 || result.totals.withErrors > 0) return result;
      const written = await writePeople(tx, orgId, rows, clock());
      await recordAudit(tx, actor, {
        orgId,
        action: "people.import",
        targetType: "organization",
        targetId: orgId,
        after: { ...result.totals, createdIds: written.created, updatedIds: written.updated },
      });
      return { ...result, written: true };
    });
  } catch (error) {
    if (sqlState(error) === "23505") {
      throw new DomainError(
        "conflict",
        "People in this organization changed during the import; run it again.",
      );
    }
    throw error;
  }
}

function targetOrgId(actor: Actor, orgId: string | undefined): string {
  if (actor.kind === "operator") {
    if (!orgId) throw new DomainError("invalid", "Name the organization to import into.", { field: "orgId" });
    return orgId;
  }
  if (orgId && orgId !== actor.orgId)
    throw new DomainError("forbidden", "You can only import into your own organization.");
  return actor.orgId;
}

async function loadPeople(tx: Executor, orgId: string): Promise<ExistingPerson[]> {
  const rows = await tx.select(PERSON_DETAIL_COLUMNS).from(people).where(eq(people.orgId, orgId));
  return rows.map(({ id, managerId, roles, ...fields }) => ({
    id,
    managerId,
    fields: { ...fields, roles: ROLES.filter((role) => roles.includes(role)) },
  }));
}

/** The rows as one JSON parameter, so that any number of people is written in one statement each. */
function personRecords(records: (PersonFields & { id?: string; managerId?: string | null })[]): SQL {
  const json = records.map((record) => ({
    id: record.id ?? null,
    manager_id: record.managerId ?? null,
    name: record.name,
    email: record.email,
    roles: record.roles,
    department: record.department,
    cost_center: record.costCenter,
    external_employee_id: record.externalEmployeeId,
    birthday: record.birthday,
    hire_date: record.hireDate,
    active: record.active,
  }));
  return sql`jsonb_to_recordset(${JSON.stringify(json)}::jsonb) as r(id uuid, manager_id uuid, name text,
    email text, roles person_role[], department text, cost_center text, external_employee_id text, birthday date,
    hire_date date, active boolean)`;
}

/** Inserts new people first, then sets every changed field and manager, since a manager may be new too. */
async function writePeople(
  tx: Executor,
  orgId: string,
  rows: PlannedRow[],
  now: Date,
): Promise<{ created: string[]; updated: string[] }> {
  const creates = rows.filter((row) => row.action === "create");
  const idByKey = new Map<string, string>();
  if (creates.length > 0) {
    const inserted = await tx.execute<{ id: string; email: string }>(sql`
      insert into people (org_id, name, email, roles, department, cost_center, external_employee_id, birthday,
        hire_date, active, deactivated_at)
      select ${orgId}::uuid, r.name, r.email, r.roles, r.department, r.cost_center, r.external_employee_id,
        r.birthday, r.hire_date, r.active, case when r.active then null else ${now.toISOString()}::timestamptz end
      from ${personRecords(creates.map((row) => row.final))}
      returning id, email`);
    const idByEmail = new Map(inserted.map((person) => [person.email, person.id]));
    for (const row of creates) {
      const id = idByEmail.get(row.final.email);
      if (!id) throw new Error(`insert returned no id for ${row.final.email}`);
      idByKey.set(row.key, id);
    }
  }
  const idOf = (key: string) => idByKey.get(key) ?? key;
  const changes = rows.filter(
    (row) => row.action === "update" || (row.action === "create" && row.managerKey),
  );
  if (changes.length > 0) {
    await tx.execute(sql`
      update people p set name = r.name, email = r.email, roles = r.roles, manager_id = r.manager_id,
        department = r.department, cost_center = r.cost_center, external_employee_id = r.external_employee_id,
        birthday = r.birthday, hire_date = r.hire_date, active = r.active,
        deactivated_at = case when r.active then null when p.active then ${now.toISOString()}::timestamptz
          else p.deactivated_at end
      from ${personRecords(
        changes.map((row) => ({
          ...row.final,
          id: idOf(row.key),
          managerId: row.managerKey === null ? null : idOf(row.managerKey),
        })),
      )}
      where p.org_id = ${orgId}::uuid and p.id = r.id`);
  }
  return {
    created: creates.map((row) => idOf(row.key)),
    updated: rows.filter((row) => row.action === "update").map((row) => row.key),
  };
}
