import { TabsSkeleton } from "../../_recognitions/skeletons";

/** The catalog's shape while it loads: the header, the balance, the tabs and a grid of cards. */
export default function RewardsLoading() {
  return (
    <div role="status" aria-live="polite" className="space-y-6">
      <span className="sr-only">Loading…</span>
      <div aria-hidden="true" className="space-y-2">
        <div className="h-8 w-40 animate-pulse rounded bg-stone-200" />
        <div className="h-4 w-96 max-w-full animate-pulse rounded bg-stone-100" />
      </div>
      <div aria-hidden="true" className="h-16 animate-pulse rounded-xl bg-amber-50" />
      <TabsSkeleton count={4} />
      <ul aria-hidden="true" className="grid grid-cols-2 gap-3 sm:grid-cols-3 sm:gap-4 lg:grid-cols-4">
        {Array.from({ length: 8 }, (_, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: placeholders have no identity.
          <li key={index} className="overflow-hidden rounded-xl border border-stone-200 bg-white">
            <div className="aspect-[8/5] animate-pulse bg-stone-100" />
            <div className="space-y-2 p-4">
              <div className="h-4 w-3/4 animate-pulse rounded bg-stone-200" />
              <div className="h-3 w-1/2 animate-pulse rounded bg-stone-100" />
            </div>
          </li>
        ))}
      </ul>
    </div>
  );
}
