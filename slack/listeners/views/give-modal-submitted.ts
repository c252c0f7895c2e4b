import type { App } from "@slack/bolt";
import type { WebClient } from "@slack/web-api";
import { type GivePointsResult, givePoints } from "@/core/giving/give-points";
import { loadOrgContext } from "@/core/org/org-context";
import { type DomainError, isDomainError } from "@/core/shared/errors";
import type { SlackWorkspaceRef } from "@/core/slack-identity/resolve-slack-person";
import { type Database, type Executor, getDb } from "@/db/client";
import { announceGive, type SlackRecipient } from "../../announce-give";
import {
  GIVE_BLOCK,
  GIVE_MODAL_CALLBACK_ID,
  type GiveBlockId,
  type GiveModalSubmission,
  readGiveModal,
} from "../../blocks/give-modal";
import { slackPerson, slackRecipients } from "../../slack-people";
import { workspaceOf } from "../../workspace-of";
import { publishHome } from "../events/app-home-opened";

type FormErrors = Record<string, string>;
type Outcome =
  | { given: true; recipients: SlackRecipient[]; result: GivePointsResult }
  | { given: false; errors: FormErrors };

/** Which block of the modal each field of a give is entered in. */
const FIELD_BLOCKS: Record<string, GiveBlockId> = {
  recipientIds: GIVE_BLOCK.recipients,
  amount: GIVE_BLOCK.points,
  message: GIVE_BLOCK.message,
  values: GIVE_BLOCK.values,
};

const ALREADY_GIVEN =
  "These points were already given from this form. Close it, and open Give points again to give more.";
const TRY_AGAIN = "Plaudit couldn't give the points just now. Try again in a moment.";

/**
 * The "Give points" modal submitted. Unlike every other listener it gives BEFORE acknowledging: Slack
 * takes a form's errors only in the acknowledgement, so a refusal must be known by then. It stays fast -
 * the giver and recipients come off the Slack id index, and the give is one statement. The modal's view
 * id keys the give, so a delivery Slack repeats takes effect once.
 */
export function registerGiveModalSubmission(app: App): void {
  app.view(GIVE_MODAL_CALLBACK_ID, async ({ ack, body, view, client, context }) => {
    const workspace = workspaceOf(context);
    const db = getDb();
    const submission = readGiveModal(view);
    const key = `slack:view:${workspace.teamId}:${view.id}`;
    const outcome = await giveFromModal(db, client, workspace, body.user.id, submission, key).catch(
      async (error: unknown) => {
        // An empty answer would close the modal as if the points were given.
        await ack({ response_action: "errors", errors: { [GIVE_BLOCK.recipients]: TRY_AGAIN } });
        throw error;
      },
    );
    if (!outcome.given) {
      await ack({ response_action: "errors", errors: outcome.errors });
      return;
    }
    await ack();
    await Promise.all([
      announce(db, client, workspace, body.user.id, submission, outcome),
      publishHome(client, db, workspace, body.user.id),
    ]);
  });
}

async function giveFromModal(
  db: Database,
  client: WebClient,
  workspace: SlackWorkspaceRef,
  giverSlackId: string,
  submission: GiveModalSubmission,
  idempotencyKey: string,
): Promise<Outcome> {
  const giver = await slackPerson(db, client, workspace, giverSlackId);
  if (giver.status !== "linked") return refused({ [GIVE_BLOCK.recipients]: giver.message });
  const found = await slackRecipients(db, client, workspace, submission.recipients);
  if (!found.ok) {
    // Errors under a field are plain text, where a mention would show as its raw markup.
    const message = found.message.replaceAll(`<@${found.slackUserId}>`, "One of the people you chose");
    return refused({ [GIVE_BLOCK.recipients]: message });
  }
  try {
    const result = await givePoints(db, giver.actor, {
      recipientIds: found.recipients.map((recipient) => recipient.personId),
      amount: submission.amount,
      message: submission.message,
      values: submission.values,
      source: "slack",
      idempotencyKey,
    });
    return { given: true, recipients: found.recipients, result };
  } catch (error) {
    if (!isDomainError(error)) throw error;
    return refused(refusalErrors(error, submission.blocks));
  }
}

function refused(errors: FormErrors): Outcome {
  return { given: false, errors };
}

/** A refusal under the block of each field it names; one about nothing the form shows goes under its first field. */
function refusalErrors(error: DomainError, shown: Set<string>): FormErrors {
  if (error.code === "idempotency_conflict") return { [GIVE_BLOCK.recipients]: ALREADY_GIVEN };
  const fieldErrors = (error.details.fieldErrors as FormErrors | undefined) ?? {
    [String(error.details.field ?? "")]: error.message,
  };
  const errors: FormErrors = {};
  for (const [field, message] of Object.entries(fieldErrors)) {
    // A field of a list is named like "recipientIds.0".
    const block = FIELD_BLOCKS[field.split(".")[0] ?? ""];
    errors[block && shown.has(block) ? block : GIVE_BLOCK.recipients] ??= message;
  }
  return errors;
}

/** Tells the giver, the channel and the recipients, once the modal has closed. */
async function announce(
  db: Executor,
  client: WebClient,
  workspace: SlackWorkspaceRef,
  giverSlackId: string,
  submission: GiveModalSubmission,
  gift: { recipients: SlackRecipient[]; result: GivePointsResult },
): Promise<void> {
  const [settings, channel] = await Promise.all([
    loadOrgContext(db, workspace.orgId),
    submission.context.channel ?? directMessageChannel(client, giverSlackId),
  ]);
  await announceGive(client, {
    giverSlackId,
    recipients: gift.recipients,
    amount: submission.amount,
    reason: submission.message,
    values: submission.values,
    result: gift.result,
    pointValue: settings.pointValue,
    channel,
    threadTs: submission.context.threadTs,
    recognitionChannel: settings.slackRecognitionChannel,
  });
}

/**
 * A give from App Home has no channel: the giver's confirmation goes to their direct messages with the
 * app, and with no recognition channel either, so does the public line.
 */
async function directMessageChannel(client: WebClient, userId: string): Promise<string> {
  const opened = await client.conversations.open({ users: userId });
  return opened.channel?.id ?? userId;
}
