import { z } from "zod";
import { text } from "../shared/validation";

/** The workspace a request came from, as findSlackWorkspace found it. */
export interface SlackWorkspaceRef {
  orgId: string;
  teamId: string;
}

const blankToNull = (value: string | null | undefined) => value?.trim() || null;

/** What Slack says about one of its users (its `users.info`), as plain data: core never sees Slack's SDK. */
export interface SlackProfile {
  email: string | null;
  name: string | null;
  isBot: boolean;
  deleted: boolean;
}

/**
 * Asks Slack about one of its users: null when Slack has no such user. The lookups call it only for a
 * Slack user no person holds yet, so a linked user never costs a call to Slack.
 */
export type DescribeSlackUser = (slackUserId: string) => Promise<SlackProfile | null>;

export const slackUserId = text().trim().min(1, "The Slack user id is missing.");

export const slackProfile = z
  .object({
    email: text()
      .nullable()
      .transform((email) => blankToNull(email)?.toLowerCase() ?? null),
    name: text().nullable().transform(blankToNull),
    isBot: z.boolean(),
    deleted: z.boolean(),
  })
  .nullable();
export type NormalisedProfile = z.output<typeof slackProfile>;
