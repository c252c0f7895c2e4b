import { auth } from "@/app/_lib/auth";
import { loadViewer, type Viewer } from "@/core/sign-in/load-viewer";
import { getDb } from "@/db/client";
import { PROBLEM_PAGE_STYLE } from "./problem-page-style";

const ESCAPES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => ESCAPES[character] ?? character);
}

export interface Problem {
  title: string;
  message: string;
  /** Where the page offers to go next. */
  back: { href: string; label: string };
}

/**
 * Why a route handler the browser navigated to (a download, an install round trip) could not do its
 * work, as a small page: there is no form beside which the message could show.
 */
export function problemPage(status: number, problem: Problem): Response {
  const html = `<!doctype html>
<html lang="en">
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(problem.title)} · Plaudit</title>
<style>${PROBLEM_PAGE_STYLE}</style>
<body>
<h1>${escapeHtml(problem.title)}</h1>
<p>${escapeHtml(problem.message)}</p>
<p><a href="${escapeHtml(problem.back.href)}">${escapeHtml(problem.back.label)}</a></p>
</body>
</html>
`;
  return new Response(html, {
    status,
    headers: { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" },
  });
}

export function redirectTo(url: URL | string): Response {
  return new Response(null, { status: 302, headers: { location: String(url), "cache-control": "no-store" } });
}

/**
 * The person signed in to this browser, read fresh, or where to send the browser instead: signed-out
 * visitors to the sign-in page (coming back to this very request), people deactivated since signing in to
 * the page that says so, as every page does. (`signedIn()` answers a page by redirecting, which a route
 * handler's caller would see as a thrown error rather than a response.)
 */
export async function viewerOrRedirect(request: Request, origin: string): Promise<Viewer | Response> {
  const session = await auth();
  if (!session?.personId) {
    const { pathname, search } = new URL(request.url);
    const signIn = new URL("/signin", origin);
    signIn.searchParams.set("callbackUrl", pathname + search);
    return redirectTo(signIn);
  }
  const viewer = await loadViewer(getDb(), session.personId);
  return viewer ?? redirectTo(new URL("/signin/refused?reason=deactivated", origin));
}
