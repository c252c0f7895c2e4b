import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/app/_components/page-header";
import { EmptyState, Panel } from "@/app/_components/panel";
import { Points } from "@/app/_components/points";
import { ScrollBox } from "@/app/_components/scroll-box";
import { linkClass } from "@/app/_components/styles";
import { guarded } from "@/app/_lib/page-guard";
import { awaitDatabase } from "@/app/_lib/unavailable";
import { signedIn } from "@/app/_lib/viewer";
import { getLeaderboard, type Leaderboard, type LeaderboardEntry } from "@/core/feed/get-leaderboard";
import type { PeriodKind, PeriodRange } from "@/core/shared/periods";
import { listCompanyValues } from "@/core/values/list-company-values";
import { LevelBadge } from "../_recognitions/level-badge";
import { PersonLink } from "../_recognitions/person-link";
import { choiceParam, firstParam, hrefWith, type SearchParams } from "../_recognitions/search-params";
import { TabLinks } from "../_recognitions/tab-links";

export const metadata: Metadata = { title: "Leaderboard · Plaudit" };

const PERIODS = ["month", "quarter", "year"] as const satisfies readonly PeriodKind[];
const PERIOD_TABS: Record<PeriodKind, string> = {
  month: "This month",
  quarter: "This quarter",
  year: "This year",
};
const PERIOD_WORDS: Record<PeriodKind, string> = {
  month: "this month",
  quarter: "this quarter",
  year: "this year",
};
const TOP = 25;

/** "June 2026", "Q2 2026", "2026", read in the org's time zone. */
function periodName(period: PeriodRange, timeZone: string): string {
  if (period.kind !== "month") return period.label;
  return new Intl.DateTimeFormat("en", { timeZone, month: "long", year: "numeric" }).format(period.start);
}

function RankBadge({ entry, tied }: { entry: LeaderboardEntry; tied: boolean }) {
  const podium = entry.rank <= 3;
  return (
    <span className="inline-flex items-center gap-1">
      <span
        className={`inline-flex size-8 items-center justify-center rounded-full text-sm font-bold tabular-nums ${
          podium ? "bg-amber-100 text-amber-800" : "text-stone-600"
        }`}
      >
        {entry.rank}
      </span>
      {tied ? <span className="text-xs text-stone-500">tie</span> : null}
    </span>
  );
}

function LeaderboardTable({ board, viewerId }: { board: Leaderboard; viewerId: string }) {
  const rankCounts = new Map<number, number>();
  for (const entry of board.entries) rankCounts.set(entry.rank, (rankCounts.get(entry.rank) ?? 0) + 1);
  return (
    <ScrollBox label="Leaderboard" className="-mx-5">
      <table className="w-full min-w-[22rem] text-sm">
        <thead>
          <tr className="border-b border-stone-200 text-left text-xs tracking-wide text-stone-500 uppercase">
            <th scope="col" className="py-2 pr-2 pl-5 font-medium">
              Rank
            </th>
            <th scope="col" className="px-2 py-2 font-medium">
              Person
            </th>
            <th scope="col" className="hidden px-2 py-2 text-right font-medium sm:table-cell">
              Recognitions
            </th>
            <th scope="col" className="py-2 pr-5 pl-2 text-right font-medium">
              Points received
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-stone-100">
          {board.entries.map((entry) => {
            const isViewer = entry.personId === viewerId;
            return (
              <tr key={entry.personId} className={isViewer ? "bg-amber-50/70" : undefined}>
                <td className="py-3 pr-2 pl-5">
                  <RankBadge entry={entry} tied={(rankCounts.get(entry.rank) ?? 0) > 1} />
                </td>
                <th scope="row" className="px-2 py-3 text-left font-normal">
                  <PersonLink id={entry.personId} name={entry.name} />
                  {entry.level ? (
                    <span className="ml-2">
                      <LevelBadge level={entry.level} />
                    </span>
                  ) : null}
                  {isViewer ? <span className="ml-2 text-xs font-medium text-amber-700">You</span> : null}
                  {entry.department ? (
                    <span className="block text-xs text-stone-500">{entry.department}</span>
                  ) : null}
                </th>
                <td className="hidden px-2 py-3 text-right tabular-nums text-stone-600 sm:table-cell">
                  {entry.recognitions}
                </td>
                <td className="py-3 pr-5 pl-2 text-right">
                  <Points points={entry.points} value={board.pointValue} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </ScrollBox>
  );
}

export default async function LeaderboardPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const { db, actor, org, person } = await signedIn();
  const params = await searchParams;
  const period = choiceParam(params, "period", PERIODS);
  const value = firstParam(params, "value");
  const [board, { values }] = await awaitDatabase(
    Promise.all([
      guarded(getLeaderboard(db, actor, { period, value, limit: TOP })),
      listCompanyValues(db, actor),
    ]),
  );
  const valueNames = values.map((companyValue) => companyValue.name);
  // A retired value reached by link still gets its tab, so the page says what it shows.
  if (board.value && !valueNames.includes(board.value)) valueNames.push(board.value);
  const title = periodName(board.period, org.timeZone);

  return (
    <div className="mx-auto max-w-3xl">
      <PageHeader title="Leaderboard" description={`Who received the most points, top ${TOP}.`} />
      <div className="space-y-2">
        <TabLinks
          label="Period"
          tabs={PERIODS.map((kind) => ({
            href: hrefWith("/leaderboard", { period: kind, value: board.value ?? undefined }),
            label: PERIOD_TABS[kind],
            current: kind === period,
          }))}
        />
        {valueNames.length > 0 ? (
          <TabLinks
            label="Company value"
            tabs={[
              { href: hrefWith("/leaderboard", { period }), label: "Overall", current: board.value === null },
              ...valueNames.map((name) => ({
                href: hrefWith("/leaderboard", { period, value: name }),
                label: `#${name}`,
                current: name === board.value,
              })),
            ]}
          />
        ) : null}
      </div>
      <Panel
        className="mt-6"
        title={board.value ? `${title} · #${board.value}` : title}
        description={board.value ? `Points on recognition tagged #${board.value}.` : "All points received."}
      >
        {board.entries.length === 0 ? (
          <EmptyState
            title={
              board.value
                ? `No one has been recognized for #${board.value} ${PERIOD_WORDS[period]} yet`
                : `No one has received points ${PERIOD_WORDS[period]} yet`
            }
          >
            <Link href="/" className={linkClass}>
              Thank a colleague
            </Link>{" "}
            and they will show up here.
          </EmptyState>
        ) : (
          <LeaderboardTable board={board} viewerId={person.id} />
        )}
      </Panel>
    </div>
  );
}
