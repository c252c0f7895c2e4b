import { NextRequest } from "next/server";
import { handlers } from "@/app/_lib/auth";
import { readCappedBody } from "@/core/shared/capped-body";

/** Sign-in and sign-out posts are a few hundred bytes of form fields. */
const MAX_AUTH_BODY_BYTES = 16 * 1024;

export const { GET } = handlers;

/**
 * Auth.js reads a post's whole body before it looks at it; it gets the body only up to the cap, so an
 * oversized post is refused (413) without filling memory.
 */
export async function POST(request: NextRequest): Promise<Response> {
  const body = await readCappedBody(request, MAX_AUTH_BODY_BYTES);
  if (body === null) return Response.json({ error: "body_too_large" }, { status: 413 });
  return handlers.POST(new NextRequest(request.url, { method: "POST", headers: request.headers, body }));
}
