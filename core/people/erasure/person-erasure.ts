import { and, eq } from "drizzle-orm";
import type { Executor } from "../../../db/client";
import { people } from "../../../db/schema";
import { eraseSignInIdentities, eraseSlackInstaller } from "./account-erasure";
import { eraseAuditCopies, eraseNotices } from "./copy-erasure";
import { type ErasedIdentity, placeholdersFor } from "./erased-identity";
import {
  eraseBoostReasons,
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
  /** Other recognitions that mentioned them, with the mention replaced. */
  mentions: number;
  ledgerMemos: number;
  boostReasons: number;
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
  mentions: 0,
  ledgerMemos: 0,
  boostReasons: 0,
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
 * Every step of an erasure, in the caller's transaction, each counting what it changed. The person's own
 * record is replaced before their sign-in identities go, since those stay while anyone has the email.
 */
export async function eraseEverywhere(tx: Executor, redaction: Redaction, at: Date): Promise<ErasureChanges> {
  const { identity, placeholders } = redaction;
  const recognitionMessages = await eraseRecognitionMessages(tx, redaction);
  const mentions = await eraseMentions(tx, redaction);
  const ledgerMemos = await eraseLedgerMemos(tx, redaction);
  const boostReasons = await eraseBoostReasons(tx, redaction);
  const snapshots = await eraseRedemptionSnapshots(tx, redaction, at);
  const notices = await eraseNotices(tx, redaction);
  const auditEntries = await eraseAuditCopies(tx, redaction);
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
    recognitionMessages,
    mentions,
    ledgerMemos,
    boostReasons,
    redemptions: snapshots.redemptions,
    giftLinks: snapshots.giftLinks,
    noticesRemoved: notices.removed,
    noticesRedacted: notices.redacted,
    auditEntries,
    signInIdentities: await eraseSignInIdentities(tx, identity),
    slackInstallations: await eraseSlackInstaller(tx, identity),
  };
}
