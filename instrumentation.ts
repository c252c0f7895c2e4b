import { signInUrlProblem } from "./core/shared/public-url";

/**
 * A production server that could not sign anyone in stops at once, saying why, rather than answering
 * every sign-in with a 500. (`next dev` needs nothing: Auth.js trusts the host there.)
 */
function refuseToServeWithoutSignInUrl(): void {
  const problem = process.env.NODE_ENV === "production" ? signInUrlProblem() : null;
  if (!problem) return;
  console.error(`[plaudit] Not starting. ${problem}`);
  process.exit(1);
}

/**
 * Runs once when the Next.js server starts. `npm start` asks for background work here
 * (PLAUDIT_BACKGROUND_WORK=1) rather than in a process of its own: it then shares the app's connection
 * pool, and the embedded database takes one connection per process (a second client's statements would
 * interleave with the first's). Never during `next build`, which has no database to work on. The work's
 * claims are leases, so stopping the server mid-pass loses nothing.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  refuseToServeWithoutSignInUrl();
  if (process.env.PLAUDIT_BACKGROUND_WORK !== "1") return;
  const [{ backgroundWork }, { getDb }] = await Promise.all([
    import("./scripts/worker/background-work"),
    import("./db/client"),
  ]);
  void backgroundWork(getDb(), new AbortController().signal);
}
