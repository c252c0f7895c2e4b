import { z } from "zod";
import type { Executor } from "../../db/client";
import { loadOrgContext } from "../org/org-context";
import type { Actor } from "../shared/actor";
import { type Clock, systemClock } from "../shared/clock";
import type { PointValue } from "../shared/money";
import { actorOrgId, authorize } from "../shared/permissions";
import { parseInput } from "../shared/validation";
import { billPeriod, periodBounds } from "./bill-period";
import { earnedOf, heldOf, type Movements, movementsBetween } from "./ledger-hours";

const rollForwardInput = z.object({ month: billPeriod });

export type GetRollForwardInput = z.input<typeof rollForwardInput>;

export interface RollForward {
  month: string;
  start: Date;
  end: Date;
  pointValue: PointValue;
  opening: number;
  /** Gives and company grants (spot awards, celebrations) paid into earned balances. */
  earned: number;
  /** Settled redemptions, as a positive figure taken off. */
  redeemed: number;
  /** Leavers' earned points, and the holds of their redemptions released after they left. */
  forfeited: number;
  /** Redeemed points given back by a canceled reward. */
  reversed: number;
  adjusted: number;
  closing: number;
}

const move = (movements: Movements, kind: keyof Movements) =>
  (movements[kind]?.earned ?? 0) + (movements[kind]?.held ?? 0);

/** What left earned and held balances, as a positive figure: 0 when nothing did, never -0 ("−0" on a page). */
const taken = (movements: Movements, ...kinds: (keyof Movements)[]) =>
  kinds.reduce((sum, kind) => sum - move(movements, kind), 0);

/**
 * A month of the liability, in the org's time zone: opening + earned − redeemed − forfeited (+ reversed,
 * + adjusted) = closing, each figure read from the ledger, so that it ties exactly.
 */
export async function getRollForward(
  db: Executor,
  actor: Actor,
  input: GetRollForwardInput,
  clock: Clock = systemClock,
): Promise<RollForward> {
  authorize(actor, "read_liability");
  const orgId = actorOrgId(actor);
  const { month } = parseInput(rollForwardInput, input);
  const now = clock();
  const org = await loadOrgContext(db, orgId);
  const { start, end } = periodBounds(month, org.timeZone);
  const [before, during] = await Promise.all([
    movementsBetween(db, orgId, null, start, now),
    movementsBetween(db, orgId, start, end, now),
  ]);
  const opening = earnedOf(before) + heldOf(before);
  return {
    month,
    start,
    end,
    pointValue: org.pointValue,
    opening,
    earned: move(during, "give") + move(during, "grant"),
    redeemed: taken(during, "settle"),
    // A leaver's redemption released after they left goes where their balance went, to the forfeited
    // account; a release to the person moves nothing out of earned and held together.
    forfeited: taken(during, "forfeit", "release"),
    reversed: move(during, "reversal"),
    adjusted: move(during, "adjustment"),
    closing: opening + earnedOf(during) + heldOf(during),
  };
}
