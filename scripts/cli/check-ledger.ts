import { parseArgs } from "node:util";
import { sql } from "drizzle-orm";
import { checkLedger, type LedgerViolation } from "../../core/ledger/check-ledger";
import type { Database } from "../../db/client";
import type { Command } from "./command";
import { orgIdBySlug } from "./org";

const LISTED = 20;

async function ledgerSize(db: Database, orgId: string | undefined): Promise<string> {
  const scope = orgId ? sql`org_id = ${orgId}::uuid` : sql`true`;
  const [counts] = await db.execute<Record<"orgs" | "accounts" | "transactions" | "entries", string>>(sql`
    select (select count(*) from organizations where ${orgId ? sql`id = ${orgId}::uuid` : sql`true`}) as orgs,
      (select count(*) from ledger_accounts where ${scope}) as accounts,
      (select count(*) from ledger_transactions where ${scope}) as transactions,
      (select count(*) from ledger_entries where ${scope}) as entries`);
  const count = (value: string | undefined, one: string, many: string) =>
    `${Number(value ?? 0).toLocaleString("en-US")} ${value === "1" ? one : many}`;
  return [
    count(counts?.orgs, "organization", "organizations"),
    count(counts?.accounts, "account", "accounts"),
    count(counts?.transactions, "transaction", "transactions"),
    count(counts?.entries, "entry", "entries"),
  ].join(", ");
}

function describeViolation(violation: LedgerViolation): string {
  return `${violation.check} in org ${violation.orgId}: ${violation.detail}`;
}

export const checkLedgerCommand: Command = {
  name: "check-ledger",
  usage: "[--org <slug>]",
  summary:
    "Prove the ledger consistent: balanced transactions, cached balances equal to entries, no overdrafts.",
  async run(args, cli) {
    const { values } = parseArgs({ args, options: { org: { type: "string" } } });
    const db = cli.db();
    const orgId = values.org === undefined ? undefined : await orgIdBySlug(db, values.org);
    const violations = await checkLedger(db, { kind: "operator" }, { orgId });
    const [first] = violations;
    if (!first) {
      console.log(`ledger ok: ${await ledgerSize(db, orgId)} checked.`);
      return 0;
    }
    console.error(`ledger check failed: ${describeViolation(first)}`);
    console.error(`${violations.length} violations:`);
    for (const violation of violations.slice(0, LISTED)) console.error(`  ${describeViolation(violation)}`);
    if (violations.length > LISTED) console.error(`  ...and ${violations.length - LISTED} more.`);
    return 1;
  },
};
