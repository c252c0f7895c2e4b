import { SlackInstallFailure, START_AGAIN } from "./install-failure";
import { type InstallState, verifyInstallState } from "./oauth-state";

/** What Slack sent the admin back with: who started the install, and the code to exchange. */
export interface InstallCallback extends InstallState {
  code: string;
}

/** Reads the redirect URL's query, checking the state before anything else in it is believed. */
export function readInstallCallback(stateSecret: string, query: URLSearchParams): InstallCallback {
  const state = verifyInstallState(stateSecret, query.get("state") ?? "");
  if (!state.ok) {
    throw new SlackInstallFailure(
      "bad_callback",
      state.reason === "expired"
        ? `The install took more than 10 minutes to come back from Slack. ${START_AGAIN}`
        : `This install link wasn't made by Plaudit, or it was altered on the way. ${START_AGAIN}`,
    );
  }
  const slackError = query.get("error");
  if (slackError) {
    throw new SlackInstallFailure(
      "bad_callback",
      slackError === "access_denied"
        ? "The install was canceled in Slack."
        : `Slack stopped the install (${slackError}). ${START_AGAIN}`,
    );
  }
  const code = query.get("code");
  if (!code) throw new SlackInstallFailure("bad_callback", `Slack sent no install code back. ${START_AGAIN}`);
  return { orgId: state.orgId, personId: state.personId, code };
}
