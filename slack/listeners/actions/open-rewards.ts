import type { App, BlockAction } from "@slack/bolt";
import { OPEN_REWARDS_ACTION_ID } from "../../blocks/home-view";

/** App Home's "Redeem rewards" button: Slack opens the link itself, and only needs the click acknowledged. */
export function registerOpenRewards(app: App): void {
  app.action<BlockAction>(OPEN_REWARDS_ACTION_ID, async ({ ack }) => {
    await ack();
  });
}
