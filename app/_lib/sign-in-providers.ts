import type { Provider } from "next-auth/providers";
import Credentials from "next-auth/providers/credentials";
import Google from "next-auth/providers/google";
import Slack from "next-auth/providers/slack";
import { loadViewer } from "@/core/sign-in/load-viewer";
import { getDb } from "@/db/client";

/** A way to sign in, as the sign-in page offers it. */
export interface SignInOption {
  id: string;
  name: string;
}

/** The demo login's provider id, which a session made with it records. */
export const DEMO_LOGIN = "demo";

/** Demo login lets anyone act as any seeded person: on in the embedded default, off unless asked for elsewhere. */
export function demoLoginEnabled(): boolean {
  return process.env.PLAUDIT_DEMO_LOGIN === "1";
}

/**
 * Whether a session made with `signedInWith` still counts. One the demo login made ends when the demo
 * login is turned off; so does one that doesn't say how it was made, as it may have been a demo's.
 */
export function acceptsSessionMadeWith(signedInWith: string | undefined): boolean {
  return demoLoginEnabled() || (signedInWith !== undefined && signedInWith !== DEMO_LOGIN);
}

function companySsoProvider(): Provider | null {
  const issuer = process.env.AUTH_OIDC_ISSUER;
  const clientId = process.env.AUTH_OIDC_ID;
  const clientSecret = process.env.AUTH_OIDC_SECRET;
  if (!issuer || !clientId || !clientSecret) return null;
  return {
    id: "oidc",
    name: process.env.AUTH_OIDC_NAME ?? "Company SSO",
    type: "oidc",
    issuer,
    clientId,
    clientSecret,
    // Only the email is needed to find the person; the provider decides what else to show.
    authorization: { params: { scope: "openid email profile" } },
  };
}

const demoLogin = Credentials({
  id: DEMO_LOGIN,
  name: "Demo login",
  credentials: { personId: { label: "Person" } },
  async authorize(credentials) {
    if (!demoLoginEnabled()) return null;
    const personId = typeof credentials?.personId === "string" ? credentials.personId : "";
    if (!/^[0-9a-f-]{36}$/i.test(personId)) return null;
    const viewer = await loadViewer(getDb(), personId);
    if (!viewer) return null;
    return { id: viewer.person.id, name: viewer.person.name, email: viewer.person.email };
  },
});

/** The providers configured in this deployment, read from the environment at request time. */
export function configuredProviders(): Provider[] {
  const providers: Provider[] = [];
  if (process.env.AUTH_SLACK_ID && process.env.AUTH_SLACK_SECRET) providers.push(Slack);
  if (process.env.AUTH_GOOGLE_ID && process.env.AUTH_GOOGLE_SECRET) providers.push(Google);
  const sso = companySsoProvider();
  if (sso) providers.push(sso);
  if (demoLoginEnabled()) providers.push(demoLogin);
  return providers;
}

/**
 * The ways to sign in, by the id and name Auth.js knows them by. A built-in provider such as
 * `Credentials({ id: "demo" })` carries its defaults (`credentials`) and the options given to it apart;
 * Auth.js lets the options win, and so does this.
 */
export function signInOptions(): SignInOption[] {
  return configuredProviders()
    .map((provider) => (typeof provider === "function" ? provider() : provider))
    .map((provider) => {
      const options = (provider as { options?: { id?: string; name?: string } }).options;
      return { id: options?.id ?? provider.id, name: options?.name ?? provider.name };
    });
}
