import type { PersonDetails } from "../person-details";

export const COLUMNS = [
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
export type ImportColumn = (typeof COLUMNS)[number];

/** The field each column sets, so a complaint about a column can name the matching field of a form or API. */
export const FIELD_OF_COLUMN = {
  name: "name",
  email: "email",
  roles: "roles",
  manager_email: "managerEmail",
  department: "department",
  cost_center: "costCenter",
  external_employee_id: "externalEmployeeId",
  birthday: "birthday",
  hire_date: "hireDate",
  active: "active",
} as const satisfies Record<ImportColumn, keyof PersonFields | "managerEmail">;

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

/** What an import row sets; the manager is resolved separately, by email. */
export type PersonFields = Omit<PersonDetails, "id" | "managerId">;
