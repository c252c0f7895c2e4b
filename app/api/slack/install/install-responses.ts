import { httpStatusFor } from "@/app/_lib/error-status";
import { problemPage } from "@/app/_lib/problem-page";
import { isDomainError } from "@/core/shared/errors";
import { type InstallFailureReason, SlackInstallFailure } from "@/slack/install/install-failure";

/**
 * Why Slack was not connected, as a page: the install is a browser round trip through Slack, so the
 * admin lands here rather than on a form that could show the message.
 */
export function installProblem(status: number, message: string): Response {
  return problemPage(status, {
    title: "Slack wasn't connected",
    message,
    back: { href: "/admin/settings", label: "Back to settings" },
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
