import { sql } from "drizzle-orm";
import { z } from "zod";
import type { Executor } from "../../db/client";
import type { Actor } from "../shared/actor";
import { type Clock, systemClock } from "../shared/clock";
import { authorize } from "../shared/permissions";
import { parseInput } from "../shared/validation";
import { type NotificationKind, noticeDue } from "./outbox";

const claimInput = z.object({ limit: z.number().int().min(1).max(500).default(50) });

export type ClaimNotificationsInput = z.input<typeof claimInput>;

/** How long a sender may take over a claimed notice before another sender may take it. */
export const NOTIFICATION_LEASE_MS = 60_000;

export interface ClaimedNotification {
  id: number;
  orgId: string;
  personId: string;
  kind: NotificationKind;
  payload: Record<string, unknown>;
  attempts: number;
  /** Where to reach the person in Slack; null when they have never used Plaudit from Slack. */
  slack: { teamId: string; userId: string } | null;
  /**
   * The org's Slack workspace, for a notice posted in a channel (one whose payload names the channel):
   * the person's own, else the one that installed Plaudit, else a colleague's. Null for other notices,
   * and when no one of the org is known to Slack.
   */
  workspaceTeamId: string | null;
}

/**
 * Claims notices that are due, across every org, for a sender (the Slack DM sender) to deliver. Claims
 * are leases taken with `skip locked`, so senders side by side never take the same notice and a notice
 * whose sender died is taken up again.
 */
export async function claimNotifications(
  db: Executor,
  actor: Actor,
  input: ClaimNotificationsInput,
  clock: Clock = systemClock,
): Promise<ClaimedNotification[]> {
  authorize(actor, "run_background_work");
  const { limit } = parseInput(claimInput, input);
  const now = clock();
  // Only the deployment (the operator) sends across orgs; an org's system actor claims its own notices.
  const ofActorOrg = actor.kind === "system" ? sql`and org_id = ${actor.orgId}::uuid` : sql``;
  const rows = await db.execute<{
    id: string;
    org_id: string;
    person_id: string;
    kind: NotificationKind;
    payload: Record<string, unknown>;
    attempts: number;
    slack_team_id: string | null;
    slack_user_id: string | null;
    workspace_team_id: string | null;
  }>(sql`
    with claimed as (
      update notifications set next_attempt_at = ${new Date(now.getTime() + NOTIFICATION_LEASE_MS).toISOString()}::timestamptz,
        attempts = attempts + 1
      where id in (
        select id from notifications
        where ${noticeDue(now)} ${ofActorOrg}
        order by next_attempt_at limit ${limit}
        for update skip locked)
      returning id, org_id, person_id, kind, payload, attempts)
    select c.*, p.slack_team_id, p.slack_user_id,
           case when c.payload ? 'channel' then coalesce(p.slack_team_id,
             (select i.team_id from slack_installations i where i.org_id = c.org_id
              order by i.installed_at desc limit 1),
             (select q.slack_team_id from people q where q.org_id = c.org_id and q.slack_team_id is not null
              limit 1)) end as workspace_team_id
    from claimed c join people p on p.org_id = c.org_id and p.id = c.person_id
    order by c.id`);
  return rows.map((row) => ({
    id: Number(row.id),
    orgId: row.org_id,
    personId: row.person_id,
    kind: row.kind,
    payload: row.payload,
    attempts: Number(row.attempts),
    slack:
      row.slack_team_id && row.slack_user_id
        ? { teamId: row.slack_team_id, userId: row.slack_user_id }
        : null,
    workspaceTeamId: row.workspace_team_id,
  }));
}
