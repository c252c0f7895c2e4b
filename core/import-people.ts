import { eq, type SQL, sql } from "drizzle-orm";
import { z } from "zod";
import type { Database, Transaction } from "../db/client";
import { organizations, people } from "../db/schema";
import { type Actor, ROLES, type Role } from "./actor";
import { recordAudit } from "./audit";
import { type Clock, systemClock } from "./clock";
import { type CsvRow, parseCsv } from "./csv";
import { DomainError, isDomainError, sqlState } from "./errors";
import { authorize } from "./permissions";
import { parseInput } from "./validation";

const COLUMNS = [
  "name",
  "email",
  "roles",
  "manager_email",
  "department",
  "cost_center",
  "external_employee_id",
  "birthday",
  "hire_date",
  "active",
] as const;
const REQUIRED_COLUMNS = ["name", "email"] as const;
export type ImportColumn = (typeof COLUMNS)[number];

/** Above the largest org the product targets (10k people), so one file always covers a whole org. */
const MAX_ROWS = 20_000;
const MAX_TEXT = 200;

const importPeopleInput = z.object({
  orgId: z.uuid("Choose an organization.").optional(),
  csv: z.string().max(20_000_000, "The file is too large; split it into files under 20 MB."),
  dryRun: z.boolean().default(false),
});

export type ImportPeopleInput = z.input<typeof importPeopleInput>;

export interface ImportError {
  /** The column to highlight; null when the whole row is at fault. */
  column: ImportColumn | null;
  message: string;
}

export interface ImportRowResult {
  line: number;
  action: "create" | "update" | "unchanged";
  email: string;
  errors: ImportError[];
}

export interface ImportFileError {
  /** Null when the problem is not on one line (an empty file, an import that would leave no admin). */
  line: number | null;
  message: string;
}

/**
 * Problems in the file are returned, not thrown: a preview screen shows every row with its action next to
 * its errors, and the operator CLI prints them all at once. Only problems with the request itself
 * (permission, unknown org, malformed input, a concurrent change) throw a DomainError.
 */
export interface ImportPeopleResult {
  /** False for a dry run and for any file with errors: then nothing was written. */
  written: boolean;
  fileErrors: ImportFileError[];
  rows: ImportRowResult[];
  totals: { rows: number; create: number; update: number; unchanged: number; withErrors: number };
}

interface PersonFields {
  name: string;
  email: string;
  roles: Role[];
  department: string | null;
  costCenter: string | null;
  externalEmployeeId: string | null;
  birthday: string | null;
  hireDate: string | null;
  active: boolean;
}

interface ExistingPerson {
  id: string;
  managerId: string | null;
  fields: PersonFields;
}

interface Draft {
  line: number;
  errors: ImportError[];
  /** Only what the file says: a column it lacks, or a blank `active`, leaves an existing person's value alone. */
  fields: Partial<PersonFields> & Pick<PersonFields, "name" | "email">;
  /** Undefined when the file has no manager_email column; null when the cell is blank. */
  managerEmail: string | null | undefined;
}

interface PlannedRow {
  draft: Draft;
  /** The existing person's id, or a placeholder until a new person is inserted. */
  key: string;
  match: ExistingPerson | undefined;
  final: PersonFields;
  managerKey: string | null;
  action: ImportRowResult["action"];
}

const NEW_PERSON: Omit<PersonFields, "name" | "email"> = {
  roles: ["employee"],
  department: null,
  costCenter: null,
  externalEmployeeId: null,
  birthday: null,
  hireDate: null,
  active: true,
};

const emailFormat = z.email();

/**
 * Creates and updates an org's people from a CSV file (an HR export), all or nothing. People are matched
 * by external_employee_id when the row has one, else by email. Every row is checked against the file and
 * the org's current people before anything is written; see ImportPeopleResult for how problems come back.
 */
