import { DrizzleAdapter } from "@auth/drizzle-adapter";
import NextAuth from "next-auth";
import { isDomainError } from "@/core/shared/errors";
import { resolveSignIn } from "@/core/sign-in/resolve-sign-in";
import { getDb } from "@/db/client";
import { authAccounts, authSessions, authUsers, authVerificationTokens } from "@/db/schema";
import { componentLogger } from "@/observability/logger";
import { configuredProviders } from "./sign-in-providers";

declare module "next-auth" {
  interface Session {
    personId?: string;
  }
}

declare module "@auth/core/jwt" {
  interface JWT {
    personId?: string;
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
      if (account?.provider === "demo") return true;
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
      if (!account) return token;
      if (account.provider === "demo") return { ...token, personId: user.id };
      const person = await resolveSignIn(getDb(), emailOf(profile));
      return { ...token, personId: person.personId };
    },
    session({ session, token }) {
      return { ...session, personId: token.personId };
    },
  },
}));
