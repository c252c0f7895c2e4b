import type { App, BlockAction } from "@slack/bolt";
import type { WebClient } from "@slack/web-api";
import { getGivingRules } from "@/core/giving/get-giving-rules";
import type { SlackWorkspaceRef } from "@/core/slack-identity/resolve-slack-person";
import { listCompanyValues } from "@/core/values/list-company-values";
import { type Executor, getDb } from "@/db/client";
import {
  cannotGiveModal,
  type GiveModalContext,
  giveModal,
  OPEN_GIVE_MODAL_ACTION_ID,
} from "../../blocks/give-modal";
import { slackPerson } from "../../slack-people";
import { workspaceOf } from "../../workspace-of";

/** The "Give points" button of App Home. */
export function registerOpenGiveModal(app: App): void {
  app.action<BlockAction>(OPEN_GIVE_MODAL_ACTION_ID, async ({ ack, body, client, context }) => {
    await ack();
    // No channel here: the public post goes to the org's recognition channel, or only to direct messages.
    await openGiveModal(client, getDb(), workspaceOf(context), {
      userId: body.user.id,
      triggerId: body.trigger_id,
    });
  });
}

export interface GiveModalPrefill {
  context: GiveModalContext;
  /** Slack users to thank, chosen in advance. */
  recipients: string[];
}

export interface OpenGiveModalRequest {
  userId: string;
  triggerId: string;
  /** Started by the caller so that it runs alongside the lookups here. */
  prefill?: Promise<GiveModalPrefill>;
}

/**
 * Opens the "Give points" modal, or tells a user who cannot give why. The trigger expires about three
 * seconds after the click, so only what the form's options need is read first: who the giver is, the
 * org's giving rules and its values.
 */
export async function openGiveModal(
  client: WebClient,
  db: Executor,
  workspace: SlackWorkspaceRef,
  request: OpenGiveModalRequest,
): Promise<void> {
  const [giver, prefill] = await Promise.all([
    slackPerson(db, client, workspace, request.userId),
    request.prefill ?? { context: {}, recipients: [] },
  ]);
  if (giver.status !== "linked") {
    await client.views.open({ trigger_id: request.triggerId, view: cannotGiveModal(giver.message) });
    return;
  }
  const [rules, { values }] = await Promise.all([
    getGivingRules(db, giver.actor),
    listCompanyValues(db, giver.actor),
  ]);
  await client.views.open({ trigger_id: request.triggerId, view: giveModal({ rules, values, ...prefill }) });
}
