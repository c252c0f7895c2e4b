import { randomBytes } from "node:crypto";
import { type NextRequest, NextResponse } from "next/server";
import { API_V1_PREFIX, unmatchedApiRequest } from "@/app/_lib/api/unmatched-request";
import {
  contentSecurityPolicy,
  type ResponseSecurity,
  rewardImageOrigins,
  securityHeaders,
  servedOverHttps,
} from "@/app/_lib/security-headers";

// Auth.js names its cookie with a __Secure- prefix when served over HTTPS.
const SESSION_COOKIES = ["authjs.session-token", "__Secure-authjs.session-token"];

/**
 * Pages that need a session: not the sign-in pages, the outage page, Auth.js, the APIs (which answer 401
 * themselves) or assets.
 */
const SIGNED_IN_PAGES = /^\/(?!signin|unavailable|api\/|_next\/|favicon\.ico|.*\.(?:png|svg|ico|txt)$)/;

/**
 * Sends signed-out visitors to the sign-in page before a page renders. It only looks for the session
 * cookie: whether the session is valid, and what the person may do, is decided by the page and core.
 */
function signInFirst(request: NextRequest): NextResponse | null {
  const { pathname, search } = request.nextUrl;
  if (!SIGNED_IN_PAGES.test(pathname)) return null;
  if (SESSION_COOKIES.some((name) => request.cookies.has(name))) return null;
  const signIn = new URL("/signin", request.url);
  const target = pathname + search;
  if (target !== "/") signIn.searchParams.set("callbackUrl", target);
  return NextResponse.redirect(signIn);
}

/** An API request no route takes, answered in the API's error shape rather than Next.js's own pages. */
function unmatchedApi(request: NextRequest): Response | null {
  const { pathname } = request.nextUrl;
  return pathname.startsWith(API_V1_PREFIX) ? unmatchedApiRequest(request.method, pathname) : null;
}

/** The request as the app sees it: its Content-Security-Policy tells Next.js the nonce for its scripts. */
function passOn(request: NextRequest, security: ResponseSecurity): Response {
  const forwarded = new Headers(request.headers);
  forwarded.set("Content-Security-Policy", contentSecurityPolicy(security));
  return NextResponse.next({ request: { headers: forwarded } });
}

/**
 * Runs before every request (there is no matcher): pages, APIs and assets alike. Each response gets the
 * security headers, with a nonce made for this request.
 */
export function proxy(request: NextRequest): Response {
  const security: ResponseSecurity = {
    nonce: randomBytes(16).toString("base64"),
    https: servedOverHttps(request),
    development: process.env.NODE_ENV === "development",
    imageOrigins: rewardImageOrigins(),
  };
  const response = unmatchedApi(request) ?? signInFirst(request) ?? passOn(request, security);
  for (const [name, value] of Object.entries(securityHeaders(security))) response.headers.set(name, value);
  return response;
}
