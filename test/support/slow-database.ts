import { type SQL, sql } from "drizzle-orm";
import type { Database } from "../../db/client";

export interface HeldLock {
  /** Ends the transaction holding the lock; whatever waits on it goes ahead. */
  release: () => Promise<void>;
}

/**
 * Runs `statement` in a transaction on another connection and keeps the transaction, with the locks it
 * took, open until released: a database too slow for Slack's deadline, on demand. Resolves once the lock
 * is held; `check` may refuse what the statement found.
 */
async function holdLock(db: Database, statement: SQL, check: (rows: number) => void = () => {}) {
  let release: () => void = () => {};
  const released = new Promise<void>((resolve) => {
    release = resolve;
  });
  let locked: () => void = () => {};
  const lockTaken = new Promise<void>((resolve) => {
    locked = resolve;
  });
  const holding = db.transaction(async (tx) => {
    check((await tx.execute(statement)).length);
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

/** Locks the person's allowance account, so that their next give waits. Give once first, to open it. */
export function holdAllowanceLock(db: Database, personId: string): Promise<HeldLock> {
  return holdLock(
    db,
    sql`select id from ledger_accounts where person_id = ${personId}::uuid and kind = 'allowance' for update`,
    (rows) => {
      if (rows === 0) throw new Error("The person has no allowance account to lock yet: give once first.");
    },
  );
}

/** Locks the table of Slack installations, so that finding a request's workspace waits. */
export function holdWorkspaceLookup(db: Database): Promise<HeldLock> {
  return holdLock(db, sql`lock table slack_installations in access exclusive mode`);
}

export function pause(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Slack shows the user an error, and sends the request again, when it has no answer within this. */
export const SLACK_GIVES_UP_MS = 3_000;
