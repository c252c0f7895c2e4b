"use client";

import { useEffect, useRef, useState, useTransition } from "react";
import { describedBy, Field } from "@/app/_components/form";
import { inputClass } from "@/app/_components/styles";
import { findManagers } from "../actions";
import type { ManagerOption } from "./person-form-data";

const SEARCH_DELAY_MS = 250;

/**
 * A select of managers (a native control, so keyboards and screen readers know it), with a search
 * beside it that refills the select for orgs too big to list in full. The chosen manager stays in the
 * list whatever the search shows.
 */
export function ManagerPicker({
  id,
  value,
  onChange,
  initialOptions,
  current,
  excludeId,
  error,
}: {
  id: string;
  value: string | null;
  onChange: (managerId: string | null) => void;
  /** The first active people by name, shown before any search. */
  initialOptions: readonly ManagerOption[];
  /** The saved manager, who may not be among the initial options (or may have left). */
  current: ManagerOption | null;
  /** The person being edited, who can't manage themself. */
  excludeId?: string;
  error?: string;
}) {
  const [query, setQuery] = useState("");
  const [matches, setMatches] = useState<readonly ManagerOption[]>(initialOptions);
  /** Why the last search was refused, shown where its count would be. */
  const [problem, setProblem] = useState<string | null>(null);
  const [chosen, setChosen] = useState<ManagerOption | null>(current);
  const [searching, startSearch] = useTransition();
  const latestQuery = useRef("");

  useEffect(() => {
    const text = query.trim();
    latestQuery.current = text;
    if (!text) {
      setMatches(initialOptions);
      setProblem(null);
      return;
    }
    const timer = setTimeout(() => {
      startSearch(async () => {
        const answer = await findManagers(text);
        // A slow answer to an earlier query must not replace the answer to the latest one.
        if (latestQuery.current !== text) return;
        if (answer.status === "ok") setMatches(answer.found);
        setProblem(answer.status === "error" ? answer.message : null);
      });
    }, SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [query, initialOptions]);

  const options = [
    ...(chosen ? [chosen] : []),
    ...matches.filter((option) => option.id !== chosen?.id),
  ].filter((option) => option.id !== excludeId);
  const searchId = `${id}-search`;

  return (
    <div className="space-y-2">
      <Field id={id} label="Manager" error={error}>
        <select
          id={id}
          name="managerId"
          value={value ?? ""}
          onChange={(event) => {
            const option = options.find((candidate) => candidate.id === event.target.value) ?? null;
            setChosen(option);
            onChange(option?.id ?? null);
          }}
          className={inputClass}
          {...describedBy(id, error)}
        >
          <option value="">No manager</option>
          {options.map((option) => (
            <option key={option.id} value={option.id}>
              {option.label}
            </option>
          ))}
        </select>
      </Field>
      <div className="space-y-1">
        <label htmlFor={searchId} className="block text-sm text-stone-600">
          Not in the list? Search active people by name or email
        </label>
        <input
          id={searchId}
          type="search"
          value={query}
          maxLength={200}
          autoComplete="off"
          onChange={(event) => setQuery(event.target.value)}
          // Enter in the search box would submit the whole person form.
          onKeyDown={(event) => {
            if (event.key === "Enter") event.preventDefault();
          }}
          className={inputClass}
          aria-describedby={`${searchId}-status`}
        />
        <p id={`${searchId}-status`} aria-live="polite" className="text-sm text-stone-500">
          {searching
            ? "Searching…"
            : (problem ??
              (query.trim()
                ? `${matches.length} ${matches.length === 1 ? "match" : "matches"} in the Manager list above.`
                : ""))}
        </p>
      </div>
    </div>
  );
}
