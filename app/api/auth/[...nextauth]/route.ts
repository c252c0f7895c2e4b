import type { NextRequest } from "next/server";
import { handlers } from "@/app/_lib/auth";
import { countSignInAttempt, signInLimitedPath } from "@/app/_lib/sign-in-limit";

type Handler = (request: NextRequest) => Promise<Response>;

/**
 * What counts as a sign-in attempt: a provider's callback (the single sign-on round trip's end, and the
 * demo login's credentials) and starting one over HTTP. Reading the session or the CSRF token is not.
 */
function isSignInAttempt(request: NextRequest): boolean {
  const { pathname } = new URL(request.url);
  return (
    pathname.startsWith("/api/auth/callback/") ||
    (request.method === "POST" && pathname.startsWith("/api/auth/signin/"))
  );
}

/** Auth.js's handler, after counting the attempt against its address's sign-in limit. */
function limited(handler: Handler): Handler {
  return async (request) => {
    if (isSignInAttempt(request)) {
      const wait = await countSignInAttempt(request.headers);
      if (wait !== null) {
        return new Response(null, {
          status: 303,
          headers: {
            Location: signInLimitedPath(wait),
            "Retry-After": String(wait),
            "Cache-Control": "no-store",
          },
        });
      }
    }
    return handler(request);
  };
}

export const GET = limited(handlers.GET);
export const POST = limited(handlers.POST);
