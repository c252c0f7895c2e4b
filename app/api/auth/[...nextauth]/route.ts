import { NextRequest } from "next/server";
import { handlers } from "@/app/_lib/auth";
import { countSignInAttempt, signInLimitedPath } from "@/app/_lib/sign-in-limit";
import { readCappedBody } from "@/core/shared/capped-body";

type Handler = (request: NextRequest) => Promise<Response>;

/** Sign-in and sign-out posts are a few hundred bytes of form fields. */
const MAX_AUTH_BODY_BYTES = 16 * 1024;

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

/**
 * Auth.js reads a post's whole body before it looks at it; it gets the body only up to the cap, so an
 * oversized post is refused (413) without filling memory.
 */
async function capped(request: NextRequest): Promise<Response> {
  const body = await readCappedBody(request, MAX_AUTH_BODY_BYTES);
  if (body === null) return Response.json({ error: "body_too_large" }, { status: 413 });
  return handlers.POST(new NextRequest(request.url, { method: "POST", headers: request.headers, body }));
}

export const GET = limited(handlers.GET);
export const POST = limited(capped);
