import type { App } from "@slack/bolt";
import type { WebClient } from "@slack/web-api";
import { listPersonHistory } from "@/core/feed/list-person-history";
import { getBalances } from "@/core/giving/get-balances";
import { getNotificationPreferences } from "@/core/nudges/get-notification-preferences";
import type { Actor } from "@/core/shared/actor";
import { appUrl } from "@/core/shared/public-url";
import type { Executor } from "@/db/client";
import { homeView, RECENT_RECOGNITIONS, unknownUserHomeView } from "../../blocks/home-view";
import { type PlauditContext, plauditContext } from "../../plaudit-context";

/** App Home: what the user has to give and has earned, who thanked them lately, and ways to give and redeem. */
export function registerAppHomeOpened(app: App): void {
  app.event("app_home_opened", async ({ event, client, context }) => {
    // The Messages tab sends the same event; only the Home tab shows a view.
    if (event.tab !== "home") return;
    const slack = plauditContext(context);
    // Nothing to save: Slack is answered at once, and the view is published after.
    slack.acknowledgeEvent();
    await publishHome(slack, client, event.user);
  });
}

/** Publishes the App Home of the Slack user behind the request as it stands now (on opening it, and after they give). */
export async function publishHome(slack: PlauditContext, client: WebClient, userId: string): Promise<void> {
  const user = await slack.slackUser();
  const view =
    user.status === "linked" ? await personalHome(slack.db, user.actor) : unknownUserHomeView(user.message);
  await client.views.publish({ user_id: userId, view });
}

async function personalHome(db: Executor, actor: Actor & { kind: "person" }) {
  const [balances, received, preferences] = await Promise.all([
    getBalances(db, actor),
    listPersonHistory(db, actor, {
      personId: actor.personId,
      direction: "received",
      limit: RECENT_RECOGNITIONS,
    }),
    getNotificationPreferences(db, actor),
  ]);
  return homeView({ balances, received: received.items, rewardsUrl: appUrl("/rewards"), preferences });
}
