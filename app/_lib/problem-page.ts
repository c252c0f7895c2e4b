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
 * Why a route handler the browser navigated to (a download, an install round trip, an outage) could
 * not do its work, as a small page: there is no form beside which the message could show. Its one
 * stylesheet is allowed by hash in the Content-Security-Policy.
 */
export function problemPage(
  status: number,
  problem: Problem,
  headers: Record<string, string> = {},
): Response {
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
    headers: { "content-type": "text/html; charset=utf-8", "cache-control": "no-store", ...headers },
  });
}
