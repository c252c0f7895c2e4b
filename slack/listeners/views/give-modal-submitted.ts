import type { App } from "@slack/bolt";
import type { WebClient } from "@slack/web-api";
import {
  GIVE_BLOCK,
  GIVE_MODAL_CALLBACK_ID,
  type GiveBlockId,
  type GiveModalContext,
  giveNoticeModal,
  readGiveModal,
} from "../../blocks/give-modal";
import { type AnnouncePlace, announceGive, type GiveAnnouncement } from "../../give/announce-give";
import { type GiveRefusal, giveInSlack, unplacedRecipientText } from "../../give/give-in-slack";
import { STILL_SAVING, withinSaveDeadline } from "../../give/save-deadline";
import { type PlauditContext, plauditContext } from "../../plaudit-context";
import { answeringFailures, replyPrivately } from "../../private-reply";
import { publishHome } from "../events/app-home-opened";

type FormErrors = Record<string, string>;

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
const STILL_GIVING = "Plaudit is still saving these points. You'll get a message once they're given.";
// Errors under a field are plain text, where a mention would show as its raw markup.
const CHOSEN_RECIPIENT = "One of the people you chose";

/**
 * The "Give points" modal submitted. It gives BEFORE acknowledging, as every give does, and here it has to:
 * Slack takes a form's errors only in the acknowledgement, and an empty one closes the modal as if the
 * points were given. It stays fast - the giver and recipients come off the Slack id index, the org's
 * settings are read alongside, and the give is one statement; a database too slow for Slack's deadline
 * turns the modal into a notice that the give is being saved, and the giver is told how it went after.
 * The modal's view id keys the give, so a delivery Slack repeats takes effect once.
 */
export function registerGiveModalSubmission(app: App): void {
  app.view(GIVE_MODAL_CALLBACK_ID, async ({ ack, body, view, client, context }) => {
    const slack = plauditContext(context);
    const submission = readGiveModal(view);
    const giving = giveInSlack(slack, client, {
      giverSlackId: body.user.id,
      recipients: submission.recipients,
      amount: submission.amount,
      reason: submission.message,
      values: submission.values,
      valuesFrom: "list",
      idempotencyKey: `slack:view:${slack.workspace.teamId}:${view.id}`,
    });
    const outcome = await withinSaveDeadline(giving, slack.receivedAt).catch(async (error: unknown) => {
      await ack({ response_action: "errors", errors: { [GIVE_BLOCK.recipients]: TRY_AGAIN } });
      throw error;
    });
    const giver = body.user.id;
    if (outcome === STILL_SAVING) {
      await ack({ response_action: "update", view: giveNoticeModal(STILL_GIVING) });
      const place = await announcePlace(client, giver, submission.context);
      return answeringFailures(client, { channel: place.channel, user: giver }, async () => {
        const late = await giving;
        if (late.given) return tellGiven(slack, client, late.gift, place);
        const errors = refusalErrors(late.refusal, submission.blocks);
        await replyPrivately(
          client,
          { channel: place.channel, user: giver },
          Object.values(errors).join(" "),
        );
      });
    }
    if (!outcome.given) {
      await ack({ response_action: "errors", errors: refusalErrors(outcome.refusal, submission.blocks) });
      return;
    }
    await ack();
    await tellGiven(slack, client, outcome.gift, await announcePlace(client, giver, submission.context));
  });
}

/** After the response: the giver's confirmation, the announcements, and their App Home brought up to date. */
async function tellGiven(
  slack: PlauditContext,
  client: WebClient,
  gift: GiveAnnouncement,
  place: AnnouncePlace,
): Promise<void> {
  await Promise.all([
    announceGive(client, gift, place, { tellGiver: true }),
    publishHome(slack, client, gift.giverSlackId),
  ]);
}

/**
 * A refusal under the block of each field it names; one about the giver, the people chosen or nothing
 * the form shows goes under its first field.
 */
function refusalErrors(refusal: GiveRefusal, shown: Set<string>): FormErrors {
  if (refusal.kind === "giver") return { [GIVE_BLOCK.recipients]: refusal.message };
  if (refusal.kind === "recipient") {
    return { [GIVE_BLOCK.recipients]: unplacedRecipientText(CHOSEN_RECIPIENT, refusal.reason) };
  }
  const { error } = refusal;
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

/**
 * Where the modal was opened from. A give from App Home has no channel: the giver's confirmation goes to
 * their direct messages with the app, and with no recognition channel either, so does the public line.
 */
async function announcePlace(
  client: WebClient,
  userId: string,
  opened: GiveModalContext,
): Promise<AnnouncePlace> {
  if (opened.channel) return { channel: opened.channel, threadTs: opened.threadTs };
  const dm = await client.conversations.open({ users: userId });
  return { channel: dm.channel?.id ?? userId, threadTs: opened.threadTs };
}
