import type { App, BlockAction } from "@slack/bolt";
import type { WebClient } from "@slack/web-api";
import { getGivingRules } from "@/core/giving/get-giving-rules";
import { listCompanyValues } from "@/core/values/list-company-values";
import {
  type GiveModalContext,
  giveModal,
  giveNoticeModal,
  OPEN_GIVE_MODAL_ACTION_ID,
} from "../../blocks/give-modal";
import { type PlauditContext, plauditContext } from "../../plaudit-context";

/** The "Give points" button of App Home. */
export function registerOpenGiveModal(app: App): void {
  app.action<BlockAction>(OPEN_GIVE_MODAL_ACTION_ID, async ({ ack, body, client, context }) => {
    await ack();
    // No channel here: the public post goes to the org's recognition channel, or only to direct messages.
    await openGiveModal(plauditContext(context), client, { triggerId: body.trigger_id });
  });
}

export interface GiveModalPrefill {
  context: GiveModalContext;
  /** Slack users to thank, chosen in advance. */
  recipients: string[];
}

export interface OpenGiveModalRequest {
  triggerId: string;
  /** Started by the caller so that it runs alongside the lookups here. */
  prefill?: Promise<GiveModalPrefill>;
}

/**
 * Opens the "Give points" modal for the Slack user behind the request, or tells one who cannot give why.
 * The trigger expires about three seconds after the click, so only what the form's options need is read
 * first: who the giver is, the org's giving rules and its values.
 */
export async function openGiveModal(
  slack: PlauditContext,
  client: WebClient,
  request: OpenGiveModalRequest,
): Promise<void> {
  const [giver, prefill] = await Promise.all([
    slack.slackUser(),
    request.prefill ?? { context: {}, recipients: [] },
  ]);
  if (giver.status !== "linked") {
    await client.views.open({ trigger_id: request.triggerId, view: giveNoticeModal(giver.message) });
    return;
  }
  const [rules, { values }] = await Promise.all([
    getGivingRules(slack.db, giver.actor),
    listCompanyValues(slack.db, giver.actor),
  ]);
  await client.views.open({ trigger_id: request.triggerId, view: giveModal({ rules, values, ...prefill }) });
}
