import { sql } from "drizzle-orm";
import type { Executor } from "../../db/client";

export interface BillTieOut {
  /** Points the charge lines bill, and what the ledger's settles of those redemptions moved. */
  chargedPoints: number;
  settledPoints: number;
  /** Points the credit lines give back (as a positive figure), and what the reversals moved. */
  creditedPoints: number;
  reversedPoints: number;
  balanced: boolean;
}

/** Whether a bill agrees with the ledger: its charges with the settles, its credits with the reversals. */
export async function billTieOut(db: Executor, billId: string): Promise<BillTieOut> {
  const [row] = await db.execute<{
    charged: string;
    settled: string;
    credited: string;
    reversed: string;
  }>(sql`
    select
      coalesce(sum(l.points) filter (where l.line_type = 'charge'), 0) as charged,
      coalesce(sum(m.moved) filter (where l.line_type = 'charge'), 0) as settled,
      coalesce(-sum(l.points) filter (where l.line_type = 'credit'), 0) as credited,
      coalesce(sum(m.moved) filter (where l.line_type = 'credit'), 0) as reversed
    from bill_lines l
    cross join lateral (
      select coalesce(sum(e.amount), 0) as moved from ledger_entries e
      where e.transaction_id = l.ledger_transaction_id and e.amount > 0
    ) m
    where l.bill_id = ${billId}::uuid and l.line_type in ('charge', 'credit')`);
  const figures = {
    chargedPoints: Number(row?.charged ?? 0),
    settledPoints: Number(row?.settled ?? 0),
    creditedPoints: Number(row?.credited ?? 0),
    reversedPoints: Number(row?.reversed ?? 0),
  };
  return {
    ...figures,
    balanced:
      figures.chargedPoints === figures.settledPoints && figures.creditedPoints === figures.reversedPoints,
  };
}
