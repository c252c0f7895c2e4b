"use client";

import { describedBy, Field, FormMessage, SubmitButton } from "@/app/_components/form";
import { Panel } from "@/app/_components/panel";
import { Points } from "@/app/_components/points";
import { inputClass } from "@/app/_components/styles";
import { moneyInputText } from "@/app/_lib/money-input";
import type { OrgSettingsView } from "@/core/org/get-org-settings";
import { formatPointsWithValue, type PointValue } from "@/core/shared/money";
import { useKeptForm } from "../_components/use-kept-form";
import { saveOrgSettings } from "./actions";
import { CelebrationsPanel } from "./celebrations-panel";
import { ChoiceGroup } from "./choice-group";
import { PointValueFields } from "./point-value-fields";
import { SlackPanel } from "./slack-panel";
import type { SlackStatus } from "./slack-status";

const VALUES_MODES = [
  { value: "off", label: "Off", description: "Recognitions carry no company value." },
  { value: "optional", label: "Optional", description: "People may tag a value, or not." },
  { value: "required", label: "Required", description: "Every recognition names a value." },
] as const;

const LEAVER_POLICIES = [
  { value: "keep", label: "Keep", description: "A leaver's earned points stay on their balance." },
  {
    value: "forfeit",
    label: "Forfeit",
    description: "Earned points go back to the company when someone is deactivated, with an audit entry.",
  },
] as const;

type PointsSetting =
  | "defaultMonthlyAllowance"
  | "managerAllowancePerReport"
  | "managerAllowanceCeiling"
  | "minPointsPerRecognition"
  | "maxPointsPerRecognition";

function LockedPointValue({ value }: { value: PointValue }) {
  return (
    <div className="space-y-2" data-testid="point-value-locked">
      <p className="text-lg font-semibold tabular-nums">
        {formatPointsWithValue(value.points, value)}{" "}
        <span className="text-stone-500">({value.currency})</span>
      </p>
      <p className="text-sm text-stone-600">
        Points have been redeemed at this value, so it and the currency are locked: changing them would
        re-price rewards people have already received and bills already sent.
      </p>
    </div>
  );
}

