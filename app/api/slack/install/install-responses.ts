import { auth } from "@/app/_lib/auth";
import { httpStatusFor } from "@/app/_lib/error-status";
import { isDomainError } from "@/core/shared/errors";
import { loadViewer, type Viewer } from "@/core/sign-in/load-viewer";
import { getDb } from "@/db/client";
import { type InstallFailureReason, SlackInstallFailure } from "@/slack/install/install-failure";

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

/**
 * Why Slack was not connected, as a page: the install is a browser round trip through Slack, so the
 * admin lands here rather than on a form that could show the message.
 */
export function installProblem(status: number, message: string): Response {
  const html = `<!doctype html>
<html lang="en">
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Slack wasn't connected · Plaudit</title>
<body style="font-family: system-ui, sans-serif; max-width: 36rem; margin: 4rem auto; padding: 0 1rem; color: #1c1917">
<h1 style="font-size: 1.25rem">Slack wasn't connected</h1>
<p>${escapeHtml(message)}</p>
<p><a href="/admin/settings">Back to settings</a></p>
</body>
</html>
`;
  return new Response(html, {
    status,
    headers: { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" },
  });
}

/** A state or code that can't be used is a bad request; only Slack being out of reach is a bad gateway. */
const FAILURE_STATUS = {
  not_an_admin: 403,
  bad_callback: 400,
  not_the_installer: 403,
  no_workspace: 400,
  slack_refused: 400,
  slack_unreachable: 502,
} as const satisfies Record<InstallFailureReason, number>;

/** Why the install stopped, as a page; anything but a failure of the install or a refusal of core is rethrown. */
export function installProblemFor(error: unknown): Response {
  if (error instanceof SlackInstallFailure)
    return installProblem(FAILURE_STATUS[error.reason], error.message);
  if (isDomainError(error)) return installProblem(httpStatusFor(error.code), error.message);
  throw error;
}

/** Both ends of the install answer this when the deployment serves one workspace, or none. */
export function installNotOffered(): Response {
  return installProblem(
    404,
    "This Plaudit doesn't connect Slack by installing the app: its operator sets SLACK_CLIENT_ID and SLACK_CLIENT_SECRET, and no SLACK_BOT_TOKEN, to offer it.",
  );
}

export function redirectTo(url: URL | string): Response {
  return new Response(null, { status: 302, headers: { location: String(url), "cache-control": "no-store" } });
}

/**
 * The person signed in to this browser, read fresh, or where to send the browser instead: signed-out
 * visitors to the sign-in page (coming back to this very request), people deactivated since signing in to
 * the page that says so, as every page does.
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
