import type { ReactNode } from "react";
import { describedBy, Field } from "@/app/_components/form";
import { Panel } from "@/app/_components/panel";
import { Points } from "@/app/_components/points";
import { inputClass } from "@/app/_components/styles";
import type { PointValue } from "@/core/shared/money";

type CelebrationSetting = "birthdayPoints" | "anniversaryPoints" | "anniversaryPointsPerYear";

export interface CelebrationSettings {
  birthdayPoints: number | null;
  anniversaryPoints: number | null;
  anniversaryPointsPerYear: number;
  celebrationChannel: string | null;
}

/**
 * Points on birthdays and work anniversaries, and the Slack channel that announces them. An empty points
 * field turns that celebration off.
 */
export function CelebrationsPanel({
  saved,
  pointValue,
  kept,
  error,
}: {
  saved: CelebrationSettings;
  pointValue: PointValue;
  /** The value a field shows: what was typed before a refused submit, else the saved value. */
  kept: (name: CelebrationSetting | "celebrationChannel", saved: string) => string;
  error: (name: CelebrationSetting | "celebrationChannel") => string | undefined;
}) {
  const pointsInput = (setting: CelebrationSetting, min: number) => (
    <input
      id={setting}
      name={setting}
      type="number"
      min={min}
      step={1}
      inputMode="numeric"
      placeholder={min === 0 ? "0" : "Off"}
      defaultValue={kept(setting, saved[setting] === null ? "" : String(saved[setting]))}
      className={inputClass}
      {...describedBy(setting, error(setting))}
    />
  );
  const savedAs = (points: number | null, off: ReactNode) =>
    points === null ? (
      off
    ) : (
      <>
        Saved: <Points points={points} value={pointValue} />
      </>
    );
  return (
    <Panel
      title="Birthdays and work anniversaries"
      description="On the day, in your time zone, Plaudit gives each active person the points below, says so in the feed and in Slack, and sends them a direct message. People who keep their celebrations private get the points and the message only. Only the month and day of a birthday are ever shown."
    >
      <div className="space-y-5">
        <div className="grid gap-4 sm:grid-cols-3">
          <Field
            id="birthdayPoints"
            label="Points on a birthday"
            hint={savedAs(saved.birthdayPoints, "Empty: birthdays aren't celebrated.")}
            error={error("birthdayPoints")}
          >
            {pointsInput("birthdayPoints", 1)}
          </Field>
          <Field
            id="anniversaryPoints"
            label="Points on a work anniversary"
            hint={savedAs(saved.anniversaryPoints, "Empty: work anniversaries aren't celebrated.")}
            error={error("anniversaryPoints")}
          >
            {pointsInput("anniversaryPoints", 1)}
          </Field>
          <Field
            id="anniversaryPointsPerYear"
            label="Plus, per year of service"
            hint={
              <>
                {savedAs(saved.anniversaryPointsPerYear, null)}. A 3rd anniversary gives the points above plus
                three times this.
              </>
            }
            error={error("anniversaryPointsPerYear")}
          >
            {pointsInput("anniversaryPointsPerYear", 0)}
          </Field>
        </div>
        <p className="text-sm text-stone-600">
          A pass that finds a day missed (the server was down) celebrates it late, up to a week back; so does
          turning a celebration on, for the past six days.
        </p>
        <Field
          id="celebrationChannel"
          label="Celebration channel"
          hint="Birthdays, work anniversaries and levels reached are announced in this Slack channel; leave it empty to announce them in the feed alone. Use the channel ID (channel details, at the bottom), such as C0123ABCD, and invite Plaudit to a private channel first."
          error={error("celebrationChannel")}
        >
          <input
            id="celebrationChannel"
            name="celebrationChannel"
            type="text"
            autoComplete="off"
            spellCheck={false}
            placeholder="C0123ABCD"
            defaultValue={kept("celebrationChannel", saved.celebrationChannel ?? "")}
            className={`${inputClass} uppercase sm:max-w-xs`}
            {...describedBy("celebrationChannel", error("celebrationChannel"))}
          />
        </Field>
      </div>
    </Panel>
  );
}
