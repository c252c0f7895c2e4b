/** What an admin page looks like while its data loads: a title and a few panels of grey lines. */
export function PageSkeleton({ panels = 2, rows = 3 }: { panels?: number; rows?: number }) {
  return (
    <div role="status" aria-live="polite" className="space-y-6">
      <span className="sr-only">Loading…</span>
      <div className="space-y-2">
        <div className="h-7 w-48 animate-pulse rounded bg-stone-200" />
        <div className="h-4 w-72 max-w-full animate-pulse rounded bg-stone-200/70" />
      </div>
      {Array.from({ length: panels }, (_, panel) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: placeholders have no identity but their position
        <div key={panel} className="space-y-3 rounded-xl border border-stone-200 bg-white p-5 shadow-sm">
          <div className="h-5 w-40 animate-pulse rounded bg-stone-200" />
          {Array.from({ length: rows }, (_, row) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: placeholders have no identity but their position
            <div key={row} className="h-9 animate-pulse rounded bg-stone-100" />
          ))}
        </div>
      ))}
    </div>
  );
}
