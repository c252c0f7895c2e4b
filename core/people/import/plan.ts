import type { Draft } from "./csv-rows";
import type {
  ImportColumn,
  ImportFileError,
  ImportPeopleResult,
  ImportRowResult,
  PersonFields,
} from "./types";

export interface ExistingPerson {
  id: string;
  managerId: string | null;
  fields: PersonFields;
}

export interface PlannedRow {
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

/** Matches rows to people, resolves managers and checks everything that needs the whole org in view. */
export function planImport(
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

export function summarise(rows: PlannedRow[], fileErrors: ImportFileError[]): ImportPeopleResult {
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