export function SettingsForm({
  settings,
  timeZones,
  currencies,
  slack,
}: {
  settings: OrgSettingsView;
  timeZones: readonly string[];
  currencies: readonly string[];
  slack: { status: SlackStatus; justConnected: boolean };
}) {
  const form = useKeptForm(saveOrgSettings);
  const pointValue: PointValue = {
    points: settings.pointValuePoints,
    minor: settings.pointValueMinor,
    currency: settings.currency,
  };

  function pointsInput(setting: PointsSetting, min: number) {
    const error = form.error(setting);
    return (
      <input
        id={setting}
        name={setting}
        type="number"
        min={min}
        step={1}
        inputMode="numeric"
        defaultValue={form.kept(setting, String(settings[setting]))}
        className={inputClass}
        {...describedBy(setting, error)}
      />
    );
  }

  const savedNow = (setting: PointsSetting) => (
    <>
      Saved: <Points points={settings[setting]} value={pointValue} />
    </>
  );

  return (
    <form action={form.action} className="space-y-6">
      {/* Remounted after each submit and each saved change, so every field shows its right default. */}
      <div key={`${form.fieldsKey}:${JSON.stringify(settings)}`} className="space-y-6">
        <Panel title="Organization">
          <div className="grid gap-4 sm:grid-cols-2">
            <Field id="name" label="Name" error={form.error("name")}>
              <input
                id="name"
                name="name"
                type="text"
                autoComplete="organization"
                defaultValue={form.kept("name", settings.name)}
                className={inputClass}
                {...describedBy("name", form.error("name"))}
              />
            </Field>
            <Field
              id="timeZone"
              label="Time zone"
              hint="Months, allowances and bills follow the calendar in this zone."
              error={form.error("timeZone")}
            >
              <select
                id="timeZone"
                name="timeZone"
                defaultValue={form.kept("timeZone", settings.timeZone)}
                className={inputClass}
                {...describedBy("timeZone", form.error("timeZone"))}
              >
                {timeZones.map((zone) => (
                  <option key={zone} value={zone}>
                    {zone.replaceAll("_", " ")}
                  </option>
                ))}
              </select>
            </Field>
          </div>
        </Panel>

        <Panel
          title="Point value"
          description="What points are worth when people redeem them; the company pays rewards at this rate."
        >
          {settings.pointValueLocked ? (
            <LockedPointValue value={pointValue} />
          ) : (
            <PointValueFields
              currencies={currencies}
              defaults={{
                points: form.kept("pointValuePoints", String(settings.pointValuePoints)),
                money: form.kept(
                  "pointValueMoney",
                  moneyInputText(settings.pointValueMinor, settings.currency),
                ),
                currency: form.kept("currency", settings.currency),
              }}
              errors={{
                points: form.error("pointValuePoints"),
                money: form.error("pointValueMinor"),
                currency: form.error("currency"),
              }}
            />
          )}
        </Panel>

        <Panel title="Allowances" description="Giving budgets cost nothing until points are redeemed.">
          <div className="grid gap-4 sm:grid-cols-2">
            <Field
              id="defaultMonthlyAllowance"
              label="Monthly allowance per person"
              hint={savedNow("defaultMonthlyAllowance")}
              error={form.error("defaultMonthlyAllowance")}
            >
              {pointsInput("defaultMonthlyAllowance", 0)}
            </Field>
            <Field
              id="managerAllowancePerReport"
              label="Extra for managers, per direct report"
              hint={savedNow("managerAllowancePerReport")}
              error={form.error("managerAllowancePerReport")}
            >
              {pointsInput("managerAllowancePerReport", 0)}
            </Field>
            <Field
              id="managerAllowanceCeiling"
              label="Most a manager may set"
              hint={
                <>
                  {savedNow("managerAllowanceCeiling")}. As a monthly allowance or one boost; admins may go
                  past it after confirming.
                </>
              }
              error={form.error("managerAllowanceCeiling")}
            >
              {pointsInput("managerAllowanceCeiling", 0)}
            </Field>
          </div>
        </Panel>

        <Panel title="Recognitions">
          <div className="space-y-5">
            <div className="grid gap-4 sm:grid-cols-2">
              <Field
                id="minPointsPerRecognition"
                label="Fewest points per person thanked"
                hint={savedNow("minPointsPerRecognition")}
                error={form.error("minPointsPerRecognition")}
              >
                {pointsInput("minPointsPerRecognition", 1)}
              </Field>
              <Field
                id="maxPointsPerRecognition"
                label="Most points per person thanked"
                hint={savedNow("maxPointsPerRecognition")}
                error={form.error("maxPointsPerRecognition")}
              >
                {pointsInput("maxPointsPerRecognition", 1)}
              </Field>
            </div>
            <ChoiceGroup
              name="valuesMode"
              legend="Company values on recognitions"
              choices={VALUES_MODES}
              defaultValue={form.kept("valuesMode", settings.valuesMode)}
              error={form.error("valuesMode")}
            />
          </div>
        </Panel>

        <Panel title="Leavers">
          <ChoiceGroup
            name="leaverPolicy"
            legend="Earned points of people who are deactivated"
            choices={LEAVER_POLICIES}
            defaultValue={form.kept("leaverPolicy", settings.leaverPolicy)}
            error={form.error("leaverPolicy")}
          />
        </Panel>

        <CelebrationsPanel
          saved={settings}
          pointValue={pointValue}
          kept={(name, saved) => form.kept(name, saved)}
          error={(name) => form.error(name)}
        />

        <SlackPanel
          status={slack.status}
          justConnected={slack.justConnected}
          defaults={{
            channel: form.kept("slackRecognitionChannel", settings.slackRecognitionChannel ?? ""),
            // An unticked box sends nothing: after a refused submit, absent means unticked.
            autoProvision:
              form.kept(
                "slackAutoProvision",
                form.state.status === "error" ? "" : settings.slackAutoProvision ? "on" : "",
              ) === "on",
          }}
          errors={{
            channel: form.error("slackRecognitionChannel"),
            autoProvision: form.error("slackAutoProvision"),
          }}
        />
      </div>

      <div className="flex flex-wrap items-center gap-3">
        <SubmitButton pending="Saving…">Save settings</SubmitButton>
        <FormMessage {...form.message} />
      </div>
    </form>
  );
}
