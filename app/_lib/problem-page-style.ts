import { createHash } from "node:crypto";

/** The one stylesheet of the small pages route handlers answer with (`problemPage`). */
export const PROBLEM_PAGE_STYLE =
  "body{font-family:system-ui,sans-serif;max-width:36rem;margin:4rem auto;padding:0 1rem;color:#1c1917}" +
  "h1{font-size:1.25rem}";

/** Its hash, as the Content-Security-Policy allows it: a route handler's answer has no nonce to carry. */
export const PROBLEM_PAGE_STYLE_SOURCE = `'sha256-${createHash("sha256").update(PROBLEM_PAGE_STYLE).digest("base64")}'`;
