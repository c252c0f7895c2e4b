import type { Context } from "@slack/bolt";
import type { SlackWorkspaceRef } from "@/core/slack-identity/resolve-slack-person";
import type { PlauditContext } from "./authorize";

/** The org and workspace that Bolt's authorize (slack/authorize.ts) put in a listener's context. */
export function workspaceOf(context: Context): SlackWorkspaceRef {
  const { orgId, teamId } = context as Partial<PlauditContext>;
  if (!orgId || !teamId) throw new Error("The Slack request reached a listener without its org.");
  return { orgId, teamId };
}
