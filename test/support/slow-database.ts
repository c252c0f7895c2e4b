import { sql } from "drizzle-orm";
import type { Database } from "../../db/client";

export interface HeldLock {
  /** Ends the transaction holding the lock; the gives waiting on it go ahead. */
  release: () => Promise<void>;
}

/**
 * Holds the row lock on the person's allowance accounts from another connection, so that their next
 * give waits on it as long as the test likes: a database too slow for Slack's deadline, on demand. The
 * account must exist already (give once first).
 */
export async function holdAllowanceLock(db: Database, personId: string): Promise<HeldLock> {
  let release: () => void = () => {};
  const released = new Promise<void>((resolve) => {
    release = resolve;
  });
  let locked: () => void = () => {};
  const lockTaken = new Promise<void>((resolve) => {
    locked = resolve;
  });
  const holding = db.transaction(async (tx) => {
    const rows = await tx.execute(sql`
      select id from ledger_accounts where person_id = ${personId}::uuid and kind = 'allowance' for update`);
    if (rows.length === 0)
      throw new Error("The person has no allowance account to lock yet: give once first.");
    locked();
    await released;
  });
  await Promise.race([lockTaken, holding]);
  return {
    release: async () => {
      release();
      await holding;
    },
  };
}

export function pause(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Slack shows the user an error, and sends the request again, when it has no answer within this. */
export const SLACK_GIVES_UP_MS = 3_000;
