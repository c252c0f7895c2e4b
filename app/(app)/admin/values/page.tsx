import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/app/_components/page-header";
import { EmptyState, Panel } from "@/app/_components/panel";
import { linkClass } from "@/app/_components/styles";
import { guarded } from "@/app/_lib/page-guard";
import { signedIn } from "@/app/_lib/viewer";
import { listValueUsage } from "@/core/values/list-value-usage";
import { formatDayInZone } from "../_components/format-time";
import { RetiredItem } from "../_components/retired-item";
import { restoreValue } from "./actions";
import { ActiveValue } from "./active-value";
import { AddValueForm } from "./add-value-form";

export const metadata: Metadata = { title: "Company values · Admin · Plaudit" };

const VALUES_MODE_TEXT: Record<string, string> = {
  off: "off: recognitions carry no value",
  optional: "optional",
  required: "required on every recognition",
};

function usageText(count: number): string {
  if (count === 0) return "Not used yet";
  return `Used on ${new Intl.NumberFormat("en-US").format(count)} recognition${count === 1 ? "" : "s"}`;
}

export default async function CompanyValuesPage() {
  const { db, actor, org } = await signedIn();
  const { values } = await guarded(listValueUsage(db, actor));
  const active = values.filter((value) => value.retiredAt === null);
  const retired = values.filter((value) => value.retiredAt !== null);
  return (
    <>
      <PageHeader
        title="Company values"
        description={
          <>
            The hashtags people tag recognitions with. Values are{" "}
            {VALUES_MODE_TEXT[org.valuesMode] ?? org.valuesMode} (
            <Link href="/admin/settings" className={linkClass}>
              change in Settings
            </Link>
            ).
          </>
        }
      />
      <div className="space-y-6">
        <Panel title="Add a value">
          <AddValueForm />
        </Panel>

        {active.length === 0 ? (
          <EmptyState title="No company values yet.">
            Add the values your company lives by, such as #ownership or #customer-first, so people can tag
            their recognitions with them.
          </EmptyState>
        ) : (
          <Panel title={`Active values (${active.length})`}>
            <ul className="divide-y divide-stone-200">
              {active.map((value) => (
                <ActiveValue
                  key={value.id}
                  value={{
                    id: value.id,
                    name: value.name,
                    description: value.description,
                    usage: usageText(value.usageCount),
                  }}
                />
              ))}
            </ul>
          </Panel>
        )}

        {retired.length > 0 ? (
          <Panel
            title={`Retired values (${retired.length})`}
            description="Kept on the recognitions that carry them; nobody can tag new ones. Their names stay taken."
          >
            <ul className="divide-y divide-stone-200">
              {retired.map((value) => (
                <RetiredItem
                  key={value.id}
                  name={`#${value.name}`}
                  restore={restoreValue}
                  fields={{ valueId: value.id }}
                >
                  {value.description ? <p className="text-sm">{value.description}</p> : null}
                  <p className="text-sm text-stone-500">
                    {value.retiredAt ? `Retired ${formatDayInZone(value.retiredAt, org.timeZone)} · ` : ""}
                    {usageText(value.usageCount)}
                  </p>
                </RetiredItem>
              ))}
            </ul>
          </Panel>
        ) : null}
      </div>
    </>
  );
}
