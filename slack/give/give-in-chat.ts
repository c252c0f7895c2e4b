import type { WebClient } from "@slack/web-api";
import { listCompanyValues } from "@/core/values/list-company-values";
import type { Database } from "@/db/client";
import type { InvalidGive, ParsedGive } from "../parse-give";
import type { PlauditContext } from "../plaudit-context";
import { type ReplyTarget, replyPrivately } from "../private-reply";
import { announceGive, confirmationText, type GiveAnnouncement } from "./announce-give";
import { type GiveRefusal, giveInSlack, unplacedRecipientText } from "./give-in-slack";

/** A give typed in chat: a `/give` command or a `+N` message. */
export interface ChatGive {
  /** The giver and where they wrote; every refusal is told to them alone, there. */
  from: ReplyTarget;
  give: ParsedGive;
  /** From the Slack payload, so that a duplicate delivery or a retry gives once. */
  idempotencyKey: string;
  /** For a `+N` message: the thread that the public confirmation goes to. */
  announceThreadTs?: string;
}

/** What a message the parser could not read as a give should say to its author. */
export function invalidGiveText(invalid: InvalidGive): string {
  return invalid.hint ? `${invalid.problem} ${invalid.hint}` : invalid.problem;
}

/** What a give typed in chat came to: what the giver alone is told, and the give to announce, if any. */
export interface ChatGiveResult {
  reply: string;
  gift: GiveAnnouncement | null;
}

/**
 * Gives what the giver typed, and resolves once the give is saved or refused. Whatever stops the give,
 * from an unknown giver to a refusal of the ledger, becomes the reply, saying what to do about it.
 */
export async function giveInChat(
  slack: PlauditContext,
  client: WebClient,
  chat: ChatGive,
): Promise<ChatGiveResult> {
  const { from, give } = chat;
  const outcome = await giveInSlack(slack, client, {
    giverSlackId: from.user,
    recipients: give.recipients,
    amount: give.amount,
    reason: give.reason,
    values: give.values,
    valuesFrom: "hashtags",
    idempotencyKey: chat.idempotencyKey,
  });
  if (!outcome.given) return { reply: await refusalText(slack.db, outcome.refusal), gift: null };
  return { reply: confirmationText(outcome.gift), gift: outcome.gift };
}

/**
 * After the response: the reply to the giver, unless the acknowledgement carried it already, and a give's
 * announcements where the giver wrote.
 */
export function tellChatGive(
  client: WebClient,
  chat: ChatGive,
  result: ChatGiveResult,
  options: { giverTold: boolean },
): Promise<void> {
  const tellGiver = !options.giverTold;
  if (!result.gift) return tellGiver ? replyPrivately(client, chat.from, result.reply) : Promise.resolve();
  const place = { channel: chat.from.channel, threadTs: chat.announceThreadTs };
  return announceGive(client, result.gift, place, { tellGiver });
}

/** A refusal in chat terms: mentions stay mentions, and values are typed as hashtags, so list the ones that exist. */
async function refusalText(db: Database, refusal: GiveRefusal): Promise<string> {
  if (refusal.kind === "giver") return refusal.message;
  if (refusal.kind === "recipient") return unplacedRecipientText(`<@${refusal.slackUserId}>`, refusal.reason);
  const { error, giver } = refusal;
  if (error.code === "self_give") {
    return "You can't give points to yourself. Mention the colleagues you want to thank.";
  }
  if (error.code !== "unknown_value" && error.code !== "value_required") return error.message;
  const { values } = await listCompanyValues(db, giver);
  if (values.length === 0) return error.message;
  const hashtags = values.map((value) => `#${value.name}`).join(", ");
  return error.code === "value_required"
    ? `Add one of your company values as a hashtag: ${hashtags}.`
    : `${error.message} Your company values are ${hashtags}.`;
}
