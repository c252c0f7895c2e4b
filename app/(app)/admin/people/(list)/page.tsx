import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/app/_components/page-header";
import { EmptyState, Panel } from "@/app/_components/panel";
import { ScrollBox } from "@/app/_components/scroll-box";
import {
  buttonClass,
  checkboxClass,
  inputClass,
  linkClass,
  secondaryButtonClass,
} from "@/app/_components/styles";
import { guarded } from "@/app/_lib/page-guard";
import { signedIn } from "@/app/_lib/viewer";
import { firstParam, hrefWith, type SearchParams } from "@/app/(app)/_recognitions/search-params";
import { listPeople } from "@/core/people/list-people";
import { loadPeople } from "@/core/people/people-lookup";
import type { PersonDetails } from "@/core/people/person-details";
import { RoleBadges } from "../_components/role-badges";

export const metadata: Metadata = { title: "People · Admin · Plaudit" };

const PAGE_SIZE = 50;
const PATH = "/admin/people";

function PeopleTable({
  people,
  managerNames,
}: {
  people: PersonDetails[];
  managerNames: Map<string, string>;
}) {
  return (
    <ScrollBox label="People" className="-mx-5 px-5">
      <table className="w-full min-w-[48rem] text-left text-sm">
        <caption className="sr-only">People, by name</caption>
        <thead className="border-b border-stone-200 text-xs tracking-wide text-stone-500 uppercase">
          <tr>
            <th scope="col" className="py-2 pr-3 font-medium">
              Name
            </th>
            <th scope="col" className="px-3 py-2 font-medium">
              Email
            </th>
            <th scope="col" className="px-3 py-2 font-medium">
              Roles
            </th>
            <th scope="col" className="px-3 py-2 font-medium">
              Manager
            </th>
            <th scope="col" className="px-3 py-2 font-medium">
              Department
            </th>
            <th scope="col" className="px-3 py-2 font-medium">
              Cost center
            </th>
            <th scope="col" className="py-2 pl-3 font-medium">
              Status
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-stone-100">
          {people.map((person) => (
            <tr key={person.id} className={person.active ? "" : "text-stone-500"}>
              <th scope="row" className="py-3 pr-3 font-medium">
                <Link href={`${PATH}/${person.id}`} className={linkClass}>
                  {person.name}
                </Link>
              </th>
              <td className="px-3 py-3 break-all">{person.email}</td>
              <td className="px-3 py-3">
                <RoleBadges roles={person.roles} />
              </td>
              <td className="px-3 py-3">
                {person.managerId ? managerNames.get(person.managerId) : <Blank />}
              </td>
              <td className="px-3 py-3">{person.department ?? <Blank />}</td>
              <td className="px-3 py-3">{person.costCenter ?? <Blank />}</td>
              <td className="py-3 pl-3">
                {person.active ? (
                  <span className="text-emerald-700">Active</span>
                ) : (
                  <span className="rounded-full bg-stone-200 px-2 py-0.5 text-xs font-medium text-stone-700">
                    Deactivated
                  </span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollBox>
  );
}

function Blank() {
  return (
    <>
      <span aria-hidden="true" className="text-stone-500">
        —
      </span>
      <span className="sr-only">none</span>
    </>
  );
}

export default async function PeoplePage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const { db, actor, org } = await signedIn();
  const params = await searchParams;
  const q = firstParam(params, "q");
  const showDeactivated = firstParam(params, "inactive") === "1";
  const cursor = firstParam(params, "cursor");
  const page = await guarded(
    listPeople(db, actor, {
      q,
      cursor,
      active: showDeactivated ? undefined : true,
      limit: PAGE_SIZE,
    }),
  );
  const managerIds = [
    ...new Set(page.items.flatMap((person) => (person.managerId ? [person.managerId] : []))),
  ];
  const managers = managerIds.length > 0 ? await loadPeople(db, org.id, managerIds) : [];
  const managerNames = new Map(managers.map((manager) => [manager.id, manager.name]));
  const filters = { q, inactive: showDeactivated ? "1" : undefined };

  return (
    <>
      <PageHeader
        title="People"
        description={`Everyone in ${org.name}: search, add, edit, and deactivate leavers.`}
        actions={
          <>
            <Link href={`${PATH}/import`} className={secondaryButtonClass}>
              Import CSV
            </Link>
            <Link href={`${PATH}/new`} className={buttonClass}>
              Add person
            </Link>
          </>
        }
      />
      <Panel>
        <search className="mb-5 block">
          <form action={PATH} className="flex flex-wrap items-end gap-3">
            <div className="w-full space-y-1 sm:w-80">
              <label htmlFor="people-search" className="block text-sm font-medium text-stone-800">
                Search by name or email
              </label>
              <input
                id="people-search"
                type="search"
                name="q"
                defaultValue={q}
                maxLength={200}
                className={inputClass}
              />
            </div>
            <label className="inline-flex items-center gap-2 py-2 text-sm text-stone-800">
              <input
                type="checkbox"
                name="inactive"
                value="1"
                defaultChecked={showDeactivated}
                className={checkboxClass}
              />
              Show deactivated
            </label>
            <button type="submit" className={secondaryButtonClass}>
              Search
            </button>
            {q || showDeactivated ? (
              <Link href={PATH} className={`${linkClass} py-2 text-sm`}>
                Clear
              </Link>
            ) : null}
          </form>
        </search>

        {page.items.length === 0 ? (
          <EmptyState title={q ? `No one matches “${q}”` : "No one here yet"}>
            {q ? (
              <p>
                Check the spelling or search by email
                {showDeactivated ? "" : ", tick Show deactivated for leavers,"} or add them with Add person.
              </p>
            ) : (
              <p>
                Add people one at a time with Add person, or import your HR system&apos;s export with Import
                CSV.
              </p>
            )}
          </EmptyState>
        ) : (
          <PeopleTable people={page.items} managerNames={managerNames} />
        )}

        {cursor || page.nextCursor ? (
          <nav aria-label="Pages" className="mt-5 flex items-center justify-between gap-3">
            {cursor ? (
              <Link href={hrefWith(PATH, filters)} className={secondaryButtonClass}>
                First page
              </Link>
            ) : (
              <span />
            )}
            {page.nextCursor ? (
              <Link
                href={hrefWith(PATH, { ...filters, cursor: page.nextCursor })}
                className={secondaryButtonClass}
              >
                Next page
              </Link>
            ) : (
              <p className="text-sm text-stone-500">That is everyone.</p>
            )}
          </nav>
        ) : null}
      </Panel>
    </>
  );
}
