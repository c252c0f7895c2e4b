import type postgres from "postgres";
import { saveSlackInstallation } from "../../core/slack-identity/save-slack-installation";
import type { Database } from "../../db/client";
import { type BenchOrg, personIdSql, seedOrg } from "../setup";

export interface SlackBenchOrg extends BenchOrg {
  teamId: string;
}

/** The Slack user id of person n (1-based); `slackUserIdSql` is the same in SQL. */
export function slackUserId(n: number): string {
  return `U${String(n).padStart(8, "0")}`;
}

function slackUserIdSql(n: string): string {
  return `'U' || lpad((${n})::text, 8, '0')`;
}

/**
 * The give bench's org (people 1..people, allowances that last the run), every person already linked
 * to their Slack user so that no give needs a `users.info` call, and the workspace installed through
 * the OAuth path's use case: its bot token sealed with PLAUDIT_SECRET_KEY, which must be set.
 */
export async function seedSlackOrg(
  db: Database,
  sql: postgres.Sql,
  people: number,
  install: { teamId: string; botToken: string; botUserId: string; botId: string },
): Promise<SlackBenchOrg> {
  const org = await seedOrg(db, sql, people);
  await sql.unsafe(
    `update people p set slack_team_id = $1, slack_user_id = ${slackUserIdSql("n")}
     from generate_series(1, $3::int) n
     where p.org_id = $2 and p.id = ${personIdSql("n")}`,
    [install.teamId, org.orgId, people],
  );
  await saveSlackInstallation(db, { kind: "operator" }, { orgId: org.orgId, teamName: "Bench", ...install });
  return { ...org, teamId: install.teamId };
}
