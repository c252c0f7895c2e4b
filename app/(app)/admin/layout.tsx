import { forbidden } from "next/navigation";
import type { ReactNode } from "react";
import { signedIn } from "@/app/_lib/viewer";
import { can } from "@/core/shared/permissions";
import { AdminNav } from "./_components/admin-nav";
import { redemptionQueueCounts } from "./rewards/_components/queue-counts";

/**
 * The admin area's frame. Refusing here, before any page's loading state streams, is what makes the
 * answer a real 403; each page's use case still checks its own action.
 */
export default async function AdminLayout({ children }: { children: ReactNode }) {
  if (!can((await signedIn()).actor, "open_admin_area")) forbidden();
  const waiting = await redemptionQueueCounts();
  return (
    <div className="grid grid-cols-1 gap-6 md:grid-cols-[11rem_minmax(0,1fr)] md:gap-8">
      <aside className="md:pt-1">
        <p className="mb-2 hidden px-3 text-xs font-semibold tracking-wide text-stone-500 uppercase md:block">
          Admin
        </p>
        <AdminNav
          waiting={
            waiting ? { "/admin/rewards": waiting.approvals + waiting.fulfilment + waiting.attention } : {}
          }
        />
      </aside>
      <div className="min-w-0">{children}</div>
    </div>
  );
}
