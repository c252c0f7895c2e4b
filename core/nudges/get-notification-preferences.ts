import { sql } from "drizzle-orm";
import type { Executor } from "../../db/client";
import type { Actor } from "../shared/actor";
import { DomainError } from "../shared/errors";
import { authorize } from "../shared/permissions";

/** What a person gets in Slack besides what happens to them, and whether a team digest is theirs to get. */
export type NotificationPreferences = {
  allowanceReminders: boolean;
  teamDigest: boolean;
  /** Their birthday and work anniversaries shown in the feed and announced in Slack; points come either way. */
  publicCelebrations: boolean;
  /** Someone reports to them, so a weekly team digest has something to say. */
  hasReports: boolean;
  /** Plaudit knows their Slack account, where reminders and digests are sent. */
  slackLinked: boolean;
};

/** The actor's own reminder, digest and celebration choices. */
export async function getNotificationPreferences(
  db: Executor,
  actor: Actor,
): Promise<NotificationPreferences> {
  authorize(actor, "manage_own_preferences");
  if (actor.kind !== "person") throw new DomainError("forbidden", "Only a person has preferences.");
  const [row] = await db.execute<NotificationPreferences>(sql`
    select p.allowance_reminders as "allowanceReminders", p.team_digest as "teamDigest",
           p.public_celebrations as "publicCelebrations",
           exists (select 1 from people r
                   where r.org_id = p.org_id and r.manager_id = p.id and r.active) as "hasReports",
           p.slack_user_id is not null as "slackLinked"
    from people p
    where p.org_id = ${actor.orgId}::uuid and p.id = ${actor.personId}::uuid`);
  if (!row) throw new DomainError("not_found", "That person isn't in your organization.");
  return row;
}
