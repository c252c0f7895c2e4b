import { signInUrlProblem } from "../core/shared/public-url";

/**
 * A production server that could not sign anyone in stops at once, saying why, rather than answering
 * every sign-in with a 500. (`next dev` needs nothing: Auth.js trusts the host there.)
 */
export function refuseToServeWithoutSignInUrl(): void {
  const problem = process.env.NODE_ENV === "production" ? signInUrlProblem() : null;
  if (!problem) return;
  console.error(`[plaudit] Not starting. ${problem}`);
  process.exit(1);
}
