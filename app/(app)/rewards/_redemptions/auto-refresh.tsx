"use client";

import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";

const EVERY_MS = 3000;
/** Orders the provider answers at once settle within seconds; after this, background work takes over. */
const FOR_MS = 2 * 60_000;

/**
 * Reads the page again every few seconds while it is shown, so a pending order's outcome appears by
 * itself. It stops when the page stops rendering it (the status moved on), when the person leaves, and
 * after two minutes, saying so.
 */
export function AutoRefresh() {
  const router = useRouter();
  const [gaveUp, setGaveUp] = useState(false);
  useEffect(() => {
    const started = Date.now();
    const timer = setInterval(() => {
      if (Date.now() - started > FOR_MS) {
        clearInterval(timer);
        setGaveUp(true);
      } else if (document.visibilityState === "visible") {
        router.refresh();
      }
    }, EVERY_MS);
    return () => clearInterval(timer);
  }, [router]);
  return (
    <p className="text-sm text-stone-600">
      {gaveUp
        ? "This is taking longer than usual. Your points are held and nothing is lost: we keep trying in the background, so check back later."
        : "This page updates by itself."}
    </p>
  );
}
