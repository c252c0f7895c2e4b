import { setMonthlyAllowance } from "../../core/allowances/set-monthly-allowance";
import { importPeople } from "../../core/people/import-people";
import type { Clock } from "../../core/shared/clock";
import { createCompanyValue } from "../../core/values/create-company-value";
import type { Database, Executor } from "../../db/client";
import { insertBotPersonDirectly } from "./bot";
import { COMPANY_VALUES } from "./company-values";
import { STAFF } from "./org-chart";
import { loadStaff, type PersonActor, staffCsv } from "./staff";

/**
 * Fills the new org with its people, the bot, the company values and the allowance overrides, in one
 * transaction (each use case's own becomes a savepoint), so a seed interrupted here leaves none of it.
 * When the import would change nobody the step is therefore done, and it is skipped: the use cases
 * would otherwise record their audit entries a second time.
 */
export async function furnishOrg(db: Database, admin: PersonActor, clock: Clock): Promise<void> {
  const csv = staffCsv();
  const preview = await importPeople(db, admin, { csv, dryRun: true });
  if (preview.totals.create + preview.totals.update === 0) return;
  await db.transaction(async (tx) => {
    const imported = await importPeople(tx, admin, { csv }, clock);
    if (!imported.written) {
      const rowErrors = imported.rows.flatMap((row) =>
        row.errors.map((error) => `line ${row.line}: ${error.message}`),
      );
      const problems = [...imported.fileErrors.map((error) => error.message), ...rowErrors];
      throw new Error(`The demo's people were not imported: ${problems.join("; ")}`);
    }
    await insertBotPersonDirectly(tx, admin.orgId);
    for (const value of COMPANY_VALUES) await createCompanyValue(tx, admin, value);
    await setAllowanceOverrides(tx, admin, clock);
  });
}

/** One call per amount: setMonthlyAllowance sets the same amount for everyone it names. */
async function setAllowanceOverrides(db: Executor, admin: PersonActor, clock: Clock): Promise<void> {
  const staff = await loadStaff(db, admin);
  const namesByAmount = new Map<number, string[]>();
  for (const member of STAFF) {
    if (member.allowance === undefined) continue;
    namesByAmount.set(member.allowance, [...(namesByAmount.get(member.allowance) ?? []), member.name]);
  }
  for (const [monthlyAmount, names] of namesByAmount) {
    await setMonthlyAllowance(db, admin, { personIds: names.map(staff.idOf), monthlyAmount }, clock);
  }
}
