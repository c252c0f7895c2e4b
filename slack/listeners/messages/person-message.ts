import type { types } from "@slack/bolt";
import { type PlusMessage, parsePlusMessage } from "../../parse-give";

export type NewMessage =
  | types.GenericMessageEvent
  | types.ThreadBroadcastMessageEvent
  | types.FileShareMessageEvent;

/** A person posting: plainly, as a thread reply also sent to the channel, or with a file attached. */
const NEW_MESSAGE_SUBTYPES = new Set<string | undefined>([undefined, "thread_broadcast", "file_share"]);

/**
 * Edits, deletions, joins and whatever an app posts are neither gives nor comments. Slack marks an app
 * posting with a user's token by its bot_id, without a subtype. (The app's own posts are dropped by Bolt.)
 */
export function isNewPersonMessage(message: types.AllMessageEvents): message is NewMessage {
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
 * Only a message that names someone - a mention, or an @name typed without picking the person - is told
 * what is wrong with it. People answer "+1" or "+1 great idea" all day to agree with each other; those read
 * as a `+N` with nobody to thank and stay unanswered.
 */
const NAMES_SOMEONE = /<@[UW][A-Z0-9]+|(?:^|\s)@[\p{L}\p{N}]/u;

/** The give a message asks for, or what is wrong with it; null for a message that is not about giving. */
export function giveAskedIn(text: string): PlusMessage | null {
  const parsed = parsePlusMessage(text);
  if (parsed?.kind === "invalid" && !NAMES_SOMEONE.test(text)) return null;
  return parsed;
}
