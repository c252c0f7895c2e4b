import type { WebClient } from "@slack/web-api";
import type { DescribeSlackUser } from "@/core/slack-identity/slack-profile";
import { slackErrorCode } from "./private-reply";

/**
 * Slack's `users.info`, in the plain shape core's person lookups take. They call it only for a user no
 * person is linked to yet, whose email then links (or, where the org allows, adds) them. A user Slack
 * says it doesn't have is null; any other failure is thrown.
 */
export function slackProfiles(client: WebClient): DescribeSlackUser {
  return async (userId) => {
    const answer = await client.users.info({ user: userId }).catch((error: unknown) => {
      if (slackErrorCode(error) === "user_not_found") return null;
      throw error;
    });
    if (answer === null) return null;
    const { user } = answer;
    return {
      email: user?.profile?.email ?? null,
      name: user?.profile?.real_name || user?.real_name || user?.name || null,
      isBot: user?.is_bot ?? false,
      deleted: user?.deleted ?? false,
    };
  };
}
