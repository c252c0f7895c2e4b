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
 * Why a route handler the browser navigated to (a download, an install round trip, an outage) could not do its
 * work, as a small page: there is no form beside which the message could show.
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
<body style="font-family: system-ui, sans-serif; max-width: 36rem; margin: 4rem auto; padding: 0 1rem; color: #1c1917">
<h1 style="font-size: 1.25rem">${escapeHtml(problem.title)}</h1>
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