export async function importPeople(
  db: Database,
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

function readFile(csv: string): { fileErrors: ImportFileError[]; drafts: Draft[] } {
  let records: CsvRow[];
  try {
    records = parseCsv(csv);
  } catch (error) {
    if (!isDomainError(error, "invalid")) throw error;
    const line = typeof error.details.line === "number" ? error.details.line : null;
    return { fileErrors: [{ line, message: error.message }], drafts: [] };
  }
  const [headerRow, ...body] = records;
  if (!headerRow) {
    return {
      fileErrors: [{ line: null, message: "The file is empty; it needs a header row naming the columns." }],
      drafts: [],
    };
  }
  const fileErrors: ImportFileError[] = [];
  const header = readHeader(headerRow, fileErrors);
  const missing = REQUIRED_COLUMNS.filter((column) => !header.includes(column));
  for (const column of missing) {
    fileErrors.push({ line: headerRow.line, message: `The file needs a "${column}" column.` });
  }
  // Spreadsheets save rows of empty cells below the data; they are not people.
  const rows = body.filter((row) => row.fields.some((field) => field.trim() !== ""));
  if (rows.length === 0) fileErrors.push({ line: null, message: "The file has no people in it." });
  if (rows.length > MAX_ROWS) {
    fileErrors.push({
      line: null,
      message: `The file has ${rows.length} people; import at most ${MAX_ROWS} at a time.`,
    });
  }
  if (missing.length > 0 || rows.length > MAX_ROWS) return { fileErrors, drafts: [] };
  return { fileErrors, drafts: rows.map((row) => readRow(row, header)) };
}

/** Column names ignore case and punctuation, so "Manager Email" and "E-Mail" name the columns an export means. */
function readHeader(row: CsvRow, fileErrors: ImportFileError[]): (ImportColumn | null)[] {
  const seen = new Set<ImportColumn>();
  return row.fields.map((raw, index) => {
    const name = columnKey(raw);
    const column = COLUMNS.find((known) => columnKey(known) === name);
    if (column && !seen.has(column)) {
      seen.add(column);
      return column;
    }
    let message = `Unknown column "${raw.trim()}"; the columns are ${COLUMNS.join(", ")}.`;
    if (!name) message = `Column ${index + 1} has no name.`;
    else if (column) message = `The column "${column}" appears twice.`;
    fileErrors.push({ line: row.line, message });
    return null;
  });
}

function columnKey(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]/g, "");
}

function readRow(row: CsvRow, header: (ImportColumn | null)[]): Draft {
  const errors: ImportError[] = [];
  const fail = (column: ImportColumn | null, message: string) => errors.push({ column, message });
  if (row.fields.length !== header.length) {
    fail(null, `Expected ${header.length} fields like the header, found ${row.fields.length}.`);
  }
  const cells = new Map<ImportColumn, string>();
  header.forEach((column, index) => {
    if (column) cells.set(column, (row.fields[index] ?? "").trim());
  });
  const text = (column: ImportColumn): string | undefined => {
    const value = cells.get(column);
    if (value !== undefined && value.length > MAX_TEXT)
      fail(column, `Keep this under ${MAX_TEXT} characters.`);
    return value;
  };
  const date = (column: ImportColumn): string | null | undefined => {
    const value = cells.get(column);
    if (value && !isIsoDate(value)) fail(column, `"${value}" is not a date; write it as YYYY-MM-DD.`);
    return value === undefined ? undefined : value || null;
  };

  const name = text("name") ?? "";
  if (!name) fail("name", "Enter the person's name.");
  const email = (text("email") ?? "").toLowerCase();
  if (!email) fail("email", "Enter an email address.");
  else if (!emailFormat.safeParse(email).success) fail("email", `"${email}" is not a valid email address.`);

  const fields: Draft["fields"] = { name, email };
  const set = <Key extends keyof PersonFields>(key: Key, value: PersonFields[Key] | undefined) => {
    if (value !== undefined) fields[key] = value;
  };
  const roles = cells.get("roles");
  set("roles", roles === undefined ? undefined : readRoles(roles, (message) => fail("roles", message)));
  set("department", nullIfBlank(text("department")));
  set("costCenter", nullIfBlank(text("cost_center")));
  // A blank id never clears a stored one: it is the key later imports match on.
  set("externalEmployeeId", text("external_employee_id") || undefined);
  set("birthday", date("birthday"));
  set("hireDate", date("hire_date"));
  const active = cells.get("active")?.toLowerCase();
  if (active && active !== "true" && active !== "false") fail("active", "Write true or false.");
  set("active", active ? active === "true" : undefined);

  const managerEmail = cells.get("manager_email")?.toLowerCase();
  return { line: row.line, errors, fields, managerEmail: nullIfBlank(managerEmail) };
}

