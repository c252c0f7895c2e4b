import { and, eq, sql } from "drizzle-orm";
import type { Executor } from "../../../db/client";
import { people } from "../../../db/schema";
import { lockEarnedSlots } from "../../ledger/accounts";
import { eraseSignInIdentities, eraseSlackInstaller } from "./account-erasure";
import { eraseAuditCopies, eraseCelebrations, eraseNotices } from "./copy-erasure";
import { type ErasedIdentity, placeholdersFor } from "./erased-identity";
import {
  eraseBoostReasons,
  eraseComments,
  eraseLedgerMemos,
  eraseMentions,
  eraseRecognitionMessages,
} from "./free-text-erasure";
import type { Redaction } from "./redaction";
import { eraseRedemptionSnapshots } from "./redemption-erasure";

/** How many records of each kind the erasure changed. */
export interface ErasureChanges {
  /** Messages of recognitions they gave or received, replaced whole. */
  recognitionMessages: number;
  /** Comments they wrote, or under a recognition they gave or received, replaced whole. */
  comments: number;
  /** Other recognitions and comments that mentioned them, with the mention replaced. */
  mentions: number;
  ledgerMemos: number;
  boostReasons: number;
  /** Birthdays and work anniversaries celebrated, whose days were theirs. */
  celebrations: number;
  redemptions: number;
  giftLinks: number;
  noticesRemoved: number;
  noticesRedacted: number;
  auditEntries: number;
  signInIdentities: number;
  slackInstallations: number;
}

export const NOTHING_CHANGED: ErasureChanges = {
  recognitionMessages: 0,
  comments: 0,
  mentions: 0,
  ledgerMemos: 0,
  boostReasons: 0,
  celebrations: 0,
  redemptions: 0,
  giftLinks: 0,
  noticesRemoved: 0,
  noticesRedacted: 0,
  auditEntries: 0,
  signInIdentities: 0,
  slackInstallations: 0,
};

/** The person as stored before the erasure, and the placeholders that replace them. */
export function redactionOf(person: typeof people.$inferSelect): Redaction {
  const identity: ErasedIdentity = {
    orgId: person.orgId,
    personId: person.id,
    name: person.name,
    email: person.email,
    externalEmployeeId: person.externalEmployeeId,
    slackTeamId: person.slackTeamId,
    slackUserId: person.slackUserId,
  };
  return { identity, placeholders: placeholdersFor(person.id) };
}

/**
 * Gives to the person and the erasure take turns. Every give credits one of their eight earned slots
 * (slots 0 to 7, see the ledger_accounts_slot_range check), opening it if need be: with all eight
 * opened and locked here, a give already past that point finishes first, and its recognition is there
 * to be erased; a later one waits for the erasure to commit, then finds them inactive and is refused.
 */
async function holdGivesToThem(tx: Executor, { orgId, personId }: ErasedIdentity): Promise<void> {
  await tx.execute(sql`
    insert into ledger_accounts (org_id, person_id, kind, slot, balance)
    select ${orgId}::uuid, ${personId}::uuid, 'earned', slot, 0 from generate_series(0, 7) as slot
    on conflict on constraint ledger_accounts_owner_unique do nothing`);
  await lockEarnedSlots(tx, orgId, personId);
}

/**
 * Every step of an erasure, in the caller's transaction (after the deactivation), each counting what
 * it changed. The person's own record is replaced before their sign-in identities go, which stay while
 * anyone has the email. Their recognitions come last, leaving the least time for a give of their own,
 * made meanwhile, to slip past.
 */
export async function eraseEverywhere(tx: Executor, redaction: Redaction, at: Date): Promise<ErasureChanges> {
  const { identity, placeholders } = redaction;
  await holdGivesToThem(tx, identity);
  const mentions = await eraseMentions(tx, redaction);
  const ledgerMemos = await eraseLedgerMemos(tx, redaction);
  const boostReasons = await eraseBoostReasons(tx, redaction);
  const snapshots = await eraseRedemptionSnapshots(tx, redaction, at);
  const notices = await eraseNotices(tx, redaction);
  const auditEntries = await eraseAuditCopies(tx, redaction);
  const celebrations = await eraseCelebrations(tx, redaction);
  await tx
    .update(people)
    .set({
      ...placeholders,
      externalEmployeeId: null,
      slackTeamId: null,
      slackUserId: null,
      birthday: null,
      hireDate: null,
      erasedAt: at,
    })
    .where(and(eq(people.orgId, identity.orgId), eq(people.id, identity.personId)));
  return {
    mentions,
    ledgerMemos,
    boostReasons,
    celebrations,
    redemptions: snapshots.redemptions,
    giftLinks: snapshots.giftLinks,
    noticesRemoved: notices.removed,
    noticesRedacted: notices.redacted,
    auditEntries,
    signInIdentities: await eraseSignInIdentities(tx, identity),
    slackInstallations: await eraseSlackInstaller(tx, identity),
    recognitionMessages: await eraseRecognitionMessages(tx, redaction),
    comments: await eraseComments(tx, redaction),
  };
}
