import type { Liability } from "@/core/billing/get-liability";
import type { BillSummary } from "@/core/billing/list-bills";
import { moneyOf, pointValueJson } from "./representations";

/**
 * The integration API's JSON for finance (described in app/api/v1/openapi.ts). A bill's own file (its
 * JSON and CSV) is served as it is downloaded, with the currency's decimals; these answers use the
 * API's usual money objects in minor units.
 */

export function billSummaryJson(bill: BillSummary) {
  return {
    period: bill.period,
    status: bill.status,
    number: bill.number,
    currency: bill.currency,
    period_end: bill.periodEnd,
    closed_at: bill.closedAt,
    lines: bill.lines,
    points: bill.points,
    billed: { minor: bill.billedMinor, currency: bill.currency },
  };
}

export function liabilityJson(liability: Liability) {
  const { pointValue } = liability;
  return {
    as_of: liability.asOf,
    point_value: pointValueJson(pointValue),
    earned: liability.earned,
    earned_value: moneyOf(liability.earned, pointValue),
    held: liability.held,
    held_value: moneyOf(liability.held, pointValue),
    outstanding: liability.outstanding,
    outstanding_value: moneyOf(liability.outstanding, pointValue),
    by_department: liability.byDepartment.map((department) => ({
      department: department.department,
      people: department.people,
      earned: department.earned,
      earned_value: moneyOf(department.earned, pointValue),
      held: department.held,
      held_value: moneyOf(department.held, pointValue),
    })),
  };
}
