import type { ReactNode } from "react";
import { secondaryButtonClass } from "@/app/_components/styles";
import { ActionButton } from "./action-button";
import type { ServerFormAction } from "./use-kept-form";

/** A retired item, greyed, with what there is to say about it and a button to restore it. */
export function RetiredItem({
  name,
  children,
  restore,
  fields,
}: {
  name: string;
  children: ReactNode;
  restore: ServerFormAction;
  /** The ids the restore action is sent. */
  fields: Record<string, string>;
}) {
  return (
    <li className="flex flex-wrap items-start justify-between gap-3 py-4 first:pt-0 last:pb-0">
      <div className="min-w-0 text-stone-600">
        <p className="font-semibold break-words">{name}</p>
        {children}
      </div>
      <ActionButton
        action={restore}
        fields={fields}
        label="Restore"
        accessibleLabel={`Restore ${name}`}
        pendingLabel="Restoring…"
        className={secondaryButtonClass}
      />
    </li>
  );
}
