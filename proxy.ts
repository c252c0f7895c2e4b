import { type NextRequest, NextResponse } from "next/server";

// Auth.js names its cookie with a __Secure- prefix when served over HTTPS.
const SESSION_COOKIES = ["authjs.session-token", "__Secure-authjs.session-token"];

/**
 * Sends signed-out visitors to the sign-in page before a page renders. It only looks for the session
 * cookie: whether the session is valid, and what the person may do, is decided by the page and core.
 */
export function proxy(request: NextRequest) {
  if (SESSION_COOKIES.some((name) => request.cookies.has(name))) return NextResponse.next();
  const signIn = new URL("/signin", request.url);
  const target = request.nextUrl.pathname + request.nextUrl.search;
  if (target !== "/") signIn.searchParams.set("callbackUrl", target);
  return NextResponse.redirect(signIn);
}

export const config = {
  // Pages only: the sign-in pages, the outage page, Auth.js, the APIs (which answer 401 themselves) and assets
  // pass through.
  matcher: ["/((?!signin|unavailable|api/|_next/|favicon\\.ico|.*\\.(?:png|svg|ico|txt)$).*)"],
};
