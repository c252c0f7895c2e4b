import { unavailablePage } from "@/app/_lib/unavailable";

/**
 * Where a page sends the browser when the database is unavailable: 503, what happened, and a link back
 * to the page it came from (`?from=`), so that trying again is one click once the database is back.
 */
export function GET(request: Request): Response {
  return unavailablePage(new URL(request.url).searchParams.get("from"));
}
