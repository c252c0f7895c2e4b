import { z } from "zod";
import type { Executor } from "../../db/client";
import type { Actor } from "../shared/actor";
import { actorOrgId, authorize } from "../shared/permissions";
import { parseInput } from "../shared/validation";
import { billPeriod } from "./bill-period";
import { type BillRow, findBill } from "./bill-reading";
import { billPayroll, type Payroll } from "./payroll-figures";

const payrollInput = z.object({ period: billPeriod });

export type GetPayrollInput = z.input<typeof payrollInput>;

export interface PayrollView extends Payroll {
  bill: BillRow;
}

/**
 * What payroll needs from a month's bill: per person, the rewards' taxable and non-taxable amounts
 * (gift cards are taxable wages in the US; which kinds count is a billing setting, frozen when the bill
 * closes), how many they received, and where the person sat when they received them.
 */
export async function getPayroll(db: Executor, actor: Actor, input: GetPayrollInput): Promise<PayrollView> {
  authorize(actor, "read_bills");
  const orgId = actorOrgId(actor);
  const { period } = parseInput(payrollInput, input);
  const bill = await findBill(db, orgId, period);
  return { bill, ...(await billPayroll(db, bill)) };
}
