import { isDatabaseUnavailable } from "@/db/availability";

export const OUTAGE_TEXT =
  "Plaudit can't reach its database just now, so nothing was done. Try again in a minute.";

/** Seconds Slack (or anyone reading the header) is asked to wait before trying again. */
const RETRY_AFTER_SECONDS = 30;

/**
 * Whether a Slack request failed because the database is unavailable. Bolt hands its error handler a
 * failed authorize (the workspace lookup) wrapped, with the failure as `original`.
 */
export function isOutage(error: unknown): boolean {
  if (isDatabaseUnavailable(error)) return true;
  const original = (error as { original?: unknown } | null)?.original;
  return original !== undefined && isDatabaseUnavailable(original);
}

/**
 * The acknowledgement of a request that could not be served because the database is unavailable. A
 * slash command is answered in words, ephemerally, as Slack never sends a command again. Anything else
 * gets 503: Slack delivers an event again later (and its id keeps the retry from acting twice), and tells
 * the person who clicked or submitted that it didn't work.
 */
export function outageResponse(body: Record<string, unknown>): Response {
  if (typeof body.command === "string") {
    return Response.json({ response_type: "ephemeral", text: OUTAGE_TEXT });
  }
  return Response.json(
    { error: "database_unavailable" },
    { status: 503, headers: { "Retry-After": String(RETRY_AFTER_SECONDS) } },
  );
}
