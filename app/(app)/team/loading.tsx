export default function Loading() {
  return (
    <div role="status" aria-live="polite" className="space-y-6">
      <span className="sr-only">Loading your team…</span>
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div className="space-y-2">
          <div className="h-8 w-40 animate-pulse rounded bg-stone-200" />
          <div className="h-4 w-64 animate-pulse rounded bg-stone-200/70" />
        </div>
        <div className="h-10 w-72 animate-pulse rounded-lg bg-stone-200/70" />
      </div>
      <div className="space-y-3 rounded-xl border border-stone-200 bg-white p-5">
        <div className="h-5 w-48 animate-pulse rounded bg-stone-200" />
        <div className="h-10 w-full max-w-md animate-pulse rounded-lg bg-stone-200/70" />
        {["first", "second", "third", "fourth"].map((row) => (
          <div key={row} className="h-12 animate-pulse rounded bg-stone-100" />
        ))}
      </div>
      <div className="h-40 animate-pulse rounded-xl bg-stone-200/70" />
    </div>
  );
}
