"use client";

import { FormMessage, SubmitButton } from "@/app/_components/form";
import type { NotificationPreferences } from "@/core/nudges/get-notification-preferences";
import { CheckboxField } from "../admin/_components/checkbox-field";
import { useKeptForm } from "../admin/_components/use-kept-form";
import { savePreferences } from "./actions";

/** A box the form shows, marked as shown: an unticked box sends nothing of its own. */
function Choice(props: { name: string; label: string; description: string; checked: boolean }) {
  return (
    <div>
      <input type="hidden" name="shown" value={props.name} />
      <CheckboxField
        name={props.name}
        label={props.label}
        description={props.description}
        defaultChecked={props.checked}
      />
    </div>
  );
}

/**
 * The viewer's reminder, digest and celebration choices; the team digest only for someone people report
 * to.
 */
export function PreferencesForm({ preferences }: { preferences: NotificationPreferences }) {
  const form = useKeptForm(savePreferences);
  const kept = (name: string, saved: boolean) =>
    form.state.status === "error" ? form.kept(name) === "on" : saved;
  return (
    <form action={form.action} className="space-y-5">
      <div key={`${form.fieldsKey}:${JSON.stringify(preferences)}`} className="space-y-4">
        <Choice
          name="allowanceReminders"
          label="Remind me to give before month end"
          description="A Slack message three days before the month ends, when you still have points to give: they don't roll over."
          checked={kept("allowanceReminders", preferences.allowanceReminders)}
        />
        {preferences.hasReports ? (
          <Choice
            name="teamDigest"
            label="Send me a weekly digest of my team"
            description="On Monday mornings: the recognition your reports received last week, and who hasn't been thanked in 30 days."
            checked={kept("teamDigest", preferences.teamDigest)}
          />
        ) : null}
        <Choice
          name="publicCelebrations"
          label="Celebrate my birthday and work anniversaries in public"
          description="In the feed and the company's Slack channel, when your company celebrates them. Turned off, you still get the points and a direct message, and your history still shows them; only your birthday's month and day are ever shown."
          checked={kept("publicCelebrations", preferences.publicCelebrations)}
        />
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <SubmitButton pending="Saving…">Save</SubmitButton>
        <FormMessage {...form.message} />
      </div>
    </form>
  );
}
