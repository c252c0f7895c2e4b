import { sql } from "drizzle-orm";
import { systemAccountId } from "../../core/ledger/accounts";
import type { Executor } from "../../db/client";
import { defined } from "./assertions";

type SystemAccountKind = Parameters<typeof systemAccountId>[2];

/** Net amount posted to one of the org's system accounts: what is held, redeemed, forfeited. */
export async function systemTotal(db: Executor, orgId: string, kind: SystemAccountKind): Promise<number> {
  const account = await systemAccountId(db, orgId, kind);
  const [row] = await db.execute<{ total: string }>(
    sql`select coalesce(sum(amount), 0) as total from ledger_entries where account_id = ${account}`,
  );
  return Number(defined(row).total);
}
