import { ScrollBox } from "@/app/_components/scroll-box";
import type { ImportPeopleResult, ImportRowResult } from "@/core/people/import/types";

/** Beyond this many, the list of changes is cut short; the totals above it still count every row. */
const LISTED_CHANGES = 200;

const ACTION_TEXT: Record<ImportRowResult["action"], string> = {
  create: "Add",
  update: "Update",
  unchanged: "No change",
};

function Summary({ totals }: { totals: ImportPeopleResult["totals"] }) {
  const figures = [
    { label: "To create", value: totals.create },
    { label: "To update", value: totals.update },
    { label: "Unchanged", value: totals.unchanged },
    { label: "With errors", value: totals.withErrors },
  ];
  return (
    <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4">
      {figures.map((figure) => (
        <div key={figure.label} className="rounded-lg border border-stone-200 px-3 py-2">
          <dt className="text-xs tracking-wide text-stone-500 uppercase">{figure.label}</dt>
          <dd
            className={`text-xl font-semibold tabular-nums ${
              figure.label === "With errors" && figure.value > 0 ? "text-red-700" : ""
            }`}
          >
            {figure.value}
          </dd>
        </div>
      ))}
    </dl>
  );
}

function Problems({ result }: { result: ImportPeopleResult }) {
  const rowErrors = result.rows.flatMap((row) =>
    row.errors.map((error, index) => ({
      key: `${row.line}-${index}`,
      line: row.line,
      email: row.email,
      error,
    })),
  );
  return (
    <div className="space-y-4">
      <div role="alert" className="rounded-lg bg-red-50 px-4 py-3 text-sm text-red-800">
        <p className="font-semibold">Nothing has been imported. Fix the rows below and preview again.</p>
        {result.fileErrors.length > 0 ? (
          <ul className="mt-2 list-disc space-y-1 pl-5">
            {result.fileErrors.map((error) => (
              <li key={`${error.line}-${error.message}`}>
                {error.line === null ? "The file: " : `Line ${error.line}: `}
                {error.message}
              </li>
            ))}
          </ul>
        ) : null}
      </div>
      {rowErrors.length > 0 ? (
        <ScrollBox label="Rows with errors" className="-mx-5 px-5">
          <table className="w-full min-w-[26rem] text-left text-sm">
            <caption className="sr-only">Rows with errors</caption>
            <thead className="border-b border-stone-200 text-xs tracking-wide text-stone-500 uppercase">
              <tr>
                <th scope="col" className="py-2 pr-3 font-medium">
                  Line
                </th>
                <th scope="col" className="px-3 py-2 font-medium">
                  Email
                </th>
                <th scope="col" className="px-3 py-2 font-medium">
                  Column
                </th>
                <th scope="col" className="py-2 pl-3 font-medium">
                  Problem
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-stone-100">
              {rowErrors.map(({ key, line, email, error }) => (
                <tr key={key} className="bg-red-50/40">
                  <th scope="row" className="py-2 pr-3 font-medium tabular-nums">
                    {line}
                  </th>
                  <td className="px-3 py-2 break-all">{email || "(blank)"}</td>
                  <td className="px-3 py-2">
                    {error.column ? (
                      <mark className="rounded bg-red-100 px-1.5 py-0.5 font-mono text-xs text-red-800">
                        {error.column}
                      </mark>
                    ) : (
                      <span className="text-stone-500">whole row</span>
                    )}
                  </td>
                  <td className="py-2 pl-3 font-medium break-words text-red-800">{error.message}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollBox>
      ) : null}
    </div>
  );
}

function Changes({ rows }: { rows: ImportRowResult[] }) {
  const changes = rows.filter((row) => row.action !== "unchanged");
  if (changes.length === 0) {
    return (
      <p className="text-sm text-stone-700">
        Everyone in the file is already up to date; there is nothing to import.
      </p>
    );
  }
  const listed = changes.slice(0, LISTED_CHANGES);
  return (
    <div className="space-y-2">
      <p className="text-sm text-stone-700">
        Nothing has been imported yet. Check the changes, then import them.
      </p>
      <div className="-mx-5 max-h-96 overflow-auto px-5">
        <table className="w-full min-w-[24rem] text-left text-sm">
          <caption className="sr-only">Changes the import will make</caption>
          <thead className="border-b border-stone-200 text-xs tracking-wide text-stone-500 uppercase">
            <tr>
              <th scope="col" className="py-2 pr-3 font-medium">
                Line
              </th>
              <th scope="col" className="px-3 py-2 font-medium">
                Email
              </th>
              <th scope="col" className="py-2 pl-3 font-medium">
                Change
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-stone-100">
            {listed.map((row) => (
              <tr key={row.line}>
                <th scope="row" className="py-2 pr-3 font-medium tabular-nums">
                  {row.line}
                </th>
                <td className="px-3 py-2 break-all">{row.email}</td>
                <td className="py-2 pl-3">{ACTION_TEXT[row.action]}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {changes.length > listed.length ? (
        <p className="text-sm text-stone-500">…and {changes.length - listed.length} more.</p>
      ) : null}
    </div>
  );
}

function hasProblems(result: ImportPeopleResult): boolean {
  return result.fileErrors.length > 0 || result.totals.withErrors > 0;
}

/** How many people an import of the previewed file would add or change; none while any row is bad. */
export function importableCount(result: ImportPeopleResult): number {
  return hasProblems(result) ? 0 : result.totals.create + result.totals.update;
}

/** A dry run's outcome: the totals, then either every problem by line and column, or the changes to come. */
export function ImportPreview({ result }: { result: ImportPeopleResult }) {
  return (
    <section aria-labelledby="import-preview-heading" className="space-y-4">
      <h2 id="import-preview-heading" className="font-semibold">
        Preview of {result.totals.rows} {result.totals.rows === 1 ? "row" : "rows"}
      </h2>
      <Summary totals={result.totals} />
      {hasProblems(result) ? <Problems result={result} /> : <Changes rows={result.rows} />}
    </section>
  );
}
