import { describedBy, Field } from "@/app/_components/form";
import { Panel } from "@/app/_components/panel";
import { buttonClass, checkboxClass, inputClass } from "@/app/_components/styles";
import type { SlackStatus } from "./slack-status";

/** Whether the org is connected to Slack, "Add to Slack", and the settings that apply in Slack. */
export function SlackPanel({
  status,
  justConnected,
  defaults,
  errors,
}: {
  status: SlackStatus;
  justConnected: boolean;
  defaults: { channel: string; autoProvision: boolean };
  errors: { channel?: string; autoProvision?: string };
}) {
  return (
    <Panel
      title="Slack"
      description="People give points with /give, with a +10 @name message in a channel Plaudit is in, from a message's shortcut menu, and see their balances in Plaudit's App Home."
    >
      <div className="space-y-5">
        {justConnected ? (
          <p role="status" className="rounded-lg bg-emerald-50 px-3 py-2 text-sm text-emerald-800">
            Slack is connected. Try /give in any channel.
          </p>
        ) : null}
        <div className="flex flex-wrap items-center justify-between gap-3" data-testid="slack-connection">
          <p className="text-sm text-stone-700">
            <span
              className={`mr-2 inline-block rounded-full px-2 py-0.5 text-xs font-medium ${status.connected ? "bg-emerald-100 text-emerald-800" : "bg-stone-200 text-stone-700"}`}
            >
              {status.connected ? "Connected" : "Not connected"}
            </span>
            {status.summary}
          </p>
          {status.installHref ? (
            // A full navigation, not a client route: the install answers with a redirect to Slack.
            <a href={status.installHref} className={buttonClass}>
              Add to Slack
            </a>
          ) : null}
        </div>
        <Field
          id="slackRecognitionChannel"
          label="Recognition channel"
          hint="Recognitions given in Slack are announced in this channel instead of where they were given; leave it empty to announce them where they were given. Use the channel ID (channel details, at the bottom), such as C0123ABCD, and invite Plaudit to a private channel first."
          error={errors.channel}
        >
          <input
            id="slackRecognitionChannel"
            name="slackRecognitionChannel"
            type="text"
            autoComplete="off"
            spellCheck={false}
            placeholder="C0123ABCD"
            defaultValue={defaults.channel}
            className={`${inputClass} uppercase sm:max-w-xs`}
            {...describedBy("slackRecognitionChannel", errors.channel)}
          />
        </Field>
        <div className="space-y-1">
          <label className="inline-flex items-start gap-2 text-sm text-stone-800">
            <input
              type="checkbox"
              name="slackAutoProvision"
              defaultChecked={defaults.autoProvision}
              className={`${checkboxClass} mt-0.5`}
              {...describedBy("slackAutoProvision", errors.autoProvision)}
            />
            <span>Add people who use Plaudit from Slack and aren't in it yet</span>
          </label>
          {errors.autoProvision ? (
            <p id="slackAutoProvision-error" className="text-sm text-red-700">
              {errors.autoProvision}
            </p>
          ) : (
            <p id="slackAutoProvision-hint" className="text-sm text-stone-500">
              Otherwise someone not yet in Plaudit is told to ask an admin to add them.
            </p>
          )}
        </div>
      </div>
    </Panel>
  );
}
