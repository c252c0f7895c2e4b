import { sql } from "drizzle-orm";
import type { Executor } from "../../../db/client";
import type { ErasedIdentity } from "./erased-identity";

/**
 * The sign-in identities kept for the person's email (with their linked provider accounts and sessions,
 * which go with them), and any pending email sign-in token. An identity serves every org that has a
 * person with its email, so it stays while someone still has that email (in another org). Run after
 * the person's own email is replaced.
 */
export async function eraseSignInIdentities(tx: Executor, identity: ErasedIdentity): Promise<number> {
  const unused = sql`not exists (select 1 from people where email = ${identity.email})`;
  const removed = await tx.execute(sql`
    delete from auth_users where lower(email) = ${identity.email} and ${unused} returning 1`);
  await tx.execute(sql`
    delete from auth_verification_tokens where lower(identifier) = ${identity.email} and ${unused}`);
  return removed.length;
}

/** The Slack workspaces of the org that record the person as the Slack user who installed the app. */
export async function eraseSlackInstaller(tx: Executor, identity: ErasedIdentity): Promise<number> {
  if (!identity.slackUserId || !identity.slackTeamId) return 0;
  const rows = await tx.execute(sql`
    update slack_installations set installed_by_slack_user = null
    where org_id = ${identity.orgId}::uuid and team_id = ${identity.slackTeamId}
      and installed_by_slack_user = ${identity.slackUserId}
    returning 1`);
  return rows.length;
}
