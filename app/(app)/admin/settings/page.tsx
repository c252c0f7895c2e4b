import type { Metadata } from "next";
import { PageHeader } from "@/app/_components/page-header";
import { guarded } from "@/app/_lib/page-guard";
import { signedIn } from "@/app/_lib/viewer";
import { firstParam, type SearchParams } from "@/app/(app)/_recognitions/search-params";
import { getOrgSettings } from "@/core/org/get-org-settings";
import { slackSettingsFromEnv } from "@/slack/settings";
import { SettingsForm } from "./settings-form";
import { slackStatus } from "./slack-status";

export const metadata: Metadata = { title: "Settings · Admin · Plaudit" };

/** Every IANA zone the runtime knows, plus UTC (which it lists under no region) and the saved zone. */
function timeZoneChoices(saved: string): string[] {
  return [...new Set(["UTC", saved, ...Intl.supportedValuesOf("timeZone")])].sort();
}

export default async function OrgSettingsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const { db, actor, org } = await signedIn();
  const settings = await guarded(getOrgSettings(db, actor));
  // Where the Slack install comes back to once the workspace is connected.
  const justConnected = firstParam(await searchParams, "slack") === "connected";
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
        slack={{ status: slackStatus(slackSettingsFromEnv(), settings, org.timeZone), justConnected }}
      />
    </>
  );
}
