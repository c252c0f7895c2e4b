import { csvRows, decimalAmount, neutralised } from "./bill-csv";
import type { BillRow } from "./bill-reading";
import type { BillTotals } from "./bill-totals";
import type { Payroll } from "./payroll-figures";

/**
 * The files made from a bill's totals rather than its lines, with the CSV rules of the bill's own:
 * RFC 4180 with CRLF, a header row, the currency's decimals, free text neutralised against formulas.
 * Each row names its bill and month, so files of several months can be stacked into one sheet.
 */

export const PAYROLL_COLUMNS = [
  "bill_number",
  "period",
  "external_employee_id",
  "person_id",
  "person_name",
  "person_email",
  "department",
  "cost_center",
  "taxable_amount",
  "non_taxable_amount",
  "redemptions",
  "uncosted_custom_rewards",
  "taxable_kinds",
  "currency",
] as const;

export const DEPARTMENT_COLUMNS = [
  "bill_number",
  "period",
  "dimension",
  "name",
  "lines",
  "points",
  "billed_amount",
  "currency",
] as const;

const ROWS_PER_CHUNK = 1000;

/** Per person: taxable and non-taxable amounts, their rewards, and the kinds counted as taxable. */
export function* payrollCsvChunks(bill: BillRow, payroll: Payroll): Generator<string> {
  yield csvRows([PAYROLL_COLUMNS]);
  const money = (minor: number) => decimalAmount(minor, bill.currency);
  for (let start = 0; start < payroll.rows.length; start += ROWS_PER_CHUNK) {
    yield csvRows(
      payroll.rows
        .slice(start, start + ROWS_PER_CHUNK)
        .map((row) => [
          bill.number ?? "",
          bill.period,
          neutralised(row.externalEmployeeId),
          row.personId,
          neutralised(row.name),
          neutralised(row.email),
          neutralised(row.department),
          neutralised(row.costCenter),
          money(row.taxableMinor),
          money(row.nonTaxableMinor),
          String(row.redemptions),
          String(row.uncostedRewards),
          payroll.taxableKinds.join(" "),
          bill.currency,
        ]),
    );
  }
}

/**
 * What the bill charges each department and each cost center, for charging budgets back: one block of
 * rows per dimension. A blank name is lines recorded without one.
 */
export function* departmentCsvChunks(bill: BillRow, totals: BillTotals): Generator<string> {
  yield csvRows([DEPARTMENT_COLUMNS]);
  const dimensions = [
    ["department", totals.byDepartment],
    ["cost_center", totals.byCostCenter],
  ] as const;
  for (const [dimension, groups] of dimensions) {
    yield csvRows(
      groups.map((group) => [
        bill.number ?? "",
        bill.period,
        dimension,
        neutralised(group.key),
        String(group.lines),
        String(group.points),
        decimalAmount(group.billedMinor, bill.currency),
        bill.currency,
      ]),
    );
  }
}
