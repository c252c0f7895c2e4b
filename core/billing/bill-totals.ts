import { sql } from "drizzle-orm";
import type { Executor } from "../../db/client";

export interface LineTypeTotals {
  lines: number;
  points: number;
  billedMinor: number;
  faceValueMinor: number;
  feeMinor: number;
  internalCostMinor: number;
}

export interface GroupTotals {
  /** The department, cost center or reward kind; null for lines recorded without one. */
  key: string | null;
  lines: number;
  points: number;
  billedMinor: number;
}

export interface BillTotals {
  lines: number;
  charge: LineTypeTotals;
  credit: LineTypeTotals;
  fee: LineTypeTotals;
  /** What the org pays for the month: charges, less credits, plus fees. */
  billedMinor: number;
  points: number;
  byDepartment: GroupTotals[];
  byCostCenter: GroupTotals[];
  byKind: GroupTotals[];
  /** The reward kinds payroll counted as taxable for this bill. */
  taxableKinds: string[];
}

const EMPTY: LineTypeTotals = {
  lines: 0,
  points: 0,
  billedMinor: 0,
  faceValueMinor: 0,
  feeMinor: 0,
  internalCostMinor: 0,
};

async function grouped(db: Executor, billId: string, column: "department" | "cost_center" | "reward_kind") {
  const rows = await db.execute<{ key: string | null; lines: string; points: string; billed: string }>(sql`
    select ${sql.raw(column)}::text as key, count(*) as lines, sum(points) as points, sum(billed_minor) as billed
    from bill_lines where bill_id = ${billId}::uuid
    group by 1 order by sum(billed_minor) desc, 1 nulls last`);
  return rows.map((row) => ({
    key: row.key,
    lines: Number(row.lines),
    points: Number(row.points),
    billedMinor: Number(row.billed),
  }));
}

/** A bill's totals as its lines now stand: by line type, department, cost center and reward kind. */
export async function computeBillTotals(
  db: Executor,
  billId: string,
  taxableKinds: readonly string[],
): Promise<BillTotals> {
  const rows = await db.execute<{
    line_type: "charge" | "credit" | "fee";
    lines: string;
    points: string;
    billed: string;
    face: string;
    fee: string;
    internal: string;
  }>(sql`
    select line_type, count(*) as lines, sum(points) as points, sum(billed_minor) as billed,
      sum(face_value_minor) as face, sum(fee_minor) as fee, coalesce(sum(internal_cost_minor), 0) as internal
    from bill_lines where bill_id = ${billId}::uuid group by line_type`);
  const byType = { charge: { ...EMPTY }, credit: { ...EMPTY }, fee: { ...EMPTY } };
  for (const row of rows) {
    byType[row.line_type] = {
      lines: Number(row.lines),
      points: Number(row.points),
      billedMinor: Number(row.billed),
      faceValueMinor: Number(row.face),
      feeMinor: Number(row.fee),
      internalCostMinor: Number(row.internal),
    };
  }
  const [byDepartment, byCostCenter, byKind] = await Promise.all([
    grouped(db, billId, "department"),
    grouped(db, billId, "cost_center"),
    grouped(db, billId, "reward_kind"),
  ]);
  const types = Object.values(byType);
  return {
    lines: types.reduce((sum, type) => sum + type.lines, 0),
    ...byType,
    billedMinor: types.reduce((sum, type) => sum + type.billedMinor, 0),
    points: types.reduce((sum, type) => sum + type.points, 0),
    byDepartment,
    byCostCenter,
    byKind,
    taxableKinds: [...taxableKinds],
  };
}
