import { redirect } from "next/navigation";
import { cache } from "react";
import { type Balances, getBalances } from "@/core/giving/get-balances";
import { loadViewer, type Viewer } from "@/core/sign-in/load-viewer";
import { type Database, getDb } from "@/db/client";
import { auth } from "./auth";
import { awaitDatabase } from "./unavailable";

/** What a page or server action needs for its core calls, `(db, actor, input)`, beside the viewer's own details. */
export interface SignedIn extends Viewer {
  db: Database;
}

/**
 * The person this request acts as, with the database to act on. Signed-out visitors go to the sign-in
 * page; a person deactivated since signing in gets the page that says so. Cached per request, so a
 * layout and its page share one lookup.
 */
export const signedIn = cache(async (): Promise<SignedIn> => {
  const session = await auth();
  if (!session?.personId) redirect("/signin");
  const db = getDb();
  const viewer = await awaitDatabase(loadViewer(db, session.personId));
  if (!viewer) redirect("/signin/refused?reason=deactivated");
  return { ...viewer, db };
});

/** The viewer's own balances, read once per request: the header shows them and the give form counts on them. */
export const viewerBalances = cache(async (): Promise<Balances> => {
  const { db, actor } = await signedIn();
  return awaitDatabase(getBalances(db, actor));
});
