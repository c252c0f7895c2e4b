import type { WebClient } from "@slack/web-api";
import type { DescribeSlackUser } from "@/core/slack-identity/slack-profile";

/**
 * Slack's `users.info`, in the plain shape core's person lookups take. They call it only for a user no
 * person is linked to yet, whose email then links (or, where the org allows, adds) them.
 */
export function slackProfiles(client: WebClient): DescribeSlackUser {
  return async (userId) => {
    const { user } = await client.users.info({ user: userId });
    return {
      email: user?.profile?.email ?? null,
      name: user?.profile?.real_name || user?.real_name || user?.name || null,
      isBot: user?.is_bot ?? false,
      deleted: user?.deleted ?? false,
    };
  };
}
