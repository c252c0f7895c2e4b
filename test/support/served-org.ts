import { sql } from "drizzle-orm";
import { grantPoints } from "../../core/giving/grant-points";
import { syncRewardCatalog } from "../../core/rewards/sync-reward-catalog";
import { updateRewardSettings } from "../../core/rewards/update-reward-settings";
import type { Database } from "../../db/client";
import { rewardProviders } from "../../providers/reward-providers";
import type { SandboxProvider } from "../../providers/sandbox/start-sandbox-provider";
import { TEAM_ID } from "../../testing/slack-requests";
import { orgWithKey } from "./api-client";
import { key, type TestOrg } from "./factories";

export interface ServedPerson {
  id: string;
  slackUserId: string;
}

export interface ServedOrg {
  org: TestOrg;
  apiKey: string;
  /** Everyone is a Slack user of the one workspace (TEAM_ID), already linked as after a first `/give`. */
  people: ServedPerson[];
}

export interface ServedOrgOptions {
  people: number;
  /** The first `earners` people get this many earned points, to redeem. */
  earners: number;
  earnedPoints: number;
  sandbox: SandboxProvider;
}

/**
 * An org set up the way a served app meets one: an API key, people linked to Slack, redemptions on with
 * the sandbox provider and its catalog synced, and earned points to redeem.
 */
export async function createServedOrg(db: Database, options: ServedOrgOptions): Promise<ServedOrg> {
  const { org, apiKey } = await orgWithKey(db);
  const added = await org.addPeople(options.people);
  const people = added.map((person, index) => ({
    id: person.id,
    slackUserId: `U${String(index + 1).padStart(9, "0")}`,
  }));
  await db.execute(sql`
    update people set slack_team_id = ${TEAM_ID}, slack_user_id = linked."slackUserId"
    from jsonb_to_recordset(${JSON.stringify(people)}::jsonb) as linked(id uuid, "slackUserId" text)
    where people.org_id = ${org.id}::uuid and people.id = linked.id`);
  await updateRewardSettings(db, org.admin.actor, { redemptionsEnabled: true, provider: "sandbox" });
  const providers = rewardProviders({
    PLAUDIT_SANDBOX_URL: options.sandbox.apiUrl,
    PLAUDIT_SANDBOX_API_KEY: options.sandbox.apiKey,
  });
  await syncRewardCatalog(db, org.admin.actor, { providers });
  if (options.earners > 0) {
    await grantPoints(db, org.admin.actor, {
      recipientIds: people.slice(0, options.earners).map((person) => person.id),
      amount: options.earnedPoints,
      message: "Points to redeem",
      idempotencyKey: key(),
    });
  }
  return { org, apiKey, people };
}
