import Link from "next/link";
import { EmptyState, Panel } from "@/app/_components/panel";
import { linkClass } from "@/app/_components/styles";
import { RECOGNITION_GAP_DAYS, type TeamMember } from "@/core/allowances/list-team";

/** The reports nobody has thanked lately, with a nudge to do it. */
export function NotRecognizedPanel({ members, timeZone }: { members: TeamMember[]; timeZone: string }) {
  const overlooked = members.filter((member) => member.notRecognizedRecently);
  const dateFormat = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeZone });
  return (
    <Panel
      title={`Not recognized in the last ${RECOGNITION_GAP_DAYS} days`}
      description="People who may be doing good work nobody has mentioned."
    >
      {overlooked.length === 0 ? (
        <EmptyState title="Everyone has been recognized lately">
          Each of these reports was thanked in the last {RECOGNITION_GAP_DAYS} days.
        </EmptyState>
      ) : (
        <div className="space-y-4">
          <ul className="divide-y divide-stone-100">
            {overlooked.map((member) => (
              <li
                key={member.id}
                className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1 py-2"
              >
                <Link href={`/people/${member.id}`} className={linkClass}>
                  {member.name}
                </Link>
                <span className="text-sm text-stone-500">
                  {member.lastRecognizedAt ? (
                    <>
                      Last thanked{" "}
                      <time dateTime={member.lastRecognizedAt}>
                        {dateFormat.format(new Date(member.lastRecognizedAt))}
                      </time>
                    </>
                  ) : (
                    "Not thanked yet"
                  )}
                </span>
              </li>
            ))}
          </ul>
          <p className="rounded-lg bg-amber-50 px-3 py-2 text-sm text-amber-900">
            A few words about something specific go a long way.{" "}
            <Link href="/" className={linkClass}>
              Thank them on the feed
            </Link>
          </p>
        </div>
      )}
    </Panel>
  );
}
