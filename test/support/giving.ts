import { type GivePointsResult, givePoints } from "../../core/giving/give-points";
import type { Database } from "../../db/client";
import { key, type TestPerson } from "./factories";

export interface GiveOptions {
  /** The instant of the give; the real clock when omitted. */
  at?: Date | string;
  values?: string[];
  message?: string;
}

/** A web give from `giver` to `recipients` at a chosen instant, with a fresh idempotency key. */
export function giveAt(
  db: Database,
  giver: TestPerson,
  recipients: readonly TestPerson[],
  amount: number,
  options: GiveOptions = {},
): Promise<GivePointsResult> {
  const { at } = options;
  return givePoints(
    db,
    giver.actor,
    {
      recipientIds: recipients.map((recipient) => recipient.id),
      amount,
      message: options.message ?? `Thanks from ${giver.name}`,
      values: options.values ?? [],
      source: "web",
      idempotencyKey: key(),
    },
    at === undefined ? undefined : () => new Date(at),
  );
}
