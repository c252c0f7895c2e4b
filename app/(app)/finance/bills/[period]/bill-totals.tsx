import type { ReactNode } from "react";
import { ColumnHeads, compactCell } from "@/app/_components/column-heads";
import { Panel } from "@/app/_components/panel";
import { Points } from "@/app/_components/points";
import { ScrollBox } from "@/app/_components/scroll-box";
import type { BillTieOut } from "@/core/billing/bill-tie-out";
import type { BillTotals, GroupTotals, LineTypeTotals } from "@/core/billing/bill-totals";
import { formatMoney, formatPoints, type PointValue } from "@/core/shared/money";
import { lineCount, rewardKindName } from "../../_components/bill-text";

/** What the bill's panels show: its totals, in its currency, points valued at the org's rate. */
interface BillFigures {
  totals: BillTotals;
  currency: string;
  pointValue: PointValue;
}

function TotalRow({
  label,
  detail,
  amount,
  emphasis = false,
}: {
  label: string;
  detail: ReactNode;
  amount: string;
  emphasis?: boolean;
}) {
  return (
    <div
      className={`flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1 py-2 ${
        emphasis ? "border-t-2 border-stone-300 pt-3 text-base" : ""
      }`}
    >
      <dt className={emphasis ? "font-semibold" : "text-stone-700"}>
        {label} <span className="block text-xs font-normal text-stone-500 sm:inline">{detail}</span>
      </dt>
      <dd className={`tabular-nums ${emphasis ? "text-lg font-bold" : "font-semibold"}`}>{amount}</dd>
    </div>
  );
}

/** What the month costs: charges, less credits, plus fees; custom rewards' own cost is not billed. */
export function BillTotalsPanel({ totals, currency, pointValue }: BillFigures) {
  const money = (minor: number) => formatMoney(minor, currency);
  const detail = (type: LineTypeTotals) => lineCount(type.lines);
  const internalCost = totals.charge.internalCostMinor + totals.credit.internalCostMinor;
  return (
    <Panel
      title="Totals"
      description={
        <>
          {lineCount(totals.lines)}, for <Points points={totals.points} value={pointValue} />.
        </>
      }
    >
      <dl className="divide-y divide-stone-100 text-sm">
        <TotalRow label="Charges" detail={detail(totals.charge)} amount={money(totals.charge.billedMinor)} />
        <TotalRow label="Credits" detail={detail(totals.credit)} amount={money(totals.credit.billedMinor)} />
        <TotalRow label="Fees" detail={detail(totals.fee)} amount={money(totals.fee.billedMinor)} />
        <TotalRow
          label="Billed total"
          detail="charges − credits + fees"
          amount={money(totals.billedMinor)}
          emphasis
        />
      </dl>
      {totals.byKind.some((group) => group.key === "custom") ? (
        <p className="mt-4 rounded-lg bg-stone-50 px-3 py-2 text-sm text-stone-700">
          Custom rewards are listed but billed at nothing. Their internal cost, paid by the company directly:{" "}
          <strong className="font-semibold tabular-nums">{money(internalCost)}</strong>.
        </p>
      ) : null}
    </Panel>
  );
}

