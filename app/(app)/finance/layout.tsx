import { forbidden } from "next/navigation";
import type { ReactNode } from "react";
import { signedIn } from "@/app/_lib/viewer";
import { can } from "@/core/shared/permissions";
import { FinanceNav } from "./_components/finance-nav";

/**
 * The finance area's frame. Refusing here, before any page's loading state streams, is what makes the
 * answer a real 403; each page's use case still checks its own action.
 */
export default async function FinanceLayout({ children }: { children: ReactNode }) {
  if (!can((await signedIn()).actor, "open_finance_area")) forbidden();
  return (
    <div className="space-y-6">
      <FinanceNav />
      <div className="min-w-0">{children}</div>
    </div>
  );
}
