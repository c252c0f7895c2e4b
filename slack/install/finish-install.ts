import type { Viewer } from "@/core/sign-in/load-viewer";
import { saveSlackInstallation } from "@/core/slack-identity/save-slack-installation";
import type { Database } from "@/db/client";
import { exchangeCode, type SlackOAuthApp } from "./exchange-code";
import type { InstallCallback } from "./install-callback";
import { SlackInstallFailure, START_AGAIN } from "./install-failure";

export interface FinishInstallRequest {
  /** The person signed in to the browser Slack sent back. */
  installer: Viewer;
  callback: InstallCallback;
  /** The redirect URL the install was started with: Slack checks that the exchange names the same. */
  redirectUri: string;
}

/**
 * Connects the workspace Slack's code stands for to the org the install was started for. Only the admin
 * who started it can finish it: the state is bound to them, so nobody can complete an install someone
 * else began (login CSRF). What saveSlackInstallation refuses (a workspace another org connected) is
 * thrown as its DomainError.
 */
export async function finishSlackInstall(
  db: Database,
  app: SlackOAuthApp,
  request: FinishInstallRequest,
): Promise<void> {
  const { installer, callback } = request;
  if (installer.person.id !== callback.personId) {
    throw new SlackInstallFailure(
      "not_the_installer",
      `This install was started by someone else. Sign in as the admin who started it, or ${START_AGAIN.toLowerCase()}`,
    );
  }
  const workspace = await exchangeCode(app, callback.code, request.redirectUri);
  await saveSlackInstallation(db, installer.actor, { ...workspace, orgId: callback.orgId });
}
