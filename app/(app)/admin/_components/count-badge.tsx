/** How many things wait behind a link, read out as "3 waiting"; nothing when none do. */
export function CountBadge({
  count,
  label,
  tone = "amber",
}: {
  count: number;
  label: string;
  tone?: "amber" | "red";
}) {
  if (count <= 0) return null;
  const colours = tone === "red" ? "bg-red-100 text-red-800" : "bg-amber-200 text-amber-900";
  return (
    <span className={`rounded-full px-1.5 text-xs font-semibold tabular-nums ${colours}`}>
      {count > 99 ? "99+" : count}
      <span className="sr-only"> {label}</span>
    </span>
  );
}
