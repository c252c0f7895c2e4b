import type { ReactNode } from "react";

function RecognitionSkeleton() {
  return (
    <li className="flex gap-4 rounded-xl border border-stone-200 bg-white p-5 shadow-sm">
      <div className="size-10 shrink-0 animate-pulse rounded-full bg-stone-200" />
      <div className="flex-1 space-y-3">
        <div className="h-4 w-2/3 animate-pulse rounded bg-stone-200" />
        <div className="h-4 w-full animate-pulse rounded bg-stone-100" />
        <div className="h-3 w-1/3 animate-pulse rounded bg-stone-100" />
      </div>
    </li>
  );
}

/** Placeholder cards shaped like a recognition list, while its page loads. */
export function RecognitionListSkeleton({ count = 4 }: { count?: number }) {
  return (
    <ul aria-hidden="true" className="space-y-3">
      {Array.from({ length: count }, (_, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: placeholders have no identity.
        <RecognitionSkeleton key={index} />
      ))}
    </ul>
  );
}

/** The loading wrapper every skeleton shares: announced once, then the shapes. */
export function LoadingPage({ children }: { children: ReactNode }) {
  return (
    <div role="status" aria-live="polite" className="mx-auto max-w-3xl space-y-6">
      <span className="sr-only">Loading…</span>
      <div className="space-y-2">
        <div className="h-8 w-56 animate-pulse rounded bg-stone-200" />
        <div className="h-4 w-80 max-w-full animate-pulse rounded bg-stone-100" />
      </div>
      {children}
    </div>
  );
}

/** Placeholder pills where a row of view switches will be. */
export function TabsSkeleton({ count = 3 }: { count?: number }) {
  return (
    <div aria-hidden="true" className="flex gap-2">
      {Array.from({ length: count }, (_, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: placeholders have no identity.
        <div key={index} className="h-8 w-24 animate-pulse rounded-full bg-stone-200" />
      ))}
    </div>
  );
}

/** Placeholder rows shaped like a ranked table. */
export function RankedRowsSkeleton({ count = 6 }: { count?: number }) {
  return (
    <div aria-hidden="true" className="space-y-4 rounded-xl border border-stone-200 bg-white p-5 shadow-sm">
      {Array.from({ length: count }, (_, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: placeholders have no identity.
        <div key={index} className="flex items-center gap-4">
          <div className="size-8 animate-pulse rounded-full bg-stone-200" />
          <div className="h-4 flex-1 animate-pulse rounded bg-stone-100" />
          <div className="h-4 w-28 animate-pulse rounded bg-stone-200" />
        </div>
      ))}
    </div>
  );
}
