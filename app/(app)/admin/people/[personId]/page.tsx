import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/app/_components/page-header";
import { Panel } from "@/app/_components/panel";
import { linkClass } from "@/app/_components/styles";
import { guarded } from "@/app/_lib/page-guard";
import { awaitDatabase } from "@/app/_lib/unavailable";
import { signedIn } from "@/app/_lib/viewer";
import { firstParam, type SearchParams } from "@/app/(app)/_recognitions/search-params";
import { placeholdersFor } from "@/core/people/erasure/erased-identity";
import { getPersonDetails, type PersonDetailsView } from "@/core/people/get-person-details";
import { listPeople } from "@/core/people/list-people";
import { formatPointsWithValue } from "@/core/shared/money";
import { formatDayInZone } from "../../_components/format-time";
import { PersonForm } from "../_components/person-form";
import { MANAGER_CHOICES, type ManagerOption, managerOption } from "../_components/person-form-data";
import { savePerson } from "./actions";
import { EraseSection } from "./erase-section";
import { StatusSection } from "./status-section";

export const metadata: Metadata = { title: "Edit person · Admin · Plaudit" };

function leaverConsequence({ leaver, pointValue }: PersonDetailsView): string {
  const balance = formatPointsWithValue(leaver.earned, pointValue);
  return leaver.policy === "forfeit"
    ? `Their ${balance} earned balance will be forfeited: your organization's leaver policy is to forfeit what leavers have not redeemed.`
    : `Their ${balance} earned balance will be kept: your organization's leaver policy lets leavers keep what they earned.`;
}

function currentManager({ manager }: PersonDetailsView): ManagerOption | null {
  if (!manager) return null;
  const option = managerOption(manager);
  return manager.active ? option : { ...option, label: `${option.label}, deactivated` };
}

export default async function PersonPage({
  params,
  searchParams,
}: {
  params: Promise<{ personId: string }>;
  searchParams: Promise<SearchParams>;
}) {
  const { db, actor, org } = await signedIn();
  const { personId } = await params;
  const [details, managers] = await awaitDatabase(
    Promise.all([
      guarded(getPersonDetails(db, actor, { personId })),
      guarded(listPeople(db, actor, { active: true, limit: MANAGER_CHOICES })),
    ]),
  );
  const { person } = details;
  const justAdded = firstParam(await searchParams, "added") === "1";
  const deactivatedOn = person.deactivatedAt ? formatDayInZone(person.deactivatedAt, org.timeZone) : null;
  const erasedOn = person.erasedAt ? formatDayInZone(person.erasedAt, org.timeZone) : null;
  const isSelf = person.id === actor.personId;

  return (
    <>
      <PageHeader
        title={person.name}
        description={
          <>
            <span className="break-all">{person.email}</span>
            {person.active ? null : (
              <span className="ml-2 rounded-full bg-stone-200 px-2 py-0.5 text-xs font-medium text-stone-700">
                {erasedOn ? "Personal data erased" : "Deactivated"}
              </span>
            )}
          </>
        }
        actions={
          <Link href="/admin/people" className={linkClass}>
            Back to people
          </Link>
        }
      />
      {justAdded ? (
        <p role="status" className="mb-6 rounded-lg bg-emerald-50 px-3 py-2 text-sm text-emerald-800">
          Added {person.name}. They can sign in with {person.email}.
        </p>
      ) : null}
      <div className="space-y-6">
        {erasedOn ? (
          <Panel title="Personal data erased" description={`Erased on ${erasedOn}, on request.`}>
            <p className="text-sm text-stone-700">
              Their recognitions, points and redemptions stay under this name; their lines on the bills stay
              as they were. They can&apos;t sign in, be edited or be reactivated: if they come back, add them
              as a new person.
            </p>
          </Panel>
        ) : (
          <>
            <Panel title="Details">
              <PersonForm
                action={savePerson}
                initial={person}
                personId={person.id}
                managerOptions={managers.items.map(managerOption)}
                currentManager={currentManager(details)}
                submitLabel="Save changes"
                pendingLabel="Saving…"
              />
            </Panel>
            <StatusSection
              personId={person.id}
              name={person.name}
              active={person.active}
              isSelf={isSelf}
              leaverConsequence={leaverConsequence(details)}
              deactivatedOn={deactivatedOn}
            />
            <EraseSection
              personId={person.id}
              name={person.name}
              email={person.email}
              placeholderName={placeholdersFor(person.id).name}
              active={person.active}
              isSelf={isSelf}
              leaverConsequence={leaverConsequence(details)}
            />
          </>
        )}
      </div>
    </>
  );
}
