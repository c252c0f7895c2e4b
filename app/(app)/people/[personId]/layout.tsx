import Link from "next/link";
import type { ReactNode } from "react";
import { Panel } from "@/app/_components/panel";
import { Points } from "@/app/_components/points";
import { linkClass } from "@/app/_components/styles";
import type { RecognitionTotals } from "@/core/feed/get-person-profile";
import type { PointValue } from "@/core/shared/money";
import { Avatar } from "../../_recognitions/avatar";
import { LevelBadge } from "../../_recognitions/level-badge";
import { hrefWith } from "../../_recognitions/search-params";
import { LevelPanel } from "./level-panel";
import { loadProfile } from "./profile";

const count = new Intl.NumberFormat("en-US");

function TotalsPanel({
  title,
  totals,
  pointValue,
}: {
  title: string;
  totals: RecognitionTotals;
  pointValue: PointValue;
}) {
  return (
    <Panel title={title}>
      <dl className="grid grid-cols-2 gap-4">
        <div>
          <dt className="text-xs text-stone-500">This month</dt>
          <dd className="mt-0.5">
            <Points points={totals.thisMonth} value={pointValue} />
          </dd>
        </div>
        <div>
          <dt className="text-xs text-stone-500">All time</dt>
          <dd className="mt-0.5">
            <Points points={totals.allTime} value={pointValue} />
          </dd>
        </div>
      </dl>
      <p className="mt-3 text-xs text-stone-500">
        {count.format(totals.count)} {totals.count === 1 ? "recognition" : "recognitions"}
      </p>
    </Panel>
  );
}

/**
 * Who the person is and what they have received and given. Read here rather than in the page, so that
 * switching between history views re-renders only the history, and a foreign id is refused before the
 * history's loading boundary starts streaming.
 */
export default async function PersonLayout({
  params,
  children,
}: {
  params: Promise<{ personId: string }>;
  children: ReactNode;
}) {
  const { personId } = await params;
  const profile = await loadProfile(personId);
  const { person } = profile;

  return (
    <div className="mx-auto max-w-3xl space-y-8">
      <header className="flex flex-wrap items-center gap-4">
        <Avatar id={person.id} name={person.name} size="lg" />
        <div className="min-w-0 flex-1">
          <div className="flex flex-wrap items-center gap-2">
            <h1 className="text-2xl font-bold tracking-tight">{person.name}</h1>
            {person.isSelf ? (
              <span className="rounded-full bg-amber-100 px-2 py-0.5 text-xs font-medium text-amber-800">
                You
              </span>
            ) : null}
            {person.active ? null : (
              <span className="rounded-full bg-stone-200 px-2 py-0.5 text-xs font-medium text-stone-700">
                Deactivated
              </span>
            )}
            {profile.level?.current ? <LevelBadge level={profile.level.current} /> : null}
          </div>
          <p className="mt-1 text-sm text-stone-600">
            {[person.department, person.managerName ? `Reports to ${person.managerName}` : null]
              .filter(Boolean)
              .join(" · ") || "No department or manager on record"}
          </p>
        </div>
        {person.isSelf ? (
          <Link href="/history" className={`${linkClass} text-sm`}>
            Your history
          </Link>
        ) : null}
      </header>
      {person.active ? null : (
        <p className="rounded-lg bg-stone-100 px-4 py-3 text-sm text-stone-700">
          {person.name} no longer works here and can't receive points. Their recognition stays on record.
        </p>
      )}
      <div className="grid gap-4 sm:grid-cols-2">
        <TotalsPanel title="Received" totals={profile.received} pointValue={profile.pointValue} />
        <TotalsPanel title="Given" totals={profile.given} pointValue={profile.pointValue} />
      </div>
      {profile.level && person.active ? (
        <LevelPanel standing={profile.level} pointValue={profile.pointValue} />
      ) : null}
      <Panel title="Top values" description="The company values that come up most on recognition received.">
        {profile.topValues.length === 0 ? (
          <p className="text-sm text-stone-500">
            None yet: the values tagged on recognition {person.isSelf ? "you receive" : "they receive"} show
            up here.
          </p>
        ) : (
          <ul className="flex flex-wrap gap-2">
            {profile.topValues.map((value) => (
              <li key={value.name}>
                <Link
                  href={hrefWith("/leaderboard", { value: value.name })}
                  className="inline-flex items-center gap-2 rounded-full bg-amber-50 px-3 py-1 text-sm font-medium text-amber-800 ring-1 ring-amber-200 ring-inset hover:bg-amber-100 outline-none focus-visible:outline-2 focus-visible:outline-amber-600"
                >
                  #{value.name}
                  <span className="rounded-full bg-white px-1.5 text-xs tabular-nums text-amber-900">
                    {value.count}
                    <span className="sr-only"> {value.count === 1 ? "time" : "times"}</span>
                  </span>
                </Link>
              </li>
            ))}
          </ul>
        )}
      </Panel>
      {children}
    </div>
  );
}
