import { RecognitionListSkeleton, TabsSkeleton } from "../../_recognitions/skeletons";

/** The history part of a profile while it loads; the layout above it shows the person already. */
export default function PersonHistoryLoading() {
  return (
    <div role="status" aria-live="polite" className="space-y-4">
      <span className="sr-only">Loading…</span>
      <div aria-hidden="true" className="h-6 w-32 animate-pulse rounded bg-stone-200" />
      <TabsSkeleton />
      <RecognitionListSkeleton count={3} />
    </div>
  );
}
