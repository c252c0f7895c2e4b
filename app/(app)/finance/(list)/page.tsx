import type { Metadata } from "next";
import Link from "next/link";
import { ColumnHeads } from "@/app/_components/column-heads";
import { LabelledCell } from "@/app/_components/labelled-cell";
import { PageHeader } from "@/app/_components/page-header";
import { EmptyState } from "@/app/_components/panel";
import { Points } from "@/app/_components/points";
import { linkClass } from "@/app/_components/styles";
import { guarded } from "@/app/_lib/page-guard";
import { signedIn } from "@/app/_lib/viewer";
import { listBills } from "@/core/billing/list-bills";
import { formatMoney } from "@/core/shared/money";
import { formatDayInZone } from "../../admin/_components/format-time";
import { BillStatusBadge } from "../_components/bill-status-badge";
import { monthName } from "../_components/bill-text";

export const metadata: Metadata = { title: "Bills · Finance · Plaudit" };

export default async function BillsPage() {
  const { db, actor, org } = await signedIn();
  const bills = await guarded(listBills(db, actor));
  const zone = org.timeZone.replaceAll("_", " ");

  return (
    <>
      <PageHeader
        title="Bills"
        description={
          <>
            One bill per calendar month in {zone}: every reward fulfilled that month, at face value. The
            current month is a provisional draft until it closes. What the company still owes in points is on
            the{" "}
            <Link href="/finance/liability" className={linkClass}>
              liability page
            </Link>
            ; how bills close and are numbered, in the{" "}
            <Link href="/finance/settings" className={linkClass}>
              billing settings
            </Link>
            .
          </>
        }
      />
      {bills.length === 0 ? (
        <EmptyState title="No bills yet">
          A month's bill starts with the first reward fulfilled in it. Once people redeem their points, the
          bill appears here.
        </EmptyState>
      ) : (
        <div className="lg:rounded-xl lg:border lg:border-stone-200 lg:bg-white lg:shadow-sm">
          <table className="block w-full text-sm lg:table">
            <caption className="sr-only">Bills, newest month first</caption>
            <ColumnHeads
              style="wide"
              columns={[
                { label: "Month" },
                { label: "Number" },
                { label: "Status" },
                { label: "Lines", numeric: true },
                { label: "Billed", numeric: true },
                { label: "Points", numeric: true },
              ]}
            />
            <tbody className="flex flex-col gap-3 lg:table-row-group">
              {bills.map((bill) => (
                <tr
                  key={bill.id}
                  className="flex flex-wrap items-center rounded-lg border border-stone-200 bg-white p-4 shadow-sm lg:table-row lg:shadow-none lg:rounded-none lg:border-0 lg:border-t lg:border-stone-100 lg:p-0"
                >
                  <th
                    scope="row"
                    className="w-full pb-2 text-left font-normal lg:table-cell lg:w-auto lg:px-3 lg:py-3"
                  >
                    <Link href={`/finance/bills/${bill.period}`} className={`${linkClass} font-semibold`}>
                      {monthName(bill.period)}
                    </Link>
                  </th>
                  <LabelledCell label="Number">
                    {bill.number ? (
                      <span className="font-mono text-stone-900">{bill.number}</span>
                    ) : (
                      <BillStatusBadge status="open" />
                    )}
                  </LabelledCell>
                  <LabelledCell label="Status">
                    {bill.closedAt ? (
                      <>
                        Closed{" "}
                        <time dateTime={bill.closedAt.toISOString()}>
                          {formatDayInZone(bill.closedAt, org.timeZone)}
                        </time>
                      </>
                    ) : (
                      "Open"
                    )}
                  </LabelledCell>
                  <LabelledCell label="Lines" numeric>
                    <span className="tabular-nums">{bill.lines.toLocaleString("en-US")}</span>
                  </LabelledCell>
                  <LabelledCell label="Billed" numeric>
                    <span className="font-semibold tabular-nums">
                      {formatMoney(bill.billedMinor, bill.currency)}
                    </span>
                  </LabelledCell>
                  <LabelledCell label="Points" numeric>
                    <Points points={bill.points} value={org.pointValue} />
                  </LabelledCell>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
