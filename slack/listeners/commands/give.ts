import type { App } from "@slack/bolt";
import type { WebClient } from "@slack/web-api";
import { type Balances, getBalances } from "@/core/giving/get-balances";
import { formatPoints, formatPointsWithValue } from "@/core/shared/money";
import { giveInChat, invalidGiveText } from "../../give/give-in-chat";
import { GIVE_USAGE, parseGiveCommand } from "../../parse-give";
import { type PlauditContext, plauditContext } from "../../plaudit-context";
import { answeringFailures, type ReplyTarget, replyPrivately } from "../../private-reply";

/**
 * `/give`: thank people, check a balance, or ask for help. Help and text that can't be read are answered
 * in the acknowledgement itself; everything that needs the database or Slack runs after an empty one.
 */
export function registerGiveCommand(app: App): void {
  app.command("/give", async ({ command, ack, client, context }) => {
    const parsed = parseGiveCommand(command.text);
    if (parsed.kind === "help") return ack({ response_type: "ephemeral", text: GIVE_USAGE });
    if (parsed.kind === "invalid") {
      return ack({ response_type: "ephemeral", text: `${invalidGiveText(parsed)}\n\n${GIVE_USAGE}` });
    }
    await ack();
    const slack = plauditContext(context);
    const from = { channel: command.channel_id, user: command.user_id };
    if (parsed.kind === "balance") return tellBalance(slack, client, from);
    await giveInChat(slack, client, {
      from,
      give: parsed,
      // Slack sends one trigger id per invocation: a redelivery of the same command carries it again.
      idempotencyKey: `slack:command:${slack.workspace.teamId}:${command.trigger_id}`,
    });
  });
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
