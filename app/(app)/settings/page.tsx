import type { Metadata } from "next";
import { PageHeader } from "@/app/_components/page-header";
import { Panel } from "@/app/_components/panel";
import { awaitDatabase } from "@/app/_lib/unavailable";
import { signedIn } from "@/app/_lib/viewer";
import { getNotificationPreferences } from "@/core/nudges/get-notification-preferences";
import { PreferencesForm } from "./preferences-form";

export const metadata: Metadata = { title: "Settings · Plaudit" };

/** What Plaudit sends the viewer in Slack besides what happens to them: theirs to turn off. */
export default async function SettingsPage() {
  const { db, actor } = await signedIn();
  const preferences = await awaitDatabase(getNotificationPreferences(db, actor));
  return (
    <div className="mx-auto max-w-3xl">
      <PageHeader
        title="Settings"
        description="What Plaudit sends you, besides news of your own recognition and rewards."
      />
      <Panel
        title="Reminders in Slack"
        description={
          preferences.slackLinked
            ? "Sent to you as direct messages from Plaudit in Slack."
            : "Sent as direct messages in Slack. Plaudit will find you there once you use it in Slack (say /give balance); until then there is nowhere to send them."
        }
      >
        <PreferencesForm preferences={preferences} />
      </Panel>
    </div>
  );
}
