import { DrizzleAdapter } from "@auth/drizzle-adapter";
import NextAuth from "next-auth";
import { isDomainError } from "@/core/shared/errors";
import { resolveSignIn } from "@/core/sign-in/resolve-sign-in";
import { getDb } from "@/db/client";
import { authAccounts, authSessions, authUsers, authVerificationTokens } from "@/db/schema";
import { componentLogger } from "@/observability/logger";
import { sameOriginPath } from "./same-origin-path";
import { acceptsSessionMadeWith, configuredProviders, DEMO_LOGIN } from "./sign-in-providers";

declare module "next-auth" {
  interface Session {
    personId?: string;
  }
}

declare module "@auth/core/jwt" {
  interface JWT {
    personId?: string;
    /** How the session was made: the demo login or an identity provider's id. */
    signedInWith?: string;
  }
}

interface ProviderProfile {
  email?: unknown;
  email_verified?: unknown;
}

/** Identity providers send `email_verified` as a boolean, some as the string "true". */
function emailOf(profile: ProviderProfile | undefined) {
  return {
    email: typeof profile?.email === "string" ? profile.email : "",
    emailVerified: profile?.email_verified === true || profile?.email_verified === "true",
  };
}

/**
 * Every provider ends in the same place: a verified email matched to an active person. The demo login
 * names the person directly. A refusal sends the visitor to a page that says why, never to an error.
 * The session remembers how it was made, so that turning the demo login off ends the sessions it made.
 */
export const { handlers, auth, signIn, signOut } = NextAuth(() => ({
  adapter: DrizzleAdapter(getDb(), {
    usersTable: authUsers,
    accountsTable: authAccounts,
    sessionsTable: authSessions,
    verificationTokensTable: authVerificationTokens,
  }),
  // The demo login has no adapter user, and the person is re-read on every request anyway.
  session: { strategy: "jwt" },
  providers: configuredProviders(),
  pages: { signIn: "/signin", error: "/signin/refused" },
  // Auth.js's own lines (a failed callback, a misconfigured provider) as Plaudit's. Its debug output
  // carries tokens and cookies, so it is never passed on.
  logger: {
    error: (error) => componentLogger("auth").error({ err: error }, "Sign-in failed"),
    warn: (code) => componentLogger("auth").warn({ code }, "Sign-in warning"),
    debug: () => {},
  },
  callbacks: {
    async signIn({ account, profile }) {
      if (account?.provider === DEMO_LOGIN) return true;
      try {
        await resolveSignIn(getDb(), emailOf(profile));
        return true;
      } catch (error) {
        if (isDomainError(error, "unauthenticated")) {
          return `/signin/refused?reason=${String(error.details.reason)}`;
        }
        throw error;
      }
    },
    async jwt({ token, account, profile, user }) {
      // Without an account this is a session being read back: null ends it (and clears its cookie).
      if (!account) return acceptsSessionMadeWith(token.signedInWith) ? token : null;
      if (account.provider === DEMO_LOGIN) return { ...token, personId: user.id, signedInWith: DEMO_LOGIN };
      const person = await resolveSignIn(getDb(), emailOf(profile));
      return { ...token, personId: person.personId, signedInWith: account.provider };
    },
    session({ session, token }) {
      return { ...session, personId: token.personId };
    },
    // Where to go after signing in or out: a path on this site, never another one.
    redirect({ url, baseUrl }) {
      const path = sameOriginPath(url.startsWith(baseUrl) ? url.slice(baseUrl.length) || "/" : url);
      return path ? `${baseUrl}${path}` : baseUrl;
    },
  },
}));
