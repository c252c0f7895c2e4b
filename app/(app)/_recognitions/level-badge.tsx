import type { LevelBadge as Level } from "@/core/levels/current-levels";

// Whole class names, so Tailwind finds them; each pair is of AA contrast. Past the fourth, the last.
const TINTS = [
  "bg-orange-100 text-orange-900 ring-orange-300",
  "bg-slate-100 text-slate-800 ring-slate-300",
  "bg-yellow-100 text-yellow-900 ring-yellow-400",
  "bg-violet-100 text-violet-900 ring-violet-300",
];

/** A person's level beside their name: its name on a tint that rises with its place on the ladder. */
export function LevelBadge({ level }: { level: Level }) {
  const tint = TINTS[Math.min(level.number, TINTS.length) - 1];
  return (
    <span
      className={`inline-flex items-center gap-1 rounded-full px-2 py-0.5 text-xs font-medium whitespace-nowrap ring-1 ring-inset ${tint}`}
    >
      <svg aria-hidden="true" viewBox="0 0 20 20" fill="currentColor" className="size-3">
        <path d="M10 1.5l2.47 5.01 5.53.8-4 3.9.94 5.5L10 14.1l-4.94 2.6.94-5.5-4-3.9 5.53-.8L10 1.5z" />
      </svg>
      <span className="sr-only">Level: </span>
      {level.name}
    </span>
  );
}
