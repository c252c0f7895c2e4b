"use client";

import { type KeyboardEvent, type RefObject, useEffect, useRef, useState } from "react";
import type { ColleagueMatch } from "@/core/people/search-colleagues";
import { searchPeople } from "./actions";

const SEARCH_DELAY_MS = 150;

/**
 * A combobox that finds colleagues by name as the giver types and collects them as removable chips.
 * The chosen people travel with the form as `recipientIds` hidden inputs.
 */
export function PeoplePicker({
  id,
  chosen,
  onChosenChange,
  inputRef,
  ariaProps,
}: {
  id: string;
  chosen: ColleagueMatch[];
  onChosenChange: (people: ColleagueMatch[]) => void;
  inputRef: RefObject<HTMLInputElement | null>;
  /** aria-invalid and aria-describedby for the text box, from the field around it. */
  ariaProps: Record<string, unknown>;
}) {
  const [query, setQuery] = useState("");
  const [open, setOpen] = useState(false);
  const [matches, setMatches] = useState<ColleagueMatch[] | null>(null);
  /** Whether the last search, finding no one, matched the giver's own name. */
  const [matchedYou, setMatchedYou] = useState(false);
  const [activeIndex, setActiveIndex] = useState(0);
  /** Why the last search found nobody, when it failed or was refused. */
  const [problem, setProblem] = useState<string | null>(null);
  const latestSearch = useRef(0);
  const listboxId = `${id}-listbox`;

  useEffect(() => {
    if (!open) return;
    const search = ++latestSearch.current;
    const timer = setTimeout(async () => {
      const answer = await searchPeople(query).catch(() => null);
      // Answers can arrive out of order; only the latest search may fill the list.
      if (search !== latestSearch.current) return;
      setMatches(answer?.status === "ok" ? answer.found.people : []);
      setMatchedYou(answer?.status === "ok" && answer.found.matchesYou);
      if (!answer) setProblem("Searching didn't work. Check your connection and type again.");
      else setProblem(answer.status === "error" ? answer.message : null);
      setActiveIndex(0);
    }, SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [query, open]);

  const chosenIds = new Set(chosen.map((person) => person.id));
  const options = (matches ?? []).filter((person) => !chosenIds.has(person.id));
  const active = options[Math.min(activeIndex, options.length - 1)];
  const optionId = (person: ColleagueMatch) => `${id}-option-${person.id}`;

  function pick(person: ColleagueMatch) {
    onChosenChange([...chosen, person]);
    setQuery("");
    setOpen(false);
  }

  function remove(person: ColleagueMatch) {
    onChosenChange(chosen.filter((other) => other.id !== person.id));
    inputRef.current?.focus();
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    switch (event.key) {
      case "ArrowDown":
        event.preventDefault();
        if (!open) setOpen(true);
        else setActiveIndex((index) => Math.min(index + 1, options.length - 1));
        break;
      case "ArrowUp":
        event.preventDefault();
        setActiveIndex((index) => Math.max(index - 1, 0));
        break;
      case "Enter":
        // Enter picks a person; it submits the form only from an empty box.
        if (open && active) {
          event.preventDefault();
          pick(active);
        } else if (query.trim() !== "") {
          event.preventDefault();
        }
        break;
      case "Escape":
        if (open) {
          event.preventDefault();
          setOpen(false);
        } else if (query) {
          event.preventDefault();
          setQuery("");
        }
        break;
      case "Backspace": {
        const last = chosen.at(-1);
        if (query === "" && last) remove(last);
        break;
      }
    }
  }

  function emptyListNote(): string {
    if (problem) return problem;
    if (matches && matches.length > 0) return "Everyone who matches is already chosen.";
    if (matchedYou) return "That's you: you can't thank yourself. Type a colleague's name.";
    if (query.trim()) return `No colleague matches “${query.trim()}”.`;
    return "There is no one else here to thank yet.";
  }

  const showPopup = open && matches !== null;
  return (
    <div className="relative">
      {/* biome-ignore lint/a11y/noStaticElementInteractions: a click anywhere in the box focuses its text input, which is keyboard-reachable itself. */}
      {/* biome-ignore lint/a11y/useKeyWithClickEvents: as above; the keyboard lands on the input directly. */}
      <div
        onClick={() => inputRef.current?.focus()}
        className="flex min-h-11 w-full cursor-text flex-wrap items-center gap-1.5 rounded-lg border border-stone-300 bg-white px-2 py-1.5 shadow-sm focus-within:border-amber-600 focus-within:outline-2 focus-within:outline-offset-2 focus-within:outline-amber-600 has-[[aria-invalid=true]]:border-red-500"
      >
        {chosen.map((person) => (
          <span
            key={person.id}
            className="inline-flex items-center gap-1 rounded-full bg-amber-100 py-0.5 pr-1 pl-2.5 text-sm font-medium text-amber-900"
          >
            <input type="hidden" name="recipientIds" value={person.id} />
            {person.name}
            <button
              type="button"
              onClick={(event) => {
                event.stopPropagation();
                remove(person);
              }}
              aria-label={`Remove ${person.name}`}
              className="inline-flex size-5 items-center justify-center rounded-full text-amber-800 hover:bg-amber-200 outline-none focus-visible:outline-2 focus-visible:outline-amber-600"
            >
              <svg aria-hidden="true" viewBox="0 0 16 16" fill="currentColor" className="size-3">
                <path d="M4.28 3.22a.75.75 0 0 0-1.06 1.06L6.94 8l-3.72 3.72a.75.75 0 1 0 1.06 1.06L8 9.06l3.72 3.72a.75.75 0 1 0 1.06-1.06L9.06 8l3.72-3.72a.75.75 0 0 0-1.06-1.06L8 6.94 4.28 3.22z" />
              </svg>
            </button>
          </span>
        ))}
        <input
          id={id}
          ref={inputRef}
          type="text"
          role="combobox"
          autoComplete="off"
          maxLength={100}
          placeholder={chosen.length > 0 ? "Add someone else" : "Type a name"}
          aria-autocomplete="list"
          aria-expanded={showPopup}
          aria-controls={listboxId}
          aria-activedescendant={showPopup && active ? optionId(active) : undefined}
          value={query}
          onChange={(event) => {
            setQuery(event.target.value);
            setOpen(true);
          }}
          onFocus={() => setOpen(true)}
          onBlur={() => setOpen(false)}
          onKeyDown={onKeyDown}
          className="min-w-32 flex-1 border-0 bg-transparent px-1 py-1 text-sm outline-none placeholder:text-stone-500"
          {...ariaProps}
        />
      </div>
      <div
        hidden={!showPopup}
        className="absolute z-20 mt-1 w-full overflow-hidden rounded-lg border border-stone-200 bg-white shadow-lg"
      >
        <div id={listboxId} role="listbox" aria-label="Colleagues" className="max-h-72 overflow-y-auto py-1">
          {options.map((person) => {
            const isActive = person === active;
            return (
              // In a combobox the options are never focused: the text box keeps focus and names the
              // active option through aria-activedescendant, and its own keys pick it.
              // biome-ignore lint/a11y/useKeyWithClickEvents: see above.
              // biome-ignore lint/a11y/useFocusableInteractive: see above.
              <div
                key={person.id}
                id={optionId(person)}
                role="option"
                aria-selected={isActive}
                // Keeps focus in the text box, so the list stays open and the keyboard keeps working.
                onMouseDown={(event) => event.preventDefault()}
                onClick={() => pick(person)}
                onMouseEnter={() => setActiveIndex(options.indexOf(person))}
                className={`flex cursor-pointer items-baseline justify-between gap-3 px-3 py-2 text-sm ${
                  isActive ? "bg-amber-50 text-amber-950" : "text-stone-800"
                }`}
              >
                <span className="font-medium">{person.name}</span>
                <span className="truncate text-xs text-stone-500">{person.department ?? person.email}</span>
              </div>
            );
          })}
        </div>
        {options.length === 0 ? <p className="px-3 py-2 text-sm text-stone-500">{emptyListNote()}</p> : null}
      </div>
      <p className="sr-only" aria-live="polite">
        {showPopup ? `${options.length} ${options.length === 1 ? "colleague" : "colleagues"} found.` : ""}
      </p>
    </div>
  );
}
