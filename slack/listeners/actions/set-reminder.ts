import type { App, BlockAction, ButtonAction } from "@slack/bolt";
import { updateNotificationPreferences } from "@/core/nudges/update-notification-preferences";
import { reminderChange, SET_REMINDER_ACTION_ID } from "../../blocks/home-view";
import { plauditContext } from "../../plaudit-context";
import { publishHome } from "../events/app-home-opened";

/** App Home's "Turn off" / "Turn on" beside a reminder or public celebrations: saves the person's choice and shows it. */
export function registerSetReminder(app: App): void {
  app.action<BlockAction<ButtonAction>>(
    SET_REMINDER_ACTION_ID,
    async ({ ack, action, body, client, context }) => {
      await ack();
      const change = reminderChange(action.value ?? "");
      if (!change) return;
      const slack = plauditContext(context);
      const person = await slack.slackUser();
      if (person.status !== "linked") return;
      await updateNotificationPreferences(slack.db, person.actor, change);
      await publishHome(slack, client, body.user.id);
    },
  );
}
