import { forbidden } from "next/navigation";
import type { ReactNode } from "react";
import { signedIn } from "@/app/_lib/viewer";
import { can } from "@/core/shared/permissions";

/** Refuses before the page's loading state streams, so the answer is a real 403; listTeam checks again. */
export default async function TeamLayout({ children }: { children: ReactNode }) {
  if (!can((await signedIn()).actor, "read_team")) forbidden();
  return children;
}
