"use client";

import Link from "next/link";
import { useState } from "react";
import { LabelledCell } from "@/app/_components/labelled-cell";
import { Points } from "@/app/_components/points";
import { checkboxClass, linkClass, secondaryButtonClass } from "@/app/_components/styles";
import type { TeamMember } from "@/core/allowances/list-team";
import { formatPoints, type PointValue } from "@/core/shared/money";
import { AllowanceForm } from "./allowance-form";
import { BoostDialog } from "./boost-dialog";

/**
 * The reports with this month's figures, a tick per row for setting allowances in bulk, and a boost
 * per row.
 */
export function TeamTable({
  members,
  pointValue,
  showManager,
  boostKey,
}: {
  members: TeamMember[];
  pointValue: PointValue;
  /** Only when indirect reports are listed; for direct ones the manager is the viewer. */
  showManager: boolean;
  boostKey: string;
}) {
  const [selected, setSelected] = useState<ReadonlySet<string>>(() => new Set());
  const [boostTargetId, setBoostTargetId] = useState<string | null>(null);
  // Ticks of people no longer listed (after a switch of scope or a refresh) do not count.
  const selectedIds = members.filter((member) => selected.has(member.id)).map((member) => member.id);
  const allSelected = members.length > 0 && selectedIds.length === members.length;
  const boostTarget = members.find((member) => member.id === boostTargetId);

  function toggle(id: string, checked: boolean) {
    setSelected((current) => {
      const next = new Set(current);
      if (checked) next.add(id);
      else next.delete(id);
      return next;
    });
  }

  return (
    <div className="space-y-5">
      <AllowanceForm selectedIds={selectedIds} onSaved={() => setSelected(new Set())} />
      <div className="border-t border-stone-100 pt-4">
        <label className="inline-flex items-center gap-2 text-sm font-medium text-stone-800">
          <input
            type="checkbox"
            className={checkboxClass}
            checked={allSelected}
            ref={(input) => {
              if (input) input.indeterminate = selectedIds.length > 0 && !allSelected;
            }}
            onChange={(event) =>
              setSelected(event.target.checked ? new Set(members.map((member) => member.id)) : new Set())
            }
          />
          Select all
        </label>
      </div>
      <div className="relative lg:overflow-x-auto">
        <table className="block w-full text-sm lg:table">
          <caption className="sr-only">Your reports this month</caption>
          <thead className="hidden text-left text-xs font-medium tracking-wide text-stone-500 uppercase lg:table-header-group">
            <tr>
              <th scope="col" className="w-10 px-3 py-2">
                <span className="sr-only">Select</span>
              </th>
              <th scope="col" className="px-3 py-2">
                Name
              </th>
              <th scope="col" className="px-3 py-2">
                Department
              </th>
              {showManager ? (
                <th scope="col" className="px-3 py-2">
                  Manager
                </th>
              ) : null}
              <th scope="col" className="px-3 py-2 text-right">
                Allowance
              </th>
              <th scope="col" className="px-3 py-2 text-right">
                Given
              </th>
              <th scope="col" className="px-3 py-2 text-right">
                Left to give
              </th>
              <th scope="col" className="px-3 py-2 text-right">
                Received
              </th>
              <th scope="col" className="px-3 py-2">
                <span className="sr-only">Boost</span>
              </th>
            </tr>
          </thead>
          <tbody className="flex flex-col gap-3 lg:table-row-group">
            {members.map((member) => {
              const isSelected = selected.has(member.id);
              return (
                <tr
                  key={member.id}
                  className={`flex flex-wrap items-center rounded-lg border p-4 lg:table-row lg:rounded-none lg:border-0 lg:border-t lg:p-0 ${
                    isSelected ? "border-amber-300 bg-amber-50" : "border-stone-200 lg:border-stone-100"
                  }`}
                >
                  <td className="pr-3 lg:table-cell lg:px-3 lg:py-3">
                    <input
                      type="checkbox"
                      className={checkboxClass}
                      aria-label={`Select ${member.name}`}
                      checked={isSelected}
                      onChange={(event) => toggle(member.id, event.target.checked)}
                    />
                  </td>
                  <th
                    scope="row"
                    className="min-w-0 flex-1 pb-2 text-left font-normal lg:table-cell lg:px-3 lg:py-3"
                  >
                    <Link href={`/people/${member.id}`} className={`${linkClass} font-semibold`}>
                      {member.name}
                    </Link>
                  </th>
                  <LabelledCell label="Department">{member.department ?? "—"}</LabelledCell>
                  {showManager ? (
                    <LabelledCell label="Manager">
                      {member.isDirect ? "You" : (member.managerName ?? "—")}
                    </LabelledCell>
                  ) : null}
                  <LabelledCell label="Allowance this month" numeric>
                    <Points points={member.allowance.total} value={pointValue} />
                    {member.allowance.override === null ? null : (
                      <span className="ml-1 text-xs text-amber-800">(custom)</span>
                    )}
                    {member.allowance.boosted > 0 ? (
                      <span className="block text-xs text-stone-600">
                        incl. {formatPoints(member.allowance.boosted)} boost
                      </span>
                    ) : null}
                  </LabelledCell>
                  <LabelledCell label="Given" numeric>
                    <Points points={member.allowance.given} value={pointValue} />
                  </LabelledCell>
                  <LabelledCell label="Left to give" numeric>
                    <Points points={member.allowance.remaining} value={pointValue} />
                  </LabelledCell>
                  <LabelledCell label="Received this month" numeric>
                    <Points points={member.receivedThisMonth} value={pointValue} />
                  </LabelledCell>
                  <td className="w-full pt-3 lg:table-cell lg:w-auto lg:px-3 lg:py-3 lg:text-right">
                    <button
                      type="button"
                      onClick={() => setBoostTargetId(member.id)}
                      aria-haspopup="dialog"
                      aria-label={`Boost ${member.name}'s allowance`}
                      className={secondaryButtonClass}
                    >
                      Boost
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <BoostDialog
        target={
          boostTarget
            ? { id: boostTarget.id, name: boostTarget.name, remaining: boostTarget.allowance.remaining }
            : null
        }
        onClose={() => setBoostTargetId(null)}
        pointValue={pointValue}
        idempotencyKey={boostKey}
      />
    </div>
  );
}
