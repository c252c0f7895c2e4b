import type { types, ViewOutput } from "@slack/bolt";
import { z } from "zod";
import type { GivingRules } from "@/core/giving/get-giving-rules";
import { MAX_RECIPIENTS } from "@/core/giving/give-points";
import { MESSAGE_MAX_LENGTH } from "@/core/giving/message-length";
import type { ActiveCompanyValue } from "@/core/values/list-company-values";

export const OPEN_GIVE_MODAL_ACTION_ID = "open_give_modal";
export const GIVE_MODAL_CALLBACK_ID = "give_points_modal";

/**
 * The modal's input blocks. Each block's element has the same id as the block, and a refusal is shown
 * under the block it is about.
 */
export const GIVE_BLOCK = {
  recipients: "recipients",
  points: "points",
  message: "message",
  values: "values",
} as const;
export type GiveBlockId = (typeof GIVE_BLOCK)[keyof typeof GIVE_BLOCK];

const VALUES_MAX = 10;
// Slack's limits on a static select.
const OPTIONS_MAX = 100;
const OPTION_TEXT_MAX = 75;

/** What the submission needs beyond the form, carried through Slack in the view's `private_metadata`. */
const modalContext = z.object({
  /** Where the give was started; the public post goes there unless the org names a recognition channel. */
  channel: z.string().min(1).optional(),
  /** Post in this thread of `channel` (giving points for a message). */
  threadTs: z.string().min(1).optional(),
  /** The message the points are for; appended to what the giver writes. */
  permalink: z.url().optional(),
});
export type GiveModalContext = z.infer<typeof modalContext>;

export interface GiveModalOptions {
  rules: GivingRules;
  /** The org's active values, offered when values are on. */
  values: ActiveCompanyValue[];
  context: GiveModalContext;
  /** Slack users already chosen to thank. */
  recipients?: string[];
}

/** The "Give points" modal. */
export function giveModal({ rules, values, context, recipients = [] }: GiveModalOptions): types.ModalView {
  const blocks: types.KnownBlock[] = [];
  if (context.permalink) {
    blocks.push({
      type: "context",
      elements: [
        { type: "mrkdwn", text: `For <${context.permalink}|this message>; the link is added to yours.` },
      ],
    });
  }
  blocks.push(
    {
      type: "input",
      block_id: GIVE_BLOCK.recipients,
      label: { type: "plain_text", text: "Who are you thanking?" },
      element: {
        type: "multi_users_select",
        action_id: GIVE_BLOCK.recipients,
        placeholder: { type: "plain_text", text: "Choose people" },
        max_selected_items: MAX_RECIPIENTS,
        ...(recipients.length > 0 ? { initial_users: recipients } : {}),
      },
    },
    {
      type: "input",
      block_id: GIVE_BLOCK.points,
      label: { type: "plain_text", text: "Points each" },
      hint: { type: "plain_text", text: `${rules.minPoints} to ${rules.maxPoints} per person` },
      element: {
        type: "number_input",
        action_id: GIVE_BLOCK.points,
        is_decimal_allowed: false,
        min_value: "1",
      },
    },
    {
      type: "input",
      block_id: GIVE_BLOCK.message,
      label: { type: "plain_text", text: "Message" },
      element: {
        type: "plain_text_input",
        action_id: GIVE_BLOCK.message,
        multiline: true,
        // Room for the link to the message, which is added on submission.
        max_length: MESSAGE_MAX_LENGTH - (context.permalink ? context.permalink.length + 1 : 0),
        placeholder: { type: "plain_text", text: "What did they do, and why did it matter?" },
      },
    },
  );
  // Slack refuses a select without options: with none defined there is nothing to offer.
  if (rules.valuesMode !== "off" && values.length > 0) {
    blocks.push({
      type: "input",
      block_id: GIVE_BLOCK.values,
      optional: rules.valuesMode === "optional",
      label: { type: "plain_text", text: "Company values" },
      element: {
        type: "multi_static_select",
        action_id: GIVE_BLOCK.values,
        placeholder: { type: "plain_text", text: "Choose values" },
        max_selected_items: VALUES_MAX,
        options: values.slice(0, OPTIONS_MAX).map((value) => ({
          text: { type: "plain_text", text: `#${value.name}` },
          value: value.name,
          ...(value.description
            ? { description: { type: "plain_text", text: value.description.slice(0, OPTION_TEXT_MAX) } }
            : {}),
        })),
      },
    });
  }
  return {
    type: "modal",
    callback_id: GIVE_MODAL_CALLBACK_ID,
    title: { type: "plain_text", text: "Give points" },
    submit: { type: "plain_text", text: "Give" },
    close: { type: "plain_text", text: "Cancel" },
    private_metadata: JSON.stringify(context),
    blocks,
  };
}

/**
 * A message in place of the form: to a Slack user who cannot give, why and how to get access; to a giver
 * whose submission is still being saved, that they will be told how it went.
 */
export function giveNoticeModal(message: string): types.ModalView {
  return {
    type: "modal",
    title: { type: "plain_text", text: "Give points" },
    close: { type: "plain_text", text: "Close" },
    blocks: [{ type: "section", text: { type: "plain_text", text: message } }],
  };
}

export interface GiveModalSubmission {
  /** Slack user ids, as chosen. */
  recipients: string[];
  /** NaN when the field is empty or not a number, for the give to refuse by name. */
  amount: number;
  /** What the giver wrote, with the link to the message when there is one. */
  message: string;
  values: string[];
  context: GiveModalContext;
  /** The input blocks the modal showed: a refusal can only be placed under one of them. */
  blocks: Set<string>;
}

/** Reads a submitted "Give points" modal. */
export function readGiveModal(view: ViewOutput): GiveModalSubmission {
  const state = view.state.values;
  const field = (block: GiveBlockId) => state[block]?.[block];
  const context = readContext(view.private_metadata);
  const written = field(GIVE_BLOCK.message)?.value?.trim() ?? "";
  const amount = field(GIVE_BLOCK.points)?.value?.trim();
  return {
    recipients: field(GIVE_BLOCK.recipients)?.selected_users ?? [],
    amount: amount ? Number(amount) : Number.NaN,
    // Only a written message carries the link: a link alone would pass for a message.
    message: written && context.permalink ? `${written}\n${context.permalink}` : written,
    values: (field(GIVE_BLOCK.values)?.selected_options ?? []).map((option) => option.value),
    context,
    blocks: new Set(
      view.blocks.flatMap((block) => (block.type === "input" && block.block_id ? [block.block_id] : [])),
    ),
  };
}

function readContext(privateMetadata: string): GiveModalContext {
  try {
    const parsed = modalContext.safeParse(JSON.parse(privateMetadata || "{}"));
    return parsed.success ? parsed.data : {};
  } catch {
    return {};
  }
}
