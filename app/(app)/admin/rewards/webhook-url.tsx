"use client";

import { useState } from "react";
import { secondaryButtonClass } from "@/app/_components/styles";

/** The address to register with Tremendous for its webhooks, shown whole (it wraps on a phone) to copy. */
export function WebhookUrl({ url }: { url: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <div className="space-y-1">
      <p className="text-sm font-medium text-stone-800">Webhook URL</p>
      <div className="flex flex-wrap items-center gap-2">
        <code className="min-w-0 flex-[1_1_16rem] rounded-lg border border-stone-300 bg-white px-3 py-2 font-mono text-sm break-all select-all">
          {url}
        </code>
        <button
          type="button"
          className={secondaryButtonClass}
          onClick={() => {
            void navigator.clipboard?.writeText(url).then(() => setCopied(true));
          }}
        >
          {copied ? "Copied" : "Copy"}
        </button>
      </div>
      <p className="text-sm text-stone-500">
        Add it in Tremendous under Team settings &gt; Developers &gt; Webhooks, so Plaudit hears at once when
        an order is approved or a delivery fails.
      </p>
    </div>
  );
}
