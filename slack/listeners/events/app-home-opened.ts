import type { App } from "@slack/bolt";
import type { WebClient } from "@slack/web-api";
import { listPersonHistory } from "@/core/feed/list-person-history";
import { getBalances } from "@/core/giving/get-balances";
import type { Actor } from "@/core/shared/actor";
import type { SlackWorkspaceRef } from "@/core/slack-identity/resolve-slack-person";
import { type Executor, getDb } from "@/db/client";
import { homeView, RECENT_RECOGNITIONS, unknownUserHomeView } from "../../blocks/home-view";
import { slackPerson } from "../../slack-people";
import { workspaceOf } from "../../workspace-of";

/** App Home: what the user has to give and has earned, who thanked them lately, and a way to give. */
export function registerAppHomeOpened(app: App): void {
  app.event("app_home_opened", async ({ event, client, context }) => {
    // The Messages tab sends the same event; only the Home tab shows a view.
    if (event.tab !== "home") return;
    await publishHome(client, getDb(), workspaceOf(context), event.user);
  });
}

/** Publishes a Slack user's App Home as it stands now (on opening it, and after they give). */
export async function publishHome(
  client: WebClient,
  db: Executor,
  workspace: SlackWorkspaceRef,
  userId: string,
): Promise<void> {
  const user = await slackPerson(db, client, workspace, userId);
  const view =
    user.status === "linked" ? await personalHome(db, user.actor) : unknownUserHomeView(user.message);
  await client.views.publish({ user_id: userId, view });
}

async function personalHome(db: Executor, actor: Actor & { kind: "person" }) {
  const [balances, received] = await Promise.all([
    getBalances(db, actor),
    listPersonHistory(db, actor, {
      personId: actor.personId,
      direction: "received",
      limit: RECENT_RECOGNITIONS,
    }),
  ]);
  return homeView({ balances, received: received.items });
}
