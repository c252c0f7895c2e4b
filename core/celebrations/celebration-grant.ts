import { and, eq, sql } from "drizzle-orm";
import type { Database } from "../../db/client";
import { celebrations } from "../../db/schema";
import { payCompanyGrant } from "../giving/company-grant";
import { requestHash } from "../ledger/request-hash";
import { type Notice, queueNotifications } from "../notifications/outbox";
import { celebrationMessage, type Occasion, occasionPoints } from "./occasion-calendar";

/** An occasion a pass found due: whose, which, and the day it falls on in the org's zone. */
export interface DueOccasion {
  orgId: string;
  personId: string;
  occasion: Occasion;
  year: number;
  /** `YYYY-MM-DD`. */
  celebratedOn: string;
  /** Years of service, for a work anniversary. */
  years: number | null;
}

/** The ledger key of an occasion's grant: one per person, occasion and year. */
export function celebrationKey({ occasion, personId, year }: DueOccasion): string {
  return `celebration:${occasion}:${personId}:${year}`;
}

type Facts = {
  name: string;
  active: boolean;
  is_bot: boolean;
  public_celebrations: boolean;
  birthday_points: number | null;
  anniversary_points: number | null;
  anniversary_points_per_year: number;
  celebration_channel: string | null;
  point_value: { points: number; minor: number; currency: string };
};

/**
 * Celebrates one occasion in one transaction: the celebration row first, whose unique key lets only one
 * of several racing passes through (the others wait for it, then find the row and do nothing), then the
 * grant, its feed item and the notices. Reads the person and the org's settings again under a share lock,
 * so someone deactivated or a setting turned off since the pass looked is not celebrated. Returns
 * whether it celebrated.
 */
export async function celebrateOccasion(db: Database, due: DueOccasion, now: Date): Promise<boolean> {
  return db.transaction(async (tx) => {
    const [facts] = await tx.execute<Facts>(sql`
      select p.name, p.active, p.is_bot, p.public_celebrations, o.birthday_points, o.anniversary_points,
             o.anniversary_points_per_year, o.celebration_channel,
             jsonb_build_object('points', o.point_value_points, 'minor', o.point_value_minor,
                                'currency', o.currency) as point_value
      from people p join organizations o on o.id = p.org_id
      where p.org_id = ${due.orgId}::uuid and p.id = ${due.personId}::uuid
      for share of p, o`);
    if (!facts?.active || facts.is_bot) return false;
    const points = occasionPoints(
      {
        birthdayPoints: facts.birthday_points,
        anniversaryPoints: facts.anniversary_points,
        anniversaryPointsPerYear: facts.anniversary_points_per_year,
      },
      due.occasion,
      due.years,
    );
    if (points === null) return false;

    const [claimed] = await tx
      .insert(celebrations)
      .values({
        orgId: due.orgId,
        personId: due.personId,
        occasion: due.occasion,
        year: due.year,
        celebratedOn: due.celebratedOn,
        years: due.years,
        points,
      })
      .onConflictDoNothing()
      .returning({ id: celebrations.id });
    if (!claimed) return false;

    const message = celebrationMessage(due.occasion, facts.name, due.years);
    const idempotencyKey = celebrationKey(due);
    const { recognitionId } = await payCompanyGrant(tx, {
      orgId: due.orgId,
      recipientIds: [due.personId],
      amount: points,
      message,
      idempotencyKey,
      requestHash: requestHash({ personId: due.personId, occasion: due.occasion, year: due.year, points }),
      actorPersonId: null,
      at: now,
      inFeed: facts.public_celebrations,
    });
    await tx
      .update(celebrations)
      .set({ recognitionId })
      .where(and(eq(celebrations.orgId, due.orgId), eq(celebrations.id, claimed.id)));

    const payload = {
      occasion: due.occasion,
      years: due.years,
      points,
      pointValue: facts.point_value,
      celebratedOn: due.celebratedOn,
      name: facts.name,
      public: facts.public_celebrations,
    };
    const notices: Notice[] = [
      {
        orgId: due.orgId,
        personId: due.personId,
        kind: "celebration.direct",
        dedupeKey: `${idempotencyKey}:dm`,
        payload,
      },
    ];
    if (facts.public_celebrations && facts.celebration_channel) {
      notices.push({
        orgId: due.orgId,
        personId: due.personId,
        kind: "celebration.channel",
        dedupeKey: `${idempotencyKey}:channel`,
        payload: { ...payload, channel: facts.celebration_channel },
      });
    }
    await queueNotifications(tx, notices);
    return true;
  });
}
