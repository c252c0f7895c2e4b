// Whole class names, so Tailwind finds them when it scans this file.
const TINTS = [
  "bg-amber-100 text-amber-800",
  "bg-emerald-100 text-emerald-800",
  "bg-sky-100 text-sky-800",
  "bg-rose-100 text-rose-800",
  "bg-violet-100 text-violet-800",
  "bg-lime-100 text-lime-800",
  "bg-orange-100 text-orange-800",
  "bg-teal-100 text-teal-800",
];

export function initials(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  const first = words[0]?.[0] ?? "?";
  const last = words.length > 1 ? (words.at(-1)?.[0] ?? "") : "";
  return `${first}${last}`.toUpperCase();
}

/** Background and text classes that stay the same for `key` everywhere, all of AA contrast. */
export function tintFor(key: string): string {
  let hash = 0;
  for (const character of key) hash = (hash * 31 + character.charCodeAt(0)) >>> 0;
  return TINTS[hash % TINTS.length] ?? "bg-stone-100 text-stone-800";
}

/** A person's initials on a colour that stays the same for them everywhere. */
export function Avatar({ id, name, size = "md" }: { id: string; name: string; size?: "md" | "lg" }) {
  const tint = tintFor(id);
  const dimensions = size === "lg" ? "size-14 text-lg" : "size-10 text-sm";
  return (
    <span
      aria-hidden="true"
      className={`inline-flex shrink-0 items-center justify-center rounded-full font-semibold ${dimensions} ${tint}`}
    >
      {initials(name)}
    </span>
  );
}

/** A round icon where a giver's avatar would be, for feed items that no colleague gave. */
function IconBadge({ tint, path }: { tint: string; path: string }) {
  return (
    <span
      aria-hidden="true"
      className={`inline-flex size-10 shrink-0 items-center justify-center rounded-full ${tint}`}
    >
      <svg aria-hidden="true" viewBox="0 0 20 20" fill="currentColor" className="size-5">
        <path d={path} />
      </svg>
    </span>
  );
}

/** On points the company granted: a star. */
export function CompanyAwardBadge() {
  return (
    <IconBadge
      tint="bg-amber-700 text-white"
      path="M10 1.5l2.47 5.01 5.53.8-4 3.9.94 5.5L10 14.1l-4.94 2.6.94-5.5-4-3.9 5.53-.8L10 1.5z"
    />
  );
}

/** On a donation shared in the feed: a heart. */
export function DonationBadge() {
  return (
    <IconBadge
      tint="bg-rose-100 text-rose-700"
      path="M10 17.5l-1.1-1C4.6 12.7 2 10.3 2 7.3 2 4.9 3.9 3 6.3 3c1.4 0 2.7.6 3.7 1.7C11 3.6 12.3 3 13.7 3 16.1 3 18 4.9 18 7.3c0 3-2.6 5.4-6.9 9.2l-1.1 1z"
    />
  );
}
