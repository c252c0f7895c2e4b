import { COLUMNS, type ImportColumn } from "../../core/people/import/types";
import { listPeople, MAX_PEOPLE_PAGE } from "../../core/people/list-people";
import type { Actor } from "../../core/shared/actor";
import type { Executor } from "../../db/client";
import { ACME, ADMIN, COST_CENTERS, STAFF, type StaffMember } from "./org-chart";

export type PersonActor = Actor & { kind: "person" };

/** Names become plain ascii, dotted addresses: Tomás Rivera is tomas.rivera@acme.example. */
export function emailFor(name: string): string {
  const ascii = name.normalize("NFD").replace(/[\u0300-\u036f]/g, "");
  return `${ascii.toLowerCase().replace(/[^a-z]+/g, ".")}@${ACME.emailDomain}`;
}

/** The org chart as an HR system exports it, for importPeople: managers named by email. */
export function staffCsv(): string {
  const rows = STAFF.map(
    (member, index): Partial<Record<ImportColumn, string>> => ({
      name: member.name,
      email: emailFor(member.name),
      roles: (member.roles ?? ["employee"]).join(";"),
      manager_email: member.manager ? emailFor(member.manager) : "",
      department: member.department,
      cost_center: COST_CENTERS[member.department],
      external_employee_id: `E${1001 + index}`,
    }),
  );
  // Every cell quoted (RFC 4180), so that a comma in a name would stay in its column. A blank `active`
  // leaves a leaver deactivated when a seed is resumed. No birthday or hire date columns: the few the demo
  // has are set around the seed's day (./celebrate-history.ts), and a resumed import leaves them be.
  const columns = COLUMNS.filter((column) => column !== "birthday" && column !== "hire_date");
  return [columns, ...rows.map((row) => columns.map((column) => row[column] ?? ""))]
    .map((cells) => cells.map((cell) => `"${cell.replaceAll('"', '""')}"`).join(","))
    .join("\r\n");
}

function personActor(orgId: string, personId: string, member: StaffMember): PersonActor {
  return { kind: "person", orgId, personId, roles: member.roles ?? ["employee"] };
}

/** The first admin, made by createOrganization; the seed acts as them for everything an admin does. */
export function adminActor(orgId: string, adminId: string): PersonActor {
  const admin = STAFF.find((member) => member.name === ADMIN);
  if (!admin) throw new Error(`${ADMIN} is missing from the org chart`);
  return personActor(orgId, adminId, admin);
}

/** The org chart's members as people of the org: their ids, and the actor each gives as. */
export interface Staff {
  idOf(name: string): string;
  /** By index into STAFF, as the history plan names people. */
  idAt(index: number): string;
  actorAt(index: number): PersonActor;
}

export async function loadStaff(db: Executor, admin: PersonActor): Promise<Staff> {
  const idByEmail = new Map<string, string>();
  let cursor: string | undefined;
  do {
    const page = await listPeople(db, admin, { limit: MAX_PEOPLE_PAGE, cursor });
    for (const person of page.items) idByEmail.set(person.email, person.id);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  const idOf = (name: string) => {
    const id = idByEmail.get(emailFor(name));
    if (!id) throw new Error(`demo person ${name} is missing`);
    return id;
  };
  const memberAt = (index: number) => {
    const member = STAFF[index];
    if (!member) throw new Error(`no demo person at ${index}`);
    return member;
  };
  return {
    idOf,
    idAt: (index) => idOf(memberAt(index).name),
    actorAt: (index) => personActor(admin.orgId, idOf(memberAt(index).name), memberAt(index)),
  };
}
