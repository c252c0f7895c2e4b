"use client";

import { type ReactNode, useEffect, useRef } from "react";

/**
 * A row of tabs that scrolls sideways on a phone, scrolled so that the current tab shows: a tab cut
 * off at the edge would hide where the reader is.
 */
export function TabStrip({
  label,
  className,
  children,
}: {
  label: string;
  className: string;
  children: ReactNode;
}) {
  const strip = useRef<HTMLElement>(null);
  useEffect(() => {
    const current = strip.current?.querySelector<HTMLElement>('[aria-current="page"]');
    const container = strip.current;
    if (!current || !container || container.scrollWidth <= container.clientWidth) return;
    container.scrollLeft = current.offsetLeft - (container.clientWidth - current.offsetWidth) / 2;
  });
  return (
    // The strip is the containing block of its tabs' screen-reader text, so none of it widens the page.
    <nav ref={strip} aria-label={label} className={`relative overflow-x-auto ${className}`}>
      {children}
    </nav>
  );
}
