"use client";

import { useEffect, useRef, useState } from "react";
import { buttonClass, inputClass, secondaryButtonClass } from "@/app/_components/styles";

/**
 * The owner's gift link: a bearer secret, so it lives only in this page's HTML, never in a URL, a log
 * or a referrer. Opening it sends no referrer; copying falls back to selecting it where the clipboard
 * is not available (a page served over plain HTTP).
 */
export function GiftLink({ href }: { href: string }) {
  const [copied, setCopied] = useState<"yes" | "select" | null>(null);
  const field = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (copied !== "yes") return;
    const timer = setTimeout(() => setCopied(null), 2500);
    return () => clearTimeout(timer);
  }, [copied]);

  async function copy() {
    try {
      await navigator.clipboard.writeText(href);
      setCopied("yes");
    } catch {
      field.current?.select();
      setCopied("select");
    }
  }

  return (
    <div className="space-y-3">
      <a
        href={href}
        target="_blank"
        rel="noopener noreferrer"
        referrerPolicy="no-referrer"
        className={`${buttonClass} w-full px-5 py-3 text-base sm:w-auto`}
      >
        Open your gift card
        <span aria-hidden="true">↗</span>
        <span className="sr-only">(opens in a new tab)</span>
      </a>
      <div className="flex gap-2">
        <label htmlFor="gift-link" className="sr-only">
          Your gift card's link
        </label>
        <input
          id="gift-link"
          ref={field}
          readOnly
          value={href}
          className={`${inputClass} font-mono text-xs`}
        />
        <button type="button" onClick={copy} className={`${secondaryButtonClass} shrink-0`}>
          {copied === "yes" ? "Copied" : "Copy link"}
        </button>
      </div>
      <p aria-live="polite" className="text-sm text-stone-600">
        {copied === "select"
          ? "Your browser wouldn't copy it: the link is selected, so copy it yourself."
          : "Keep it to yourself: anyone with the link can use the card."}
      </p>
    </div>
  );
}