function nullIfBlank(value: string | undefined): string | null | undefined {
  return value === undefined ? undefined : value || null;
}

/** Everyone is an employee; the cell adds the other roles. */
function readRoles(cell: string, fail: (message: string) => void): Role[] {
  const names = cell
    .split(/[;,]/)
    .map((name) => name.trim().toLowerCase())
    .filter(Boolean);
  const unknown = names.filter((name) => !ROLES.some((role) => role === name));
  if (unknown.length > 0) {
    fail(`Unknown role ${unknown.map((name) => `"${name}"`).join(", ")}; the roles are ${ROLES.join(", ")}.`);
  }
  return ROLES.filter((role) => role === "employee" || names.includes(role));
}

function isIsoDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const parsed = new Date(`${value}T00:00:00Z`);
  // Date rolls 2025-02-30 over to March; a round trip catches it.
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().startsWith(value);
}

async function loadPeople(tx: Transaction, orgId: string): Promise<ExistingPerson[]> {
  const rows = await tx
    .select({
      id: people.id,
      managerId: people.managerId,
      name: people.name,
      email: people.email,
      roles: people.roles,
      department: people.department,
      costCenter: people.costCenter,
      externalEmployeeId: people.externalEmployeeId,
      birthday: people.birthday,
      hireDate: people.hireDate,
      active: people.active,
    })
    .from(people)
    .where(eq(people.orgId, orgId));
  return rows.map(({ id, managerId, roles, ...fields }) => ({
    id,
    managerId,
    fields: { ...fields, roles: ROLES.filter((role) => roles.includes(role)) },
  }));
}

