import { and, eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { Database, Transaction } from "../../db/client";
import { levelAchievements, organizations } from "../../db/schema";
import { payCompanyGrant } from "../giving/company-grant";
import { requestHash } from "../ledger/request-hash";
import { type Notice, queueNotifications } from "../notifications/outbox";
import { recordAudit } from "../org/audit";
import type { Actor } from "../shared/actor";
import { type Clock, systemClock } from "../shared/clock";
import { isDomainError } from "../shared/errors";
import { authorize } from "../shared/permissions";
import { parseInput, text } from "../shared/validation";
import { findLevelCandidates, type LevelCandidate } from "./level-candidates";

const awardInput = z.object({
  /** The watermark the previous pass returned; without it, everyone of every org is looked at. */
  since: text().datetime({ offset: true }).optional(),
});

export type AwardDueLevelsInput = z.input<typeof awardInput>;

export interface AwardDueLevelsResult {
  /** Achievements recorded in this pass (a person crossing two levels at once counts two). */
  reached: number;
  /** Pass it back as `since` next time. */
  watermark: string;
}

/**
 * How far back the next pass looks for points received before this one started: a give is stamped
 * when it starts and seen only once it commits, and app servers' clocks differ a little. A minute
 * covers both many times over (the app's statements time out after 15 s).
 */
const WATERMARK_MARGIN_MS = 60_000;

/** The idempotency key of a level's grant to one person: at most one, ever. */
const levelGrantKey = (levelId: string, personId: string) => `level:${levelId}:${personId}`;

/**
 * Background work: records the levels people have reached for the first time, pays each one's grant
 * from the company and announces the highest (a Slack DM to them and, when the org has one, a post in
 * its celebration channel, both through the notices' outbox). Each person is one transaction whose
 * first statement inserts their achievements: the primary key decides a race between workers, the
 * loser inserts nothing and so pays and announces nothing, and the grant's ledger key backs it up.
 */
export async function awardDueLevels(
  db: Database,
  actor: Actor,
  input: AwardDueLevelsInput = {},
  clock: Clock = systemClock,
): Promise<AwardDueLevelsResult> {
  authorize(actor, "run_background_work");
  const { since } = parseInput(awardInput, input);
  const now = clock();
  const candidates = await findLevelCandidates(db, actor, now, since ? new Date(since) : null);
  let reached = 0;
  for (const candidate of candidates) {
    try {
      reached += await db.transaction((tx) => reachLevels(tx, candidate, now));
    } catch (error) {
      // Deactivated since the candidates were read: leavers reach no levels.
      if (!isDomainError(error, "recipient_inactive") && !isDomainError(error, "recipient_is_bot"))
        throw error;
    }
  }
  return { reached, watermark: new Date(now.getTime() - WATERMARK_MARGIN_MS).toISOString() };
}

async function reachLevels(tx: Transaction, candidate: LevelCandidate, now: Date): Promise<number> {
  const { orgId, personId } = candidate;
  const levelIds = `{${candidate.levelIds.join(",")}}`;
  const reached = await tx.execute<{
    id: string;
    name: string;
    grant_points: number | null;
    person: string;
  }>(sql`
    with inserted as (
      insert into level_achievements (org_id, person_id, level_id, reached_at)
      select l.org_id, p.id, l.id, ${now.toISOString()}::timestamptz
      from levels l join people p on p.org_id = l.org_id and p.id = ${personId}::uuid and p.active and not p.is_bot
      where l.org_id = ${orgId}::uuid and l.id = any(${levelIds}::uuid[])
      order by l.threshold
      on conflict do nothing
      returning level_id, person_id)
    select l.id, l.name, l.grant_points, p.name as person
    from inserted i
    join levels l on l.org_id = ${orgId}::uuid and l.id = i.level_id
    join people p on p.org_id = ${orgId}::uuid and p.id = i.person_id
    order by l.threshold`);
  const highest = reached.at(-1);
  if (!highest) return 0;
  const name = highest.person;
  let granted = 0;
  for (const level of reached) {
    if (level.grant_points === null) continue;
    granted += level.grant_points;
    await payLevelGrant(
      tx,
      { orgId, personId, levelId: level.id, amount: level.grant_points },
      `${name} reached ${level.name}!`,
      now,
    );
  }
  await queueNotifications(
    tx,
    await announcements(tx, candidate, { id: highest.id, name: highest.name }, name, granted),
  );
  return reached.length;
}

async function payLevelGrant(
  tx: Transaction,
  grant: { orgId: string; personId: string; levelId: string; amount: number },
  message: string,
  now: Date,
): Promise<void> {
  const { orgId, personId, levelId, amount } = grant;
  const { recognitionId } = await payCompanyGrant(tx, {
    orgId,
    recipientIds: [personId],
    amount,
    message,
    idempotencyKey: levelGrantKey(levelId, personId),
    requestHash: requestHash({ levelId, personId, amount }),
    actorPersonId: null,
    at: now,
  });
  await tx
    .update(levelAchievements)
    .set({ recognitionId })
    .where(
      and(
        eq(levelAchievements.orgId, orgId),
        eq(levelAchievements.personId, personId),
        eq(levelAchievements.levelId, levelId),
      ),
    );
  await recordAudit(
    tx,
    { kind: "system", orgId },
    {
      orgId,
      action: "points.grant",
      targetType: "recognition",
      targetId: recognitionId,
      after: { recipientIds: [personId], amount, message, levelId },
    },
  );
}

/** The person's DM and, when the org has a celebration channel, the channel's post: one of each per level. */
async function announcements(
  tx: Transaction,
  { orgId, personId }: LevelCandidate,
  level: { id: string; name: string },
  personName: string,
  granted: number,
): Promise<Notice[]> {
  const [org] = await tx
    .select({
      channel: organizations.celebrationChannel,
      points: organizations.pointValuePoints,
      minor: organizations.pointValueMinor,
      currency: organizations.currency,
    })
    .from(organizations)
    .where(eq(organizations.id, orgId));
  if (!org) return [];
  const payload = {
    level: level.name,
    person: personName,
    personId,
    granted,
    pointValue: { points: org.points, minor: org.minor, currency: org.currency },
  };
  const key = levelGrantKey(level.id, personId);
  const notices: Notice[] = [{ orgId, personId, kind: "level.reached", dedupeKey: key, payload }];
  if (org.channel) {
    notices.push({
      orgId,
      personId,
      kind: "level.reached_channel",
      dedupeKey: `${key}:channel`,
      payload: { ...payload, channel: org.channel },
    });
  }
  return notices;
}
