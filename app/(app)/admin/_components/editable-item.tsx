"use client";

import { type ReactNode, useId, useState } from "react";
import { secondaryButtonClass } from "@/app/_components/styles";

/**
 * A list item an admin can change: what it is, an editor that opens in place below it, and the way to
 * retire it (behind its own confirmation).
 */
export function EditableItem({
  name,
  summary,
  retire,
  editor,
}: {
  /** How the item is named to screen readers: "Edit #ownership". */
  name: string;
  summary: ReactNode;
  retire: ReactNode;
  /** The editor's form, given the id the Edit button controls. */
  editor: (id: string) => ReactNode;
}) {
  const [editing, setEditing] = useState(false);
  const editorId = useId();
  return (
    <>
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="min-w-0">{summary}</div>
        <div className="flex flex-wrap gap-2">
          <button
            type="button"
            className={secondaryButtonClass}
            aria-expanded={editing}
            aria-controls={editing ? editorId : undefined}
            aria-label={`${editing ? "Close editor for" : "Edit"} ${name}`}
            onClick={() => setEditing(!editing)}
          >
            {editing ? "Close" : "Edit"}
          </button>
          {retire}
        </div>
      </div>
      {editing ? editor(editorId) : null}
    </>
  );
}
