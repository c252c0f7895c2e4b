/**
 * Where people reach this deployment, for links that leave a request: Slack messages and App Home, and
 * Slack's OAuth redirect. Read from the environment on every call, never at import (`next build` loads
 * the modules without it).
 */

type Environment = Record<string, string | undefined>;

/** PLAUDIT_URL, else AUTH_URL (which may name the sign-in route: only its origin is used); unset if neither. */
export function configuredAppUrl(env: Environment = process.env): string | undefined {
  return env.PLAUDIT_URL || env.AUTH_URL || undefined;
}

/** An absolute link to a page of the app, e.g. `appUrl("/rewards")`; the local server when nothing is configured. */
export function appUrl(path: string, env: Environment = process.env): string {
  const origin = new URL(configuredAppUrl(env) ?? `http://localhost:${env.PORT || 3000}`).origin;
  return new URL(path, origin).toString();
}

/**
 * Why sign-in can't build its links, or null when it can. Auth.js takes the app's URL from AUTH_URL or,
 * once told to trust it (AUTH_TRUST_HOST), from the Host header of each request, which anyone can write
 * unless a proxy in front sets it. In production it does neither unless told, and every sign-in fails.
 */
export function signInUrlProblem(env: Environment = process.env): string | null {
  if (env.AUTH_URL || env.AUTH_TRUST_HOST) return null;
  return (
    "Sign-in needs the app's public URL: set AUTH_URL to it (e.g. https://plaudit.example.com), " +
    "or AUTH_TRUST_HOST=true if a proxy you control sets the Host header."
  );
}
