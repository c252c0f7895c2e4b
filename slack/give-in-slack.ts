import type { WebClient } from "@slack/web-api";
import { type GivePointsResult, givePoints } from "@/core/giving/give-points";
import { loadOrgContext } from "@/core/org/org-context";
import type { Actor } from "@/core/shared/actor";
import { type DomainError, isDomainError } from "@/core/shared/errors";
import type { SlackWorkspaceRef } from "@/core/slack-identity/resolve-slack-person";
import { listCompanyValues } from "@/core/values/list-company-values";
import type { Database } from "@/db/client";
import { announceGive } from "./announce-give";
import type { InvalidGive, ParsedGive } from "./parse-give";
import { answeringFailures, type ReplyTarget, replyPrivately } from "./private-reply";
import { slackPerson, slackRecipients } from "./slack-people";

export interface SlackGive {
  workspace: SlackWorkspaceRef;
  /** The giver and where they asked; every refusal is told to them alone, there. */
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

/**
 * Gives points on behalf of a Slack user, after the request was acknowledged: finds the giver and the
 * people they mentioned, gives through the ledger and announces it. Whatever stops the give, from an
 * unknown giver to a refusal of the ledger, is told to the giver with what to do about it.
 */
export function giveInSlack(db: Database, client: WebClient, request: SlackGive): Promise<void> {
  const { workspace, from, give } = request;
  const tell = (text: string) => replyPrivately(client, from, text);
  return answeringFailures(client, from, async () => {
    const giver = await slackPerson(db, client, workspace, from.user);
    if (giver.status !== "linked") return tell(giver.message);
    const [found, settings] = await Promise.all([
      slackRecipients(db, client, workspace, give.recipients),
      loadOrgContext(db, workspace.orgId),
    ]);
    if (!found.ok) return tell(found.message);

    // An org without company values reads hashtags as words of the message, not as values to refuse.
    const values = settings.valuesMode === "off" ? [] : give.values;
    let result: GivePointsResult;
    try {
      result = await givePoints(db, giver.actor, {
        recipientIds: found.recipients.map((recipient) => recipient.personId),
        amount: give.amount,
        message: give.reason,
        values,
        source: "slack",
        idempotencyKey: request.idempotencyKey,
      });
    } catch (error) {
      if (!isDomainError(error)) throw error;
      return tell(await refusalText(db, giver.actor, error));
    }
    await announceGive(client, {
      giverSlackId: from.user,
      recipients: found.recipients,
      amount: give.amount,
      reason: give.reason,
      values,
      result,
      pointValue: settings.pointValue,
      channel: from.channel,
      threadTs: request.announceThreadTs,
      recognitionChannel: settings.slackRecognitionChannel,
    });
  });
}

/** The ledger's refusal in chat terms: values are typed as hashtags here, so list the ones that exist. */
async function refusalText(db: Database, giver: Actor, error: DomainError): Promise<string> {
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
