"use client";

import { useEffect, useRef, useState } from "react";
import { initials, tintFor } from "../../_recognitions/avatar";

/**
 * A reward's picture: the provider's image when there is one and it loads, else the brand's initials
 * on a tint of its own. The parent sizes it; both fill the box.
 */
export function BrandImage({ name, imageUrl }: { name: string; imageUrl: string | null }) {
  const [failed, setFailed] = useState(false);
  const image = useRef<HTMLImageElement>(null);

  // An image that failed before this component hydrated fired its error event with no one listening.
  useEffect(() => {
    const loaded = image.current;
    if (loaded?.complete && loaded.naturalWidth === 0) setFailed(true);
  }, []);

  if (!imageUrl || failed) {
    return (
      <div
        role="img"
        aria-label={name}
        className={`flex size-full items-center justify-center text-3xl font-bold tracking-tight ${tintFor(name)}`}
      >
        <span aria-hidden="true">{initials(name)}</span>
      </div>
    );
  }
  return (
    // biome-ignore lint/performance/noImgElement: provider images come from any host at their own sizes; next/image would proxy them.
    <img
      ref={image}
      src={imageUrl}
      alt={name}
      loading="lazy"
      decoding="async"
      onError={() => setFailed(true)}
      className="size-full object-contain"
    />
  );
}
