import type { App } from "@slack/bolt";
import { giveInChat, invalidGiveText, tellChatGive } from "../../give/give-in-chat";
import { plauditContext } from "../../plaudit-context";
import { answeringFailures, replyPrivately } from "../../private-reply";
import { giveAskedIn, isNewPersonMessage } from "./person-message";

const EXAMPLE = "For example: `+10 @ana great demo #teamwork`";

/**
 * `+10 @ana great demo #teamwork` in a channel with the app gives points, confirmed in the message's
 * thread. Slack never sends an event again once it is answered, so the event is answered only once the
 * give is saved (see `acknowledgeEvent`); the replies and announcements follow. Slack's retries and
 * duplicate deliveries carry the same channel and ts, which the ledger's idempotency key turns into one give.
 */
export function registerPlusPoints(app: App): void {
  app.message(async ({ message, context, client }) => {
    if (!isNewPersonMessage(message)) return;
    const parsed = giveAskedIn(message.text ?? "");
    if (parsed === null) return;
    const slack = plauditContext(context);
    const from = { channel: message.channel, user: message.user, threadTs: message.thread_ts };
    if (parsed.kind === "invalid") {
      slack.acknowledgeEvent();
      return replyPrivately(client, from, `${invalidGiveText(parsed)} ${EXAMPLE}`);
    }
    const chat = {
      from,
      give: parsed,
      idempotencyKey: `slack:message:${slack.workspace.teamId}:${message.channel}:${message.ts}`,
      announceThreadTs: message.thread_ts ?? message.ts,
    };
    await answeringFailures(client, from, async () => {
      const result = await giveInChat(slack, client, chat);
      slack.acknowledgeEvent();
      await tellChatGive(client, chat, result, { giverTold: false });
    });
  });
}
