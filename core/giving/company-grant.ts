import type { Transaction } from "../../db/client";
import { recognitionRecipients, recognitions } from "../../db/schema";
import { earnedAccountIds, systemAccountId } from "../ledger/accounts";
import { post } from "../ledger/postings";
import { loadPeople } from "../people/people-lookup";
import { DomainError } from "../shared/errors";

export interface CompanyGrant {
  orgId: string;
  /** Distinct and sorted, so that the earned accounts are locked in one order. */
  recipientIds: readonly string[];
  amount: number;
  message: string;
  idempotencyKey: string;
  requestHash: string;
  /** The admin who made it; null for what Plaudit grants by itself (a birthday, a level). */
  actorPersonId: string | null;
  at: Date;
  /** False for what only its recipients see, such as a celebration of someone who keeps theirs private. */
  inFeed?: boolean;
}

/**
 * Pays a company grant inside the caller's transaction: points from the org's company grants account
 * into each recipient's earned balance, and the recognition with no giver that shows it. Bots and
 * leavers can't receive points. Spot awards, celebrations and level grants are all this.
 */
export async function payCompanyGrant(
  tx: Transaction,
  grant: CompanyGrant,
): Promise<{ transactionId: number; recognitionId: string }> {
  const { orgId, recipientIds, amount, at } = grant;
  const recipients = await loadPeople(tx, orgId, recipientIds);
  const unable = recipients.find((person) => !person.active || person.isBot);
  if (unable) {
    throw new DomainError(
      unable.isBot ? "recipient_is_bot" : "recipient_inactive",
      `${unable.name} can't receive points.`,
      { field: "recipientIds" },
    );
  }
  const earned = await earnedAccountIds(tx, orgId, recipientIds);
  const total = amount * recipientIds.length;
  const transactionId = await post(tx, {
    orgId,
    kind: "grant",
    at,
    idempotencyKey: grant.idempotencyKey,
    requestHash: grant.requestHash,
    actorPersonId: grant.actorPersonId,
    memo: grant.message,
    entries: [
      { accountId: await systemAccountId(tx, orgId, "company_grants"), amount: -total },
      ...recipientIds.map((id) => ({ accountId: earned.get(id) ?? 0, amount })),
    ],
  });
  const [recognition] = await tx
    .insert(recognitions)
    .values({
      orgId,
      giverId: null,
      source: "system",
      message: grant.message,
      amountPerRecipient: amount,
      totalAmount: total,
      transactionId,
      inFeed: grant.inFeed ?? true,
      createdAt: at,
    })
    .returning({ id: recognitions.id });
  if (!recognition) throw new Error("recognition insert returned nothing");
  await tx.insert(recognitionRecipients).values(
    recipientIds.map((personId) => ({
      recognitionId: recognition.id,
      personId,
      orgId,
      amount,
      createdAt: at,
    })),
  );
  return { transactionId, recognitionId: recognition.id };
}
