import type { App, MessageShortcut } from "@slack/bolt";
import type { WebClient } from "@slack/web-api";
import { plauditContext } from "../../plaudit-context";
import { type GiveModalPrefill, openGiveModal } from "../actions/open-give-modal";

export const GIVE_FOR_MESSAGE_CALLBACK_ID = "give_points_for_message";

/**
 * "Give points for this" on a message: the modal opens with the message's author chosen and a link to the
 * message, which is added to what the giver writes. The public post answers in the message's thread
 * (unless the org has a recognition channel), so the thanks sits beside what it is for without adding to
 * the channel's main stream.
 */
export function registerGivePointsForMessage(app: App): void {
  app.shortcut<MessageShortcut>(GIVE_FOR_MESSAGE_CALLBACK_ID, async ({ ack, shortcut, client, context }) => {
    await ack();
    await openGiveModal(plauditContext(context), client, {
      triggerId: shortcut.trigger_id,
      prefill: prefillFor(client, shortcut),
    });
  });
}

async function prefillFor(client: WebClient, shortcut: MessageShortcut): Promise<GiveModalPrefill> {
  const { message, channel } = shortcut;
  // A thread hangs off its first message: for a reply, answer in its parent's thread.
  const threadTs = typeof message.thread_ts === "string" ? message.thread_ts : message.ts;
  // Slack can refuse a link to a message in a channel the app isn't in; the give still works without one.
  const permalink = await client.chat
    .getPermalink({ channel: channel.id, message_ts: message.ts })
    .then((answer) => answer.permalink)
    .catch(() => undefined);
  // A bot's message has no author to thank, and thanking oneself is refused anyway.
  const author = message.user && message.user !== shortcut.user.id ? [message.user] : [];
  return {
    context: { channel: channel.id, threadTs, ...(permalink ? { permalink } : {}) },
    recipients: author,
  };
}
