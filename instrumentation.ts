/**
 * Runs once when the Next.js server starts: a production server first checks it can sign people in.
 * `npm start` asks for background work here
 * (PLAUDIT_BACKGROUND_WORK=1) rather than in a process of its own: it then shares the app's connection
 * pool, and the embedded database takes one connection per process (a second client's statements would
 * interleave with the first's). Never during `next build`, which has no database to work on. The work's
 * claims are leases, so stopping the server mid-pass loses nothing.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  // Imported here, as below: the Edge build of this file must not see Node.js APIs.
  const { refuseToServeWithoutSignInUrl } = await import("./scripts/startup-checks");
  refuseToServeWithoutSignInUrl();
  if (process.env.PLAUDIT_BACKGROUND_WORK !== "1") return;
  const [{ backgroundWork }, { getDb }] = await Promise.all([
    import("./scripts/worker/background-work"),
    import("./db/client"),
  ]);
  void backgroundWork(getDb(), new AbortController().signal);
}
