import type { DescribeSlackUser } from "@/core/slack-identity/slack-profile";
import { mentionedUsers, readMrkdwn } from "../blocks/mrkdwn";

/**
 * A thread reply as the web shows it under the recognition: mentions by the person's Slack name. Looked
 * up only for replies that mention someone, a user at a time.
 */
export async function threadReplyComment(text: string, describeUser: DescribeSlackUser): Promise<string> {
  const ids = [...new Set(mentionedUsers(text))];
  const names = await Promise.all(
    ids.map(async (id) => [id, (await describeUser(id).catch(() => null))?.name ?? null] as const),
  );
  const known = new Map(names.flatMap(([id, name]) => (name ? [[id, name] as const] : [])));
  return readMrkdwn(text, known).trim();
}
