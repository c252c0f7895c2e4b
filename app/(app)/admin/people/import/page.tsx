import type { Metadata } from "next";
import Link from "next/link";
import { forbidden } from "next/navigation";
import { PageHeader } from "@/app/_components/page-header";
import { Panel } from "@/app/_components/panel";
import { linkClass, secondaryButtonClass } from "@/app/_components/styles";
import { signedIn } from "@/app/_lib/viewer";
import { COLUMNS, type ImportColumn } from "@/core/people/import/types";
import { can } from "@/core/shared/permissions";
import { ImportForm } from "./import-form";
import { SIZE_LIMIT_TEXT } from "./import-state";

export const metadata: Metadata = { title: "Import people · Admin · Plaudit" };

const REQUIRED: readonly ImportColumn[] = ["name", "email"];

const COLUMN_HELP: Record<ImportColumn, string> = {
  name: "Full name.",
  email: "Work email; they sign in with it. Case does not matter.",
  roles: "Any of employee, manager, admin, finance, separated by semicolons. Everyone is an employee.",
  manager_email: "Their manager's email: someone in this file or already in Plaudit. Blank means no manager.",
  department: "Department name.",
  cost_center: "Cost center; it appears on the monthly redemption bill.",
  external_employee_id:
    "The HR system's id. People are matched on it when present, otherwise by email. A blank cell never clears it.",
  birthday: "YYYY-MM-DD.",
  hire_date: "YYYY-MM-DD.",
  active: "true or false. Blank leaves an existing person as they are; new people are active.",
};

const EXAMPLE_CSV = [
  COLUMNS.join(","),
  "Ada Lovelace,ada@example.com,admin;manager,,Leadership,CC-100,E-001,,2019-03-01,true",
  "Ben Okafor,ben@example.com,employee,ada@example.com,Engineering,CC-200,E-002,1990-07-14,2021-06-15,true",
  "Chloé Martin,chloe@example.com,finance,ada@example.com,Finance,CC-300,E-003,,2022-01-10,",
].join("\r\n");

export default async function ImportPeoplePage() {
  const { actor } = await signedIn();
  // The page reads nothing, so it asks the permission table directly; the import itself asks again.
  if (!can(actor, "manage_people")) forbidden();

  return (
    <>
      <PageHeader
        title="Import people from a CSV"
        description="Add and update many people at once from your HR system's export. You see a preview first; nothing is written until you import, and nothing at all while any row has a problem."
        actions={
          <Link href="/admin/people" className={linkClass}>
            Back to people
          </Link>
        }
      />
      <div className="grid gap-6 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
        <Panel title="1. Preview, 2. Import">
          <ImportForm />
        </Panel>
        <Panel
          title="The file"
          description={`A header row, then one person per row. Files up to ${SIZE_LIMIT_TEXT}: a few thousand people fit; split a bigger file and import the parts one after another.`}
        >
          <dl className="space-y-3 text-sm">
            {COLUMNS.map((column) => (
              <div key={column}>
                <dt>
                  <code className="rounded bg-stone-100 px-1.5 py-0.5 font-mono text-xs">{column}</code>
                  {REQUIRED.includes(column) ? (
                    <span className="ml-2 text-xs font-medium text-amber-800">required</span>
                  ) : null}
                </dt>
                <dd className="mt-0.5 text-stone-600">{COLUMN_HELP[column]}</dd>
              </div>
            ))}
          </dl>
          <p className="mt-4 text-sm text-stone-600">
            Column names ignore case and punctuation (&ldquo;Manager Email&rdquo; works). A column the file
            leaves out leaves that detail alone for people already in Plaudit.
          </p>
          <a
            href={`data:text/csv;charset=utf-8,${encodeURIComponent(EXAMPLE_CSV)}`}
            download="plaudit-people-example.csv"
            className={`${secondaryButtonClass} mt-4`}
          >
            Download an example CSV
          </a>
        </Panel>
      </div>
    </>
  );
}