/** Matches rows to people, resolves managers and checks everything that needs the whole org in view. */
function planImport(
  drafts: Draft[],
  existing: ExistingPerson[],
  fileErrors: ImportFileError[],
): PlannedRow[] {
  const byEmail = new Map(existing.map((person) => [person.fields.email, person]));
  const byExternalId = new Map(
    existing.flatMap((person) =>
      person.fields.externalEmployeeId ? [[person.fields.externalEmployeeId, person] as const] : [],
    ),
  );
  const linesByEmail = new Map<string, number>();
  const linesByExternalId = new Map<string, number>();
  const claimedBy = new Map<string, number>();
  const fail = (draft: Draft, column: ImportColumn | null, message: string) =>
    draft.errors.push({ column, message });
  const isRepeat = (
    seen: Map<string, number>,
    value: string | null | undefined,
    draft: Draft,
    column: ImportColumn,
  ) => {
    const first = value ? seen.get(value) : undefined;
    if (value && first === undefined) seen.set(value, draft.line);
    if (first !== undefined)
      fail(draft, column, `Line ${first} has the same ${column.replaceAll("_", " ")}.`);
    return first !== undefined;
  };

  const rows = drafts.map((draft, index): PlannedRow => {
    const { email, externalEmployeeId } = draft.fields;
    // An array rather than ||, so that both checks run and each repeated column gets its error.
    const repeated = [
      isRepeat(linesByEmail, email, draft, "email"),
      isRepeat(linesByExternalId, externalEmployeeId, draft, "external_employee_id"),
    ].some(Boolean);
    const byId = externalEmployeeId ? byExternalId.get(externalEmployeeId) : undefined;
    const match = byId ?? byEmail.get(email);
    if (match && !byId && externalEmployeeId && match.fields.externalEmployeeId) {
      fail(
        draft,
        "external_employee_id",
        `${email} already has the external employee id "${match.fields.externalEmployeeId}".`,
      );
    }
    if (byId && byId.fields.email !== email && byEmail.has(email)) {
      fail(draft, "email", `${email} belongs to someone else in the organization.`);
    }
    if (match && !repeated) {
      const first = claimedBy.get(match.id);
      if (first === undefined) claimedBy.set(match.id, draft.line);
      else fail(draft, null, `Line ${first} already updates this person.`);
    }
    return {
      draft,
      key: match?.id ?? `new:${index}`,
      match,
      final: { ...(match?.fields ?? NEW_PERSON), ...draft.fields },
      managerKey: match?.managerId ?? null,
      action: match ? "update" : "create",
    };
  });

  // Who an email means once the import is done: file rows, plus the people the file leaves alone.
  const keyByEmail = new Map<string, string>();
  const emailByKey = new Map<string, string>();
  for (const person of existing) {
    emailByKey.set(person.id, person.fields.email);
    if (!claimedBy.has(person.id)) keyByEmail.set(person.fields.email, person.id);
  }
  for (const row of rows) {
    emailByKey.set(row.key, row.final.email);
    if (!keyByEmail.has(row.final.email)) keyByEmail.set(row.final.email, row.key);
  }
  for (const row of rows) {
    const { managerEmail } = row.draft;
    if (managerEmail === undefined) continue;
    const managerKey = managerEmail === null ? null : keyByEmail.get(managerEmail);
    if (managerKey === undefined) {
      fail(
        row.draft,
        "manager_email",
        `No one with the email ${managerEmail} is in this file or the organization.`,
      );
    } else if (managerKey === row.key) {
      fail(row.draft, "manager_email", "A person can't be their own manager.");
    } else {
      row.managerKey = managerKey;
    }
  }

  const managerOf = new Map(existing.map((person) => [person.id, person.managerId]));
  for (const row of rows) managerOf.set(row.key, row.managerKey);
  const cycles = reportingCycles(managerOf);
  for (const row of rows) {
    const cycle = cycles.get(row.key);
    if (!cycle) continue;
    const start = cycle.indexOf(row.key);
    const loop = [...cycle.slice(start), ...cycle.slice(0, start), row.key].map((key) => emailByKey.get(key));
    fail(row.draft, "manager_email", `This makes a reporting cycle: ${loop.join(" → ")}.`);
  }

  const isActiveAdmin = (fields: PersonFields) => fields.active && fields.roles.includes("admin");
  const admins =
    rows.filter((row) => isActiveAdmin(row.final)).length +
    existing.filter((person) => !claimedBy.has(person.id) && isActiveAdmin(person.fields)).length;
  if (admins === 0) {
    fileErrors.push({
      line: null,
      message:
        "After this import nobody would be an active admin; keep the admin role on at least one person.",
    });
  }

  for (const row of rows) {
    if (row.match && sameFields(row.match.fields, row.final) && row.match.managerId === row.managerKey) {
      row.action = "unchanged";
    }
  }
  return rows;
}

/** For every person on a reporting cycle, the cycle's members in order. */
function reportingCycles(managerOf: Map<string, string | null>): Map<string, string[]> {
  const cycles = new Map<string, string[]>();
  const settled = new Set<string>();
  for (const start of managerOf.keys()) {
    const path: string[] = [];
    const positions = new Map<string, number>();
    let node: string | null = start;
    while (node !== null && !settled.has(node) && !positions.has(node)) {
      positions.set(node, path.length);
      path.push(node);
      node = managerOf.get(node) ?? null;
    }
    const cycleStart = node === null ? undefined : positions.get(node);
    if (cycleStart !== undefined) {
      const cycle = path.slice(cycleStart);
      for (const member of cycle) cycles.set(member, cycle);
    }
    for (const visited of path) settled.add(visited);
  }
  return cycles;
}

function sameFields(a: PersonFields, b: PersonFields): boolean {
  return (Object.keys(a) as (keyof PersonFields)[]).every(
    (key) => JSON.stringify(a[key]) === JSON.stringify(b[key]),
  );
}

function summarise(rows: PlannedRow[], fileErrors: ImportFileError[]): ImportPeopleResult {
  const count = (action: ImportRowResult["action"]) => rows.filter((row) => row.action === action).length;
  return {
    written: false,
    fileErrors,
    rows: rows.map(({ draft, action, final }) => ({
      line: draft.line,
      action,
      email: final.email,
      errors: draft.errors,
    })),
    totals: {
      rows: rows.length,
      create: count("create"),
      update: count("update"),
      unchanged: count("unchanged"),
      withErrors: rows.filter((row) => row.draft.errors.length > 0).length,
    },
  };
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
  tx: Transaction,
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
