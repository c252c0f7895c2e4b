import type { App } from "@slack/bolt";
import type { WebClient } from "@slack/web-api";
import { type Balances, getBalances } from "@/core/giving/get-balances";
import { formatPoints, formatPointsWithValue } from "@/core/shared/money";
import type { SlackWorkspaceRef } from "@/core/slack-identity/resolve-slack-person";
import { getDb } from "@/db/client";
import { giveInSlack, invalidGiveText } from "../../give-in-slack";
import { GIVE_USAGE, parseGiveCommand } from "../../parse-give";
import { answeringFailures, type ReplyTarget, replyPrivately } from "../../private-reply";
import { slackPerson } from "../../slack-people";
import { workspaceOf } from "../../workspace-of";

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
    const workspace = workspaceOf(context);
    const from = { channel: command.channel_id, user: command.user_id };
    if (parsed.kind === "balance") return tellBalance(client, workspace, from);
    await giveInSlack(getDb(), client, {
      workspace,
      from,
      give: parsed,
      // Slack sends one trigger id per invocation: a redelivery of the same command carries it again.
      idempotencyKey: `slack:command:${workspace.teamId}:${command.trigger_id}`,
    });
  });
}

function tellBalance(client: WebClient, workspace: SlackWorkspaceRef, from: ReplyTarget): Promise<void> {
  return answeringFailures(client, from, async () => {
    const db = getDb();
    const person = await slackPerson(db, client, workspace, from.user);
    const text =
      person.status === "linked" ? balanceText(await getBalances(db, person.actor)) : person.message;
    await replyPrivately(client, from, text);
  });
}

function balanceText({ allowance, earned, pointValue }: Balances): string {
  const left = formatPointsWithValue(allowance.remaining, pointValue);
  return `You have ${left} left to give this month (of ${formatPoints(allowance.total)}) and ${formatPointsWithValue(earned.balance, pointValue)} earned.`;
}
