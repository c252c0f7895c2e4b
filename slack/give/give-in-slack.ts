import type { WebClient } from "@slack/web-api";
import { givePoints } from "@/core/giving/give-points";
import { loadOrgContext } from "@/core/org/org-context";
import type { Actor } from "@/core/shared/actor";
import { type DomainError, isDomainError } from "@/core/shared/errors";
import type { SlackRefusal } from "@/core/slack-identity/resolve-slack-person";
import { resolveSlackRecipients } from "@/core/slack-identity/resolve-slack-recipients";
import { recordSlackAnnouncement } from "@/core/slack-threads/record-slack-announcement";
import { isDatabaseUnavailable, unavailabilityCode } from "@/db/availability";
import { componentLogger } from "@/observability/logger";
import { countedGive } from "@/observability/metrics";
import type { PlauditContext } from "../plaudit-context";
import { slackProfiles } from "../slack-profiles";
import type { GiveAnnouncement } from "./announce-give";

/** A give asked for in Slack, by the Slack user who sent the request. */
export interface SlackGive {
  giverSlackId: string;
  /** Slack user ids, as mentioned or chosen. */
  recipients: readonly string[];
  amount: number;
  reason: string;
  values: string[];
  /**
   * Typed as hashtags, an org without company values reads them as words of the reason rather than as
   * values to refuse; chosen in the modal's list, the ledger decides.
   */
  valuesFrom: "hashtags" | "list";
  /** From the Slack payload, so that a duplicate delivery or a retry gives once. */
  idempotencyKey: string;
}

/** Why nothing was given. Each place a give comes from tells the giver in its own way. */
export type GiveRefusal =
  /** Plaudit cannot tell which person the giver is; `message` says why and what to do. */
  | { kind: "giver"; message: string }
  /** A mentioned Slack user Plaudit cannot place. */
  | { kind: "recipient"; slackUserId: string; reason: SlackRefusal }
  /** The ledger refused the give. */
  | { kind: "ledger"; error: DomainError; giver: Actor };

export type SlackGiveOutcome =
  | { given: true; gift: GiveAnnouncement }
  | { given: false; refusal: GiveRefusal };

/**
 * Gives points in Slack: finds the giver (from the request's context) and the people they named, gives
 * through the ledger once, and returns what to announce, or why nothing was given. `/give`, `+N` messages
 * and the modal all give through here; they differ only in how they answer.
 */
export async function giveInSlack(
  slack: PlauditContext,
  client: WebClient,
  give: SlackGive,
): Promise<SlackGiveOutcome> {
  const { db, workspace } = slack;
  const giver = await slack.slackUser();
  if (giver.status !== "linked") return refused({ kind: "giver", message: giver.message });
  const [found, org] = await Promise.all([
    resolveSlackRecipients(db, workspace, { userIds: give.recipients, describeUser: slackProfiles(client) }),
    loadOrgContext(db, workspace.orgId),
  ]);
  if (found.status !== "found") {
    return refused({ kind: "recipient", slackUserId: found.slackUserId, reason: found.reason });
  }

  const values = give.valuesFrom === "hashtags" && org.valuesMode === "off" ? [] : give.values;
  try {
    const given = givePoints(db, giver.actor, {
      recipientIds: found.recipients.map((recipient) => recipient.personId),
      amount: give.amount,
      message: give.reason,
      values,
      source: "slack",
      idempotencyKey: give.idempotencyKey,
    });
    const result = await countedGive("slack", given, (error) => isDomainError(error));
    return {
      given: true,
      gift: {
        giverSlackId: give.giverSlackId,
        recipients: found.recipients,
        amount: give.amount,
        reason: give.reason,
        values,
        result,
        pointValue: org.pointValue,
        recognitionChannel: org.slackRecognitionChannel,
        recordPost: (post) =>
          recordSlackAnnouncement(
            db,
            { kind: "system", orgId: workspace.orgId },
            { recognitionId: result.recognitionId, teamId: workspace.teamId, ...post },
          ).catch(unrecordedWhileDatabaseAway),
      },
    };
  } catch (error) {
    if (!isDomainError(error)) throw error;
    return refused({ kind: "ledger", error, giver: giver.actor });
  }
}

function refused(refusal: GiveRefusal): SlackGiveOutcome {
  return { given: false, refusal };
}

/**
 * The give was saved and announced; only the link from its post back to it is lost while the database is
 * away, so reactions and replies there stay in Slack. That is the outage's doing, not a fault to alarm on.
 */
function unrecordedWhileDatabaseAway(error: unknown): void {
  if (!isDatabaseUnavailable(error)) throw error;
  componentLogger("slack").warn(
    { code: unavailabilityCode(error) },
    "The database is unavailable: a recognition's Slack post was not remembered",
  );
}

/** A mentioned user who can't be thanked, named as `who`: a mention in chat, plain words under a form's field. */
export function unplacedRecipientText(who: string, reason: SlackRefusal): string {
  return reason === "bot"
    ? `${who} is a bot and can't receive points.`
    : `${who} isn't in Plaudit yet, so they can't receive points. An admin can add them with the email they use in Slack.`;
}
