"use client";

import type { ReactNode } from "react";
import { useFormStatus } from "react-dom";

/** A submit button in any of the shared styles that says what it is doing while its form submits. */
export function PendingButton({
  className,
  pending,
  children,
  ...rest
}: {
  className: string;
  pending: ReactNode;
  children: ReactNode;
  "aria-label"?: string;
}) {
  const status = useFormStatus();
  return (
    <button
      type="submit"
      className={className}
      disabled={status.pending}
      aria-busy={status.pending}
      {...rest}
    >
      {status.pending ? pending : children}
    </button>
  );
}
