import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/app/_components/page-header";
import { EmptyState } from "@/app/_components/panel";
import { ScrollBox } from "@/app/_components/scroll-box";
import { linkClass, secondaryButtonClass } from "@/app/_components/styles";
import { guarded } from "@/app/_lib/page-guard";
import { signedIn } from "@/app/_lib/viewer";
import { listAuditLog } from "@/core/org/list-audit-log";
import { getDisplayNames } from "@/core/people/get-display-names";
import { firstParam, type SearchParams } from "../../_recognitions/search-params";
import { formatInZone } from "../_components/format-time";
import { type DescribedEntry, describeEntry, idsToName } from "./describe-entry";

export const metadata: Metadata = { title: "Audit log · Admin · Plaudit" };

const PAGE_SIZE = 50;

function NoValue() {
  return (
    <>
      <span aria-hidden="true">—</span>
      <span className="sr-only">none</span>
    </>
  );
}

function ChangesTable({ changes }: { changes: DescribedEntry["changes"] }) {
  if (changes.length === 0) return null;
  return (
    <ScrollBox label="What changed" className="mt-3">
      <table className="w-full min-w-[28rem] text-left text-sm">
        <caption className="sr-only">What changed</caption>
        <thead className="text-xs text-stone-500">
          <tr>
            <th scope="col" className="py-1 pr-4 font-medium">
              Field
            </th>
            <th scope="col" className="py-1 pr-4 font-medium">
              Before
            </th>
            <th scope="col" className="py-1 font-medium">
              After
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-stone-100">
          {changes.map((change) => (
            <tr key={change.field} className="align-top">
              <th scope="row" className="py-1.5 pr-4 font-medium text-stone-700">
                {change.label}
              </th>
              <td className="py-1.5 pr-4 break-words text-stone-500">{change.before ?? <NoValue />}</td>
              <td className="py-1.5 break-words text-stone-900">{change.after ?? <NoValue />}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollBox>
  );
}

export default async function AuditLogPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const { db, actor, org } = await signedIn();
  const beforeParam = firstParam(await searchParams, "before");
  // A page link that is not an entry number is refused by the use case, which shows the 404 page.
  const before = beforeParam === undefined ? undefined : Number(beforeParam);
  const page = await guarded(listAuditLog(db, actor, { before, limit: PAGE_SIZE }));
  const names = await guarded(getDisplayNames(db, actor, idsToName(page.entries)));
  const context = { names, timeZone: org.timeZone, pointValue: org.pointValue };

  return (
    <>
      <PageHeader
        title="Audit log"
        description={`Who changed what in ${org.name}, newest first. Times are in ${org.timeZone.replaceAll("_", " ")}.`}
      />
      {page.entries.length === 0 ? (
        <EmptyState title={before ? "No older entries." : "Nothing recorded yet."}>
          {before ? (
            <Link href="/admin/audit" className={linkClass}>
              Back to the newest entries
            </Link>
          ) : (
            "Changes to settings, people, values, allowances and API keys will be listed here as they happen."
          )}
        </EmptyState>
      ) : (
        <ol className="space-y-3">
          {page.entries.map((entry) => {
            const described = describeEntry(entry, context);
            return (
              <li key={entry.id} className="rounded-xl border border-stone-200 bg-white p-4 shadow-sm">
                <div className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1">
                  <p className="min-w-0">
                    {entry.actor ? (
                      <Link href={`/people/${entry.actor.id}`} className={linkClass}>
                        {entry.actor.name}
                      </Link>
                    ) : (
                      <span className="font-medium">An integration or the operator</span>
                    )}{" "}
                    {described.verb}
                    {described.target ? (
                      <>
                        {" "}
                        <strong className="font-semibold break-words">{described.target}</strong>
                      </>
                    ) : null}
                  </p>
                  <p className="text-sm text-stone-500">
                    <time dateTime={entry.createdAt.toISOString()}>
                      {formatInZone(entry.createdAt, org.timeZone)}
                    </time>
                    <span className="sr-only">, recorded as </span>
                    <code className="ml-2 rounded bg-stone-100 px-1.5 py-0.5 text-xs text-stone-600">
                      {entry.action}
                    </code>
                  </p>
                </div>
                <ChangesTable changes={described.changes} />
              </li>
            );
          })}
        </ol>
      )}
      {before || page.nextBefore ? (
        <nav aria-label="Pages" className="mt-6 flex items-center justify-between gap-3">
          {before ? (
            <Link href="/admin/audit" className={secondaryButtonClass}>
              <span aria-hidden="true">↑</span> Newest
            </Link>
          ) : (
            <span />
          )}
          {page.nextBefore ? (
            <Link href={`/admin/audit?before=${page.nextBefore}`} className={secondaryButtonClass}>
              Older <span aria-hidden="true">↓</span>
            </Link>
          ) : (
            <p className="text-sm text-stone-500">No older entries.</p>
          )}
        </nav>
      ) : null}
    </>
  );
}
