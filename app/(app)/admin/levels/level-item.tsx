"use client";

import { FormMessage, SubmitButton } from "@/app/_components/form";
import { Points } from "@/app/_components/points";
import type { LevelSummary } from "@/core/levels/list-levels";
import type { PointValue } from "@/core/shared/money";
import { LevelBadge } from "../../_recognitions/level-badge";
import { ConfirmForm } from "../_components/confirm-form";
import { EditableItem } from "../_components/editable-item";
import { HiddenFields } from "../_components/hidden-fields";
import { useKeptForm } from "../_components/use-kept-form";
import { editLevel, removeLevelAction } from "./actions";
import { LevelFields } from "./level-fields";

function LevelEditor({ level, id }: { level: LevelSummary; id: string }) {
  const form = useKeptForm(editLevel);
  const grant = level.grantPoints === null ? "" : String(level.grantPoints);
  return (
    <form id={id} action={form.action} className="mt-4 space-y-4 border-t border-stone-200 pt-4">
      <HiddenFields fields={{ levelId: level.id }} />
      <LevelFields
        key={`${form.fieldsKey}:${level.name}:${level.threshold}:${grant}`}
        idPrefix={`level-${level.id}`}
        defaults={{
          name: form.kept("name", level.name),
          threshold: form.kept("threshold", String(level.threshold)),
          grantPoints: form.kept("grantPoints", grant),
        }}
        errors={{
          name: form.error("name"),
          threshold: form.error("threshold"),
          grantPoints: form.error("grantPoints"),
        }}
      />
      <p className="text-sm text-stone-500">
        Whoever reached the level keeps that. A new grant is paid to those who reach it from now on.
      </p>
      <div className="flex flex-wrap items-center gap-3">
        <SubmitButton pending="Saving…">Save</SubmitButton>
        <FormMessage {...form.message} />
      </div>
    </form>
  );
}

const people = (count: number) =>
  `${new Intl.NumberFormat("en-US").format(count)} ${count === 1 ? "person" : "people"}`;

/** A level of the ladder: what it takes and grants, who reached it, an editor in place and removal. */
export function LevelItem({ level, pointValue }: { level: LevelSummary; pointValue: PointValue }) {
  return (
    <li className="py-4 first:pt-0 last:pb-0">
      <EditableItem
        name={level.name}
        summary={
          <>
            <p className="flex flex-wrap items-center gap-2 font-semibold break-words">
              <LevelBadge level={level} />
            </p>
            <p className="mt-1 text-sm text-stone-700">
              From <Points points={level.threshold} value={pointValue} /> received
            </p>
            <p className="text-sm text-stone-600">
              {level.grantPoints === null ? (
                "No grant"
              ) : (
                <>
                  Grant: <Points points={level.grantPoints} value={pointValue} />, once
                </>
              )}
            </p>
            <p className="text-sm text-stone-500">
              {level.reachedBy === 0 ? "Nobody has reached it yet" : `Reached by ${people(level.reachedBy)}`}
            </p>
          </>
        }
        retire={
          <ConfirmForm
            action={removeLevelAction}
            fields={{ levelId: level.id }}
            triggerLabel="Remove"
            triggerAccessibleLabel={`Remove ${level.name}`}
            title={`Remove ${level.name}?`}
            confirmLabel="Remove level"
            pendingLabel="Removing…"
          >
            <p>
              Nobody will show {level.name} any more, and the record of who reached it goes with it. Grants it
              paid stay paid, and count as points received from now on.
            </p>
          </ConfirmForm>
        }
        editor={(id) => <LevelEditor level={level} id={id} />}
      />
    </li>
  );
}
