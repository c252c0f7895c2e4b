import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/app/_components/page-header";
import { EmptyState, Panel } from "@/app/_components/panel";
import { linkClass } from "@/app/_components/styles";
import { guarded } from "@/app/_lib/page-guard";
import { signedIn } from "@/app/_lib/viewer";
import { listTeam } from "@/core/allowances/list-team";
import { NotRecognizedPanel } from "./not-recognized-panel";
import { ScopeSwitch, scopeFrom } from "./scope-switch";
import { TeamTable } from "./team-table";

export const metadata: Metadata = { title: "My team · Plaudit" };

export default async function TeamPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { db, actor, org } = await signedIn();
  const scope = scopeFrom((await searchParams).scope);
  const team = await guarded(listTeam(db, actor, { scope }));
  const month = new Intl.DateTimeFormat("en-US", {
    month: "long",
    year: "numeric",
    timeZone: org.timeZone,
  }).format(team.period.start);
  const header = (
    <PageHeader
      title="My team"
      description={`Allowances and recognition for ${month}.`}
      actions={<ScopeSwitch current={scope} />}
    />
  );

  if (team.members.length === 0) {
    return scope === "direct" ? (
      <>
        {header}
        {/* Possible when every direct report has left but people still report through them. */}
        <EmptyState title="No one reports to you directly">
          <Link href="/team?scope=all" className={linkClass}>
            See everyone in your reporting line
          </Link>
        </EmptyState>
      </>
    ) : (
      <>
        <PageHeader title="My team" description={`Allowances and recognition for ${month}.`} />
        <EmptyState title="No one reports to you yet.">
          An admin sets reporting lines on the People page.
        </EmptyState>
      </>
    );
  }

  const count = team.members.length;
  return (
    <>
      {header}
      <div className="space-y-6">
        <Panel
          title={scope === "direct" ? "Direct reports" : "Everyone in your reporting line"}
          description={`${count} ${count === 1 ? "person" : "people"}. Tick people to set their monthly allowance together; a boost adds points for this month only.`}
        >
          <TeamTable
            members={team.members}
            pointValue={team.pointValue}
            showManager={team.members.some((member) => !member.isDirect)}
            boostKey={crypto.randomUUID()}
          />
        </Panel>
        <NotRecognizedPanel members={team.members} timeZone={org.timeZone} />
      </div>
    </>
  );
}
