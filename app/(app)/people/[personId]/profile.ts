import { cache } from "react";
import { guarded } from "@/app/_lib/page-guard";
import { signedIn } from "@/app/_lib/viewer";
import { getPersonProfile } from "@/core/feed/get-person-profile";

/**
 * A colleague's profile, read once per request for the layout and the page. Another org's id, a missing
 * one or a malformed one renders the 404 page.
 */
export const loadProfile = cache(async (personId: string) => {
  const { db, actor } = await signedIn();
  return guarded(getPersonProfile(db, actor, { personId }));
});
