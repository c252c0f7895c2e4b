import { forbidden } from "next/navigation";
import type { ReactNode } from "react";
import { signedIn } from "@/app/_lib/viewer";
import { can } from "@/core/shared/permissions";

/**
 * Refusing here, before the page's loading state streams, is what makes an employee's answer a real
 * 403; the page's use case still checks its own action.
 */
export default async function AnalyticsLayout({ children }: { children: ReactNode }) {
  if (!can((await signedIn()).actor, "view_analytics")) forbidden();
  return children;
}
