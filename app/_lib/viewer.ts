import { redirect } from "next/navigation";
import { cache } from "react";
import { type Balances, getBalances } from "@/core/giving/get-balances";
import { loadViewer, type Viewer } from "@/core/sign-in/load-viewer";
import { getDb } from "@/db/client";
import { auth } from "./auth";

/**
 * The person this request acts as. Signed-out visitors go to the sign-in page; a person deactivated
 * since signing in gets the page that says so. Cached per request, so a layout and its page share it.
 */
export const requireViewer = cache(async (): Promise<Viewer> => {
  const session = await auth();
  if (!session?.personId) redirect("/signin");
  const viewer = await loadViewer(getDb(), session.personId);
  if (!viewer) redirect("/signin/refused?reason=deactivated");
  return viewer;
});

/** The viewer's own balances, read once per request: the header shows them and the give form counts on them. */
export const viewerBalances = cache(async (): Promise<Balances> => {
  const viewer = await requireViewer();
  return getBalances(getDb(), viewer.actor);
});
