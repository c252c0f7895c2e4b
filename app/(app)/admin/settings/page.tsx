import { PageHeader } from "@/app/_components/page-header";
import { guarded } from "@/app/_lib/page-guard";
import { requireViewer } from "@/app/_lib/viewer";
import { getOrgSettings } from "@/core/get-org-settings";
import { getDb } from "@/db/client";
import { SettingsForm } from "./settings-form";

/** Every IANA zone the runtime knows, plus UTC (which it lists under no region) and the saved zone. */
function timeZoneChoices(saved: string): string[] {
  return [...new Set(["UTC", saved, ...Intl.supportedValuesOf("timeZone")])].sort();
}

export default async function OrgSettingsPage() {
  const viewer = await requireViewer();
  const settings = await guarded(getOrgSettings(getDb(), viewer.actor));
  return (
    <>
      <PageHeader
        title="Settings"
        description="How your organization gives points and what they are worth. Every change is recorded in the audit log."
      />
      <SettingsForm
        settings={settings}
        timeZones={timeZoneChoices(settings.timeZone)}
        currencies={Intl.supportedValuesOf("currency")}
      />
    </>
  );
}
