import { z } from "zod";
import { ROLES, type Role } from "../../shared/actor";
import { type CsvRow, parseCsv } from "../../shared/csv";
import { isDomainError } from "../../shared/errors";
import { CONTROL_CHARACTER_MESSAGE, hasControlCharacter } from "../../shared/validation";
import { personDateProblem } from "../person-dates";
import {
  COLUMNS,
  type ImportColumn,
  type ImportError,
  type ImportFileError,
  type PersonFields,
} from "./types";

const REQUIRED_COLUMNS = ["name", "email"] as const;

/** Above the largest org the product targets (10k people), so one file always covers a whole org. */
const MAX_ROWS = 20_000;
const MAX_TEXT = 200;

const emailFormat = z.email();

export interface Draft {
  line: number;
  errors: ImportError[];
  /** Only what the file says: a column it lacks, or a blank `active`, leaves an existing person's value alone. */
  fields: Partial<PersonFields> & Pick<PersonFields, "name" | "email">;
  /** Undefined when the file has no manager_email column; null when the cell is blank. */
  managerEmail: string | null | undefined;
}

/** Checks only what a row shows on its own, so it runs before the transaction; planImport checks the rest. */
export function readFile(csv: string): { fileErrors: ImportFileError[]; drafts: Draft[] } {
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
  const cells = new Map<ImportColumn, string>();
  header.forEach((column, index) => {
    if (column) cells.set(column, row.fields[index] ?? "");
  });
  const person = readPerson(cells);
  if (row.fields.length !== header.length) {
    person.errors.unshift({
      column: null,
      message: `Expected ${header.length} fields like the header, found ${row.fields.length}.`,
    });
  }
  return { line: row.line, ...person };
}

/**
 * The checks one person's cells get on their own, whether a file row or a form supplies them. Cells are
 * trimmed first; a column missing from the map leaves that field out of the result.
 */
export function readPerson(raw: ReadonlyMap<ImportColumn, string>): Omit<Draft, "line"> {
  const errors: ImportError[] = [];
  const fail = (column: ImportColumn | null, message: string) => errors.push({ column, message });
  const cells = new Map([...raw].map(([column, value]) => [column, value.trim()]));
  for (const [column, value] of cells) {
    if (hasControlCharacter(value)) fail(column, CONTROL_CHARACTER_MESSAGE);
  }
  const text = (column: ImportColumn): string | undefined => {
    const value = cells.get(column);
    if (value !== undefined && value.length > MAX_TEXT)
      fail(column, `Keep this under ${MAX_TEXT} characters.`);
    return value;
  };
  const date = (column: ImportColumn): string | null | undefined => {
    const value = cells.get(column);
    const problem = value ? personDateProblem(value) : null;
    if (problem) fail(column, problem);
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
  return { errors, fields, managerEmail: nullIfBlank(managerEmail) };
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
