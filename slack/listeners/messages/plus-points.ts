import type { App, types } from "@slack/bolt";
import { giveInChat, invalidGiveText, tellChatGive } from "../../give/give-in-chat";
import { parsePlusMessage } from "../../parse-give";
import { plauditContext } from "../../plaudit-context";
import { answeringFailures, replyPrivately } from "../../private-reply";

type NewMessage = types.GenericMessageEvent | types.ThreadBroadcastMessageEvent | types.FileShareMessageEvent;

/** A person posting: plainly, as a thread reply also sent to the channel, or with a file attached. */
const NEW_MESSAGE_SUBTYPES = new Set<string | undefined>([undefined, "thread_broadcast", "file_share"]);

/**
 * Only a message that names someone - a mention, or an @name typed without picking the person - is told
 * what is wrong with it. People answer "+1" or "+1 great idea" all day to agree with each other; those read
 * as a `+N` with nobody to thank and stay unanswered.
 */
const NAMES_SOMEONE = /<@[UW][A-Z0-9]+|(?:^|\s)@[\p{L}\p{N}]/u;

const EXAMPLE = "For example: `+10 @ana great demo #teamwork`";

/**
 * Edits, deletions, joins and whatever an app posts are not gives. Slack marks an app posting with a
 * user's token by its bot_id, without a subtype. (The app's own posts are dropped by Bolt already.)
 */
function isNewPersonMessage(message: types.AllMessageEvents): message is NewMessage {
  return (
    NEW_MESSAGE_SUBTYPES.has(message.subtype) &&
    !("bot_id" in message && message.bot_id) &&
    isWellFormed(message)
  );
}

/** Slack always sends these as text; a signed payload that does not was not written by a person in Slack. */
function isWellFormed(message: types.AllMessageEvents): boolean {
  const fields = message as unknown as Record<string, unknown>;
  const text = (name: string) => typeof fields[name] === "string";
  const optionalText = (name: string) => fields[name] === undefined || text(name);
  return text("user") && text("channel") && text("ts") && optionalText("text") && optionalText("thread_ts");
}

/**
 * `+10 @ana great demo #teamwork` in a channel with the app gives points, confirmed in the message's
 * thread. Slack never sends an event again once it is answered, so the event is answered only once the
 * give is saved (see `acknowledgeEvent`); the replies and announcements follow. Slack's retries and
 * duplicate deliveries carry the same channel and ts, which the ledger's idempotency key turns into one give.
 */
export function registerPlusPoints(app: App): void {
  app.message(async ({ message, context, client }) => {
    if (!isNewPersonMessage(message)) return;
    const text = message.text ?? "";
    const parsed = parsePlusMessage(text);
    if (parsed === null) return;
    const slack = plauditContext(context);
    const from = { channel: message.channel, user: message.user, threadTs: message.thread_ts };
    if (parsed.kind === "invalid") {
      if (!NAMES_SOMEONE.test(text)) return;
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
