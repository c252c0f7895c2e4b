import { auth } from "@/app/_lib/auth";
import { loadViewer, type Viewer } from "@/core/sign-in/load-viewer";
import { getDb } from "@/db/client";

export function redirectTo(url: URL | string): Response {
  return new Response(null, { status: 302, headers: { location: String(url), "cache-control": "no-store" } });
}

/**
 * The person signed in to this browser, read fresh, or where to send the browser instead: signed-out
 * visitors to the sign-in page (coming back to this very request), people deactivated since signing in to
 * the page that says so, as every page does. (`signedIn()` answers a page by redirecting, which a route
 * handler's caller would see as a thrown error rather than a response.)
 */
export async function viewerOrRedirect(request: Request, origin: string): Promise<Viewer | Response> {
  const session = await auth();
  if (!session?.personId) {
    const { pathname, search } = new URL(request.url);
    const signIn = new URL("/signin", origin);
    signIn.searchParams.set("callbackUrl", pathname + search);
    return redirectTo(signIn);
  }
  const viewer = await loadViewer(getDb(), session.personId);
  return viewer ?? redirectTo(new URL("/signin/refused?reason=deactivated", origin));
}
