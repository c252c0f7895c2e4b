import { sql } from "drizzle-orm";
import type { Executor } from "../../db/client";
import type { BillRow } from "./bill-reading";
import type { BillTotals } from "./bill-totals";
import { loadBillingSettings } from "./billing-settings";

type RewardKind = "gift_card" | "charity" | "custom";

/** The person as a line recorded them when the reward was fulfilled. */
type PersonSnapshot = {
  person_id: string;
  external_employee_id: string | null;
  person_name: string;
  person_email: string;
  department: string | null;
  cost_center: string | null;
};

/** One person's rewards on one month's bill, as payroll reports them. */
export interface PayrollRow {
  personId: string;
  /** As the person's latest line on the bill recorded them. */
  externalEmployeeId: string | null;
  name: string;
  email: string;
  department: string | null;
  costCenter: string | null;
  /** What their rewards of a taxable kind were worth, and of the other kinds; credits taken off. */
  taxableMinor: number;
  nonTaxableMinor: number;
  /** Rewards they received, less those canceled (a cancellation after close lowers a later month). */
  redemptions: number;
  /** Custom rewards without an internal cost: counted at nothing, which payroll may want to price. */
  uncostedRewards: number;
}

export interface Payroll {
  taxableKinds: RewardKind[];
  rows: PayrollRow[];
  totals: { people: number; taxableMinor: number; nonTaxableMinor: number; redemptions: number };
}

/**
 * The reward kinds a bill's payroll counts as taxable: those the bill closed with, so a closed bill's
 * payroll never changes whatever finance sets later; a draft's follow the billing settings.
 */
export async function payrollTaxableKinds(db: Executor, bill: BillRow): Promise<RewardKind[]> {
  const frozen = (bill.totals as BillTotals | null)?.taxableKinds;
  if (bill.status === "closed" && frozen) return frozen as RewardKind[];
  return (await loadBillingSettings(db, bill.orgId)).taxableKinds;
}

/**
 * Per person, what the bill's rewards were worth: a gift card or a donation at its face value (what the
 * org paid), a custom reward at its internal cost, when the admin recorded one (the bill charges it
 * nothing, but it is still a benefit the person received). Credits subtract; provider fees are the
 * company's cost, not the person's benefit, and count for nothing. People are in name order.
 */
export async function billPayroll(db: Executor, bill: BillRow): Promise<Payroll> {
  const taxableKinds = await payrollTaxableKinds(db, bill);
  const rows = await db.execute<
    PersonSnapshot & {
      taxable: string;
      non_taxable: string;
      redemptions: string;
      uncosted: string;
    }
  >(sql`
    with lines as (
      select l.*, case when l.reward_kind = 'custom' then coalesce(l.internal_cost_minor, 0)
        else l.billed_minor end as worth,
        l.reward_kind = any(${`{${taxableKinds.join(",")}}`}::redemption_kind[]) as taxable
      from bill_lines l
      where l.bill_id = ${bill.id}::uuid and l.org_id = ${bill.orgId}::uuid and l.line_type in ('charge', 'credit')
    ),
    sums as (
      select person_id,
        coalesce(sum(worth) filter (where taxable), 0) as taxable,
        coalesce(sum(worth) filter (where not taxable), 0) as non_taxable,
        count(*) filter (where line_type = 'charge') - count(*) filter (where line_type = 'credit') as redemptions,
        count(*) filter (where line_type = 'charge' and reward_kind = 'custom' and internal_cost_minor is null)
          - count(*) filter (where line_type = 'credit' and reward_kind = 'custom' and internal_cost_minor is null)
          as uncosted
      from lines group by person_id
    ),
    latest as (
      select distinct on (person_id) person_id, external_employee_id, person_name, person_email, department,
        cost_center
      from lines order by person_id, occurred_at desc, redemption_id desc, line_type desc
    )
    select s.person_id, p.external_employee_id, p.person_name, p.person_email, p.department, p.cost_center,
      s.taxable, s.non_taxable, s.redemptions, s.uncosted
    from sums s join latest p on p.person_id = s.person_id
    order by p.person_name collate "C", s.person_id`);
  const payroll = rows.map((row) => ({
    personId: row.person_id,
    externalEmployeeId: row.external_employee_id,
    name: row.person_name,
    email: row.person_email,
    department: row.department,
    costCenter: row.cost_center,
    taxableMinor: Number(row.taxable),
    nonTaxableMinor: Number(row.non_taxable),
    redemptions: Number(row.redemptions),
    uncostedRewards: Number(row.uncosted),
  }));
  return {
    taxableKinds,
    rows: payroll,
    totals: {
      people: payroll.length,
      taxableMinor: payroll.reduce((sum, row) => sum + row.taxableMinor, 0),
      nonTaxableMinor: payroll.reduce((sum, row) => sum + row.nonTaxableMinor, 0),
      redemptions: payroll.reduce((sum, row) => sum + row.redemptions, 0),
    },
  };
}
