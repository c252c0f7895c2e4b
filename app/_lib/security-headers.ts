import { PROBLEM_PAGE_STYLE_SOURCE } from "./problem-page-style";

type Environment = Record<string, string | undefined>;

/** What the headers of one response depend on. */
export interface ResponseSecurity {
  /** Fresh for every request: the only inline scripts and styles that run are the ones carrying it. */
  nonce: string;
  https: boolean;
  /** `next dev` evaluates code to rebuild server error stacks, and injects styles without the nonce. */
  development: boolean;
  /** Where reward pictures come from besides HTTPS hosts: the local sandbox provider, if one is set. */
  imageOrigins: readonly string[];
}

/**
 * The one style attribute pages may carry: React's streamed rendering parks a late part of an SVG (a
 * chart's bars) in `<svg style="display:none">` until its script moves it into place, and a nonce can't
 * reach an attribute. The SHA-256 of `display:none`, allowed by hash alone.
 */
export const HIDDEN_SVG_SEGMENT_STYLE = "'sha256-aqNNdDLnnrDOnTNdkJpYlAxKVJtLt9CtFLklmInuUAE='";

/**
 * The Content-Security-Policy. Scripts run only with the request's nonce (Next.js puts it on its own
 * scripts when it finds it in the request's policy) and whatever those load ('strict-dynamic'). Styles
 * come from the app's stylesheets, nonced inline styles, and the one stylesheet of `problemPage`; style
 * attributes only as `display:none`.
 * Reward pictures come from the provider's hosts, so any HTTPS host. Nothing may frame a page.
 *
 * There is no `form-action`: signing in posts a form that the identity provider's authorization page
 * answers, and where that page lives (not always the issuer's host) is only known at sign-in.
 */
export function contentSecurityPolicy(security: ResponseSecurity): string {
  const { nonce, development } = security;
  const directives = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ""}`,
    // A nonce would make browsers ignore 'unsafe-inline', so development has no nonce here.
    `style-src 'self' ${development ? "'unsafe-inline'" : `'nonce-${nonce}' ${PROBLEM_PAGE_STYLE_SOURCE}`}`,
    ...(development ? [] : [`style-src-attr 'unsafe-hashes' ${HIDDEN_SVG_SEGMENT_STYLE}`]),
    ["img-src 'self' data: blob: https:", ...security.imageOrigins].join(" "),
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
    ...(security.https ? ["upgrade-insecure-requests"] : []),
  ];
  return directives.join("; ");
}

/** Every header that hardens a response, page, API answer or file alike. */
export function securityHeaders(security: ResponseSecurity): Record<string, string> {
  return {
    "Content-Security-Policy": contentSecurityPolicy(security),
    "X-Content-Type-Options": "nosniff",
    // For browsers that predate `frame-ancestors`.
    "X-Frame-Options": "DENY",
    // Links out (a gift card's page) learn nothing of the page they came from.
    "Referrer-Policy": "same-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=(), serial=()",
    // Only over HTTPS: browsers ignore it over plain HTTP, and a plain-HTTP deployment must stay reachable.
    ...(security.https ? { "Strict-Transport-Security": "max-age=31536000; includeSubDomains" } : {}),
  };
}

/**
 * Whether the browser reached the app over HTTPS. Behind a proxy that ends TLS the request arrives over
 * HTTP, and the proxy's `X-Forwarded-Proto` (its first hop) says what the browser used; without one, a
 * public URL (AUTH_URL) that is HTTPS says the deployment is.
 */
export function servedOverHttps(request: Request, env: Environment = process.env): boolean {
  const forwarded = request.headers.get("x-forwarded-proto")?.split(",")[0]?.trim().toLowerCase();
  if (forwarded) return forwarded === "https";
  return new URL(request.url).protocol === "https:" || Boolean(env.AUTH_URL?.startsWith("https:"));
}

/** The origins reward pictures may come from besides HTTPS hosts: the sandbox provider's, when it is set. */
export function rewardImageOrigins(env: Environment = process.env): string[] {
  const sandbox = env.PLAUDIT_SANDBOX_URL;
  if (!sandbox) return [];
  try {
    return [new URL(sandbox).origin];
  } catch {
    return [];
  }
}
