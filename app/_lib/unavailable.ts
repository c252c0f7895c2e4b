import { redirect } from "next/navigation";
import { isDatabaseUnavailable, unavailabilityCode } from "@/db/availability";
import { componentLogger } from "@/observability/logger";
import { currentRequest } from "@/observability/request-context";
import { OUTAGE_MESSAGE } from "./outage-message";
import { problemPage } from "./problem-page";

/**
 * What every way into the app answers while the database is unavailable (down, restarting, unreachable,
 * or a statement past its timeout): 503 at once, saying to try again, rather than a hang or a 500.
 */
const RETRY_AFTER_SECONDS = "10";

function noteOutage(error: unknown): void {
  // A warning without the stack: it is the database's state, not a bug here, and it may last a while.
  componentLogger("app").warn({ code: unavailabilityCode(error) }, "The database is unavailable");
}

/** For the API and webhooks: the error shape of every refusal (docs/api.md). */
export function unavailableJson(): Response {
  return Response.json(
    { error: { code: "unavailable", message: OUTAGE_MESSAGE } },
    { status: 503, headers: { "Cache-Control": "no-store", "Retry-After": RETRY_AFTER_SECONDS } },
  );
}

const THIS_SITE = "http://plaudit.invalid";

/** Only a path of this site may be offered as the way back: `//host`, `/\host` and the like lead elsewhere. */
function sameSitePath(from: string | null): string {
  if (!from?.startsWith("/") || from.includes("\\")) return "/";
  const url = new URL(from, THIS_SITE);
  return url.origin === THIS_SITE ? url.pathname + url.search : "/";
}

/** For browsers: a page that says what happened, with a link back to where they were. */
export function unavailablePage(from: string | null): Response {
  return problemPage(
    503,
    {
      title: "Plaudit is unavailable just now",
      message: OUTAGE_MESSAGE,
      back: { href: sameSitePath(from), label: "Try again" },
    },
    { "Retry-After": RETRY_AFTER_SECONDS },
  );
}

/** The request's own path, as the page to come back to; Next's `_rsc` marker of a client navigation dropped. */
function pathOfThisRequest(): string {
  const url = new URL(currentRequest()?.url ?? "/", THIS_SITE);
  url.searchParams.delete("_rsc");
  return url.pathname + url.search;
}

/** The outage page for a route handler a browser navigated to, offering this very request again. */
export function unavailablePageHere(): Response {
  return unavailablePage(pathOfThisRequest());
}

/**
 * A page's (or server action's) database work. When the database is unavailable the browser is sent to
 * `/unavailable`, which answers 503 with a way back here: a page has no other way to answer 503.
 */
export async function awaitDatabase<Result>(work: Promise<Result>): Promise<Result> {
  try {
    return await work;
  } catch (error) {
    if (!isDatabaseUnavailable(error)) throw error;
    noteOutage(error);
    redirect(`/unavailable?from=${encodeURIComponent(pathOfThisRequest())}`);
  }
}

/** Whether an error is the database being unavailable, noted in the log here so that each caller only answers. */
export function outageNoted(error: unknown): boolean {
  if (!isDatabaseUnavailable(error)) return false;
  noteOutage(error);
  return true;
}

/** A route handler that answers `outage()` when the database is unavailable, whatever step it was at. */
export function answeringOutage<Args extends unknown[]>(
  outage: () => Response,
  handler: (...args: Args) => Promise<Response>,
): (...args: Args) => Promise<Response> {
  return async (...args) => {
    try {
      return await handler(...args);
    } catch (error) {
      if (!outageNoted(error)) throw error;
      return outage();
    }
  };
}
