import type { App } from "@slack/bolt";
import type { WebClient } from "@slack/web-api";
import { type Balances, getBalances } from "@/core/giving/get-balances";
import { formatPoints, formatPointsWithValue } from "@/core/shared/money";
import { type ChatGive, giveInChat, invalidGiveText, tellChatGive } from "../../give/give-in-chat";
import { STILL_SAVING, withinSaveDeadline } from "../../give/save-deadline";
import { GIVE_USAGE, parseGiveCommand } from "../../parse-give";
import { type PlauditContext, plauditContext } from "../../plaudit-context";
import { answeringFailures, type ReplyTarget, replyPrivately, SOMETHING_FAILED } from "../../private-reply";
import { delivered } from "../../receiver";

const STILL_GIVING = "Plaudit is still saving this give. You'll get a message here once it's done.";

/** An acknowledgement only the person who typed the command sees. */
type PrivateAck = (response: { response_type: "ephemeral"; text: string }) => Promise<void>;

function privately(text: string) {
  return { response_type: "ephemeral" as const, text };
}

/**
 * `/give`: thank people, check a balance, or ask for help. Help and text that can't be read are answered
 * in the acknowledgement itself, and so is a give, once it is saved; a balance is told after an empty one.
 */
export function registerGiveCommand(app: App): void {
  app.command("/give", async ({ command, ack, client, context }) => {
    const parsed = parseGiveCommand(command.text);
    if (parsed.kind === "help") return ack(privately(GIVE_USAGE));
    if (parsed.kind === "invalid") return ack(privately(`${invalidGiveText(parsed)}\n\n${GIVE_USAGE}`));
    const slack = plauditContext(context);
    const from = { channel: command.channel_id, user: command.user_id };
    if (parsed.kind === "balance") {
      await ack();
      return tellBalance(slack, client, from);
    }
    await giveThenAcknowledge(slack, client, ack, {
      from,
      give: parsed,
      // Slack sends one trigger id per invocation: a redelivery of the same command carries it again.
      idempotencyKey: `slack:command:${slack.workspace.teamId}:${command.trigger_id}`,
    });
  });
}

/**
 * Gives, then acknowledges with what came of it, so that nothing Slack shows the giver is unsaved. A
 * database too slow for Slack's deadline gets an acknowledgement that the give is under way, and the
 * giver is told how it went once it is saved; announcements always follow the response.
 */
async function giveThenAcknowledge(
  slack: PlauditContext,
  client: WebClient,
  ack: PrivateAck,
  chat: ChatGive,
): Promise<void> {
  const giving = giveInChat(slack, client, chat);
  const result = await withinSaveDeadline(giving, slack.receivedAt).catch(async (error: unknown) => {
    if (!(await delivered(ack(privately(SOMETHING_FAILED))))) {
      await replyPrivately(client, chat.from, SOMETHING_FAILED).catch(() => {});
    }
    throw error;
  });
  if (result === STILL_SAVING) {
    await delivered(ack(privately(STILL_GIVING)));
    return answeringFailures(client, chat.from, async () =>
      tellChatGive(client, chat, await giving, { giverTold: false }),
    );
  }
  // Acknowledged too late (a server too busy to start in time), the reply goes privately instead.
  const giverTold = await delivered(ack(privately(result.reply)));
  await tellChatGive(client, chat, result, { giverTold });
}

function tellBalance(slack: PlauditContext, client: WebClient, from: ReplyTarget): Promise<void> {
  return answeringFailures(client, from, async () => {
    const person = await slack.slackUser();
    const text =
      person.status === "linked" ? balanceText(await getBalances(slack.db, person.actor)) : person.message;
    await replyPrivately(client, from, text);
  });
}

function balanceText({ allowance, earned, pointValue }: Balances): string {
  const left = formatPointsWithValue(allowance.remaining, pointValue);
  return `You have ${left} left to give this month (of ${formatPoints(allowance.total)}) and ${formatPointsWithValue(earned.balance, pointValue)} earned.`;
}