/** Whether the bill agrees with the ledger: its charges with the settles, its credits with the reversals. */
export function TieOutPanel({ tieOut }: { tieOut: BillTieOut }) {
  const rows = [
    { label: "Charges", bill: tieOut.chargedPoints, ledger: tieOut.settledPoints, ledgerLabel: "settled" },
    { label: "Credits", bill: tieOut.creditedPoints, ledger: tieOut.reversedPoints, ledgerLabel: "reversed" },
  ];
  return (
    <Panel
      title="Tie-out to the ledger"
      description="The bill's points against what the ledger moved for the same redemptions."
    >
      {tieOut.balanced ? (
        <p className="mb-3 flex items-center gap-2 font-semibold text-emerald-800" data-testid="tie-out">
          <span aria-hidden="true">✓</span> Ties out
        </p>
      ) : (
        <p
          role="alert"
          className="mb-3 rounded-lg bg-red-50 px-3 py-2 font-semibold text-red-800"
          data-testid="tie-out"
        >
          <span aria-hidden="true">⚠ </span>Does not tie out: the bill and the ledger disagree. Run{" "}
          <code className="font-mono">npm run db:check</code> and don't send this bill until it does.
        </p>
      )}
      <table className="w-full text-sm">
        <caption className="sr-only">Bill against ledger, in points</caption>
        <ColumnHeads
          style="compact"
          columns={[
            { label: "Lines" },
            { label: "On the bill", numeric: true },
            { label: "In the ledger", numeric: true },
          ]}
        />
        <tbody className="divide-y divide-stone-100">
          {rows.map((row) => (
            <tr key={row.label}>
              <th scope="row" className={`${compactCell} py-2 text-left font-medium`}>
                {row.label}
              </th>
              <td className={`${compactCell} py-2 text-right tabular-nums`}>{formatPoints(row.bill)}</td>
              <td
                className={`${compactCell} py-2 text-right tabular-nums ${row.bill === row.ledger ? "" : "font-semibold text-red-700"}`}
              >
                {formatPoints(row.ledger)} <span className="text-stone-500">{row.ledgerLabel}</span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </Panel>
  );
}

/** One breakdown of the bill: by department, by cost center or by reward kind. */
export function GroupTable({
  title,
  keyLabel,
  groups,
  currency,
  pointValue,
  nameOf,
}: {
  title: string;
  keyLabel: string;
  groups: GroupTotals[];
  currency: string;
  pointValue: PointValue;
  nameOf: (key: string | null) => string;
}) {
  return (
    <Panel title={title}>
      {groups.length === 0 ? (
        <p className="text-sm text-stone-500">No lines yet.</p>
      ) : (
        <ScrollBox label={title} className="-mx-5 px-5">
          <table className="w-full min-w-[18rem] text-sm">
            <caption className="sr-only">{title}</caption>
            <ColumnHeads
              style="compact"
              columns={[
                { label: keyLabel },
                { label: "Lines", numeric: true },
                { label: "Billed", numeric: true },
              ]}
            />
            <tbody className="divide-y divide-stone-100">
              {groups.map((group) => (
                <tr key={group.key ?? ""} className="align-top">
                  <th scope="row" className={`${compactCell} py-2 text-left font-medium break-words`}>
                    {nameOf(group.key)}
                    <span className="block text-xs font-normal text-stone-500">
                      <Points points={group.points} value={pointValue} />
                    </span>
                  </th>
                  <td className={`${compactCell} py-2 text-right tabular-nums`}>
                    {group.lines.toLocaleString("en-US")}
                  </td>
                  <td className={`${compactCell} py-2 text-right font-semibold tabular-nums`}>
                    {formatMoney(group.billedMinor, currency)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollBox>
      )}
    </Panel>
  );
}

/** The bill by department, by cost center and by reward kind, side by side on a wide screen. */
export function BillBreakdowns({ totals, currency, pointValue }: BillFigures) {
  const named = (none: string) => (key: string | null) => key ?? none;
  const breakdowns = [
    {
      title: "By department",
      keyLabel: "Department",
      groups: totals.byDepartment,
      nameOf: named("No department"),
    },
    {
      title: "By cost center",
      keyLabel: "Cost center",
      groups: totals.byCostCenter,
      nameOf: named("No cost center"),
    },
    {
      title: "By reward kind",
      keyLabel: "Kind",
      groups: totals.byKind,
      nameOf: (key: string | null) => rewardKindName(key ?? ""),
    },
  ];
  return (
    <div className="grid gap-6 lg:grid-cols-3">
      {breakdowns.map((breakdown) => (
        <GroupTable key={breakdown.title} {...breakdown} currency={currency} pointValue={pointValue} />
      ))}
    </div>
  );
}
