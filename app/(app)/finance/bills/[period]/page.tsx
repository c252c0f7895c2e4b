import type { Metadata } from "next";
import Link from "next/link";
import { cache } from "react";
import { EmptyState } from "@/app/_components/panel";
import { linkClass } from "@/app/_components/styles";
import { guarded } from "@/app/_lib/page-guard";
import { signedIn } from "@/app/_lib/viewer";
import { getBill } from "@/core/billing/get-bill";
import { Pagination } from "../../../_recognitions/pagination";
import { firstParam, type SearchParams } from "../../../_recognitions/search-params";
import { OutcomeAnnouncer } from "../../../admin/_components/outcome-announcer";
import { lineCount, monthName } from "../../_components/bill-text";
import { BillDownloads } from "./bill-downloads";
import { BillHeader } from "./bill-header";
import { BillLinesTable } from "./bill-lines";
import { BillBreakdowns, BillTotalsPanel, TieOutPanel } from "./bill-totals";

type Props = { params: Promise<{ period: string }>; searchParams: Promise<SearchParams> };

const LINES_PER_PAGE = 50;

/** The bill and a page of its lines, read once for the title and the page. */
const loadBill = cache(async (period: string, cursor: string | undefined) => {
  const { db, actor } = await signedIn();
  return guarded(getBill(db, actor, { period, cursor, limit: LINES_PER_PAGE }));
});

export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  const [{ period }, query] = await Promise.all([params, searchParams]);
  const { bill } = await loadBill(period, firstParam(query, "cursor"));
  const title = `${monthName(bill.period)} bill`;
  return { title: `${bill.number ? `${bill.number} · ${title}` : title} · Finance · Plaudit` };
}

export default async function BillPage({ params, searchParams }: Props) {
  const [{ org }, { period }, query] = await Promise.all([signedIn(), params, searchParams]);
  const cursor = firstParam(query, "cursor");
  const view = await loadBill(period, cursor);
  const { bill, totals, lines } = view;
  const first = lines[0];
  const last = lines.at(-1);

  return (
    <OutcomeAnnouncer>
      <div className="space-y-6">
        <Link href="/finance" className={`${linkClass} text-sm`}>
          <span aria-hidden="true">← </span>Bills
        </Link>
        <BillHeader view={view} orgName={org.name} />
        <div className="grid gap-6 lg:grid-cols-2">
          <BillTotalsPanel totals={totals} currency={bill.currency} pointValue={org.pointValue} />
          <TieOutPanel tieOut={view.tieOut} />
        </div>
        <BillBreakdowns totals={totals} currency={bill.currency} pointValue={org.pointValue} />
        <BillDownloads period={bill.period} closed={bill.status === "closed"} />
        <section aria-labelledby="lines-heading" className="space-y-3">
          <div>
            <h2 id="lines-heading" className="text-lg font-semibold">
              Lines
            </h2>
            {first && last ? (
              <p className="text-sm text-stone-600">
                {cursor || view.nextCursor
                  ? `${first === last ? `Line ${first.line}` : `Lines ${first.line}–${last.line}`} of ${totals.lines.toLocaleString("en-US")}`
                  : lineCount(totals.lines)}
                , in the order they came onto the bill.
              </p>
            ) : null}
          </div>
          {lines.length === 0 ? (
            <EmptyState title={cursor ? "No more lines" : "No lines on this bill"}>
              {cursor ? (
                <Link href={`/finance/bills/${bill.period}`} className={linkClass}>
                  Back to the first lines
                </Link>
              ) : (
                "Lines appear as rewards are fulfilled this month."
              )}
            </EmptyState>
          ) : (
            <BillLinesTable lines={lines} caption={`Lines of the ${monthName(bill.period)} bill`} />
          )}
          <Pagination
            path={`/finance/bills/${bill.period}`}
            cursor={cursor}
            nextCursor={view.nextCursor}
            firstLabel="First lines"
            nextLabel="Next lines"
            noMore="That's every line."
            anchor="lines-heading"
          />
        </section>
      </div>
    </OutcomeAnnouncer>
  );
}
