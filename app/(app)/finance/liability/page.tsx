import type { Metadata } from "next";
import { PageHeader } from "@/app/_components/page-header";
import { Panel } from "@/app/_components/panel";
import { Points } from "@/app/_components/points";
import { guarded, withFallback } from "@/app/_lib/page-guard";
import { awaitDatabase } from "@/app/_lib/unavailable";
import { signedIn } from "@/app/_lib/viewer";
import { getFinanceTrends } from "@/core/billing/get-finance-trends";
import { getLiability } from "@/core/billing/get-liability";
import { getRollForward } from "@/core/billing/get-roll-forward";
import { DomainError } from "@/core/shared/errors";
import {
  instantOfLocalTime,
  isoInZone,
  type LocalDateTime,
  localDateTime,
  parseLocalDateTime,
} from "@/core/shared/periods";
import { firstParam, type SearchParams } from "../../_recognitions/search-params";
import { formatInZone } from "../../admin/_components/format-time";
import { monthName } from "../_components/bill-text";
import { DepartmentLiabilityTable } from "./department-liability";
import { AsOfForm, MonthForm } from "./liability-forms";
import { RollForwardStatement } from "./roll-forward-statement";
import { LiabilityTrend, SpendTrend } from "./trend-charts";

export const metadata: Metadata = { title: "Liability · Finance · Plaudit" };

/** The instant a date and a time on the org's clocks name, as core takes it: ISO 8601 with the offset. */
function asOfInstant(date: string | undefined, time: string | undefined, zone: string): string | undefined {
  if (date === undefined && time === undefined) return undefined;
  const local = parseLocalDateTime(date ?? "", time ?? "");
  if (!local) {
    throw new DomainError("invalid", "Enter a date and a time, such as 2026-11-30 and 17:00.", {
      field: "asOf",
    });
  }
  return isoInZone(instantOfLocalTime(local, zone), zone);
}

const two = (n: number) => String(n).padStart(2, "0");
const dateValue = (t: LocalDateTime) => `${t.year}-${two(t.month)}-${two(t.day)}`;
const timeValue = (t: LocalDateTime) => `${two(t.hour)}:${two(t.minute)}`;

export default async function LiabilityPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const [{ db, actor, org }, query] = await Promise.all([signedIn(), searchParams]);
  const zone = org.timeZone;
  const date = firstParam(query, "date");
  const time = firstParam(query, "time");
  const [liability, trends] = await awaitDatabase(
    Promise.all([
      withFallback(
        async () => getLiability(db, actor, { asOf: asOfInstant(date, time, zone) }),
        () => getLiability(db, actor),
      ),
      guarded(getFinanceTrends(db, actor)),
    ]),
  );
  // The last month that has ended is what accountants close their books on.
  const latest = trends.monthEnds.at(-1)?.month ?? "";
  const lastEnded = trends.monthEnds.at(-2)?.month ?? latest;
  const month = firstParam(query, "month");
  const rollForward = await withFallback(
    () => getRollForward(db, actor, { month: month ?? lastEnded }),
    () => getRollForward(db, actor, { month: lastEnded }),
  );
  const figures = liability.result;
  const shownAt = localDateTime(figures.asOf, zone);
  const picked = date !== undefined || time !== undefined;
  const keptAsOf = picked && !liability.error ? { date: date ?? "", time: time ?? "" } : null;

  return (
    <div className="space-y-6">
      <PageHeader
        title="Points liability"
        description="Earned points not yet redeemed are a debt of the company: here as of any moment, month by month, and over the last year."
      />

      <Panel title="Outstanding" description={`As of ${formatInZone(figures.asOf, zone)}.`}>
        <AsOfForm
          // What was typed stays in the form, refused or not; otherwise the instant shown.
          date={date ?? dateValue(shownAt)}
          time={time ?? timeValue(shownAt)}
          month={month}
          today={dateValue(localDateTime(new Date(), zone))}
          zone={zone.replaceAll("_", " ")}
          error={liability.error}
          showingNow={!keptAsOf}
        />
        <dl className="mt-5 grid gap-4 sm:grid-cols-3" data-testid="liability-figures">
          <div className="rounded-lg bg-amber-50 p-4">
            <dt className="text-sm text-amber-900">Outstanding liability</dt>
            <dd className="mt-1 text-xl">
              <Points points={figures.outstanding} value={figures.pointValue} />
            </dd>
            <dd className="mt-1 text-xs text-stone-600">earned and not redeemed, holds included</dd>
          </div>
          <div className="rounded-lg bg-stone-50 p-4">
            <dt className="text-sm text-stone-600">In people's balances</dt>
            <dd className="mt-1 text-lg">
              <Points points={figures.earned} value={figures.pointValue} />
            </dd>
          </div>
          <div className="rounded-lg bg-stone-50 p-4">
            <dt className="text-sm text-stone-600">In open holds</dt>
            <dd className="mt-1 text-lg">
              <Points points={figures.held} value={figures.pointValue} />
            </dd>
            <dd className="mt-1 text-xs text-stone-600">redemptions requested and not yet settled</dd>
          </div>
        </dl>
        <h3 className="mt-6 mb-2 text-sm font-semibold">By department</h3>
        <DepartmentLiabilityTable departments={figures.byDepartment} pointValue={figures.pointValue} />
      </Panel>

      <Panel
        title={`Roll-forward for ${monthName(rollForward.result.month)}`}
        description="How the liability moved over the month, in the organization's time zone; every figure is read from the ledger."
      >
        <div className="space-y-5">
          <MonthForm
            month={rollForward.error ? lastEnded : rollForward.result.month}
            latest={latest}
            asOf={keptAsOf}
            error={rollForward.error}
          />
          <RollForwardStatement rollForward={rollForward.result} timeZone={zone} />
        </div>
      </Panel>

      <LiabilityTrend trends={trends} />
      <SpendTrend trends={trends} />
    </div>
  );
}
