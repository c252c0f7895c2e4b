import { z } from "zod";
import type { Database } from "../../db/client";
import { earnedBalances } from "../ledger/accounts";
import { runOnce } from "../ledger/idempotency";
import { recordResult } from "../ledger/postings";
import { requestHash } from "../ledger/request-hash";
import { recordAudit } from "../org/audit";
import { loadPeople } from "../people/people-lookup";
import type { Actor } from "../shared/actor";
import { type Clock, systemClock } from "../shared/clock";
import { DomainError } from "../shared/errors";
import { actorOrgId, authorize } from "../shared/permissions";
import { parseInput, text, uuid } from "../shared/validation";
import { postCompanyGrant } from "./company-grant";
import { MESSAGE_MAX_LENGTH, MESSAGE_TOO_LONG } from "./message-length";

const grantInput = z.object({
  recipientIds: z.array(uuid()).min(1, "Choose at least one person.").max(500),
  amount: z.number().int("Points are whole numbers.").positive("Grant at least 1 point.").max(1_000_000),
  message: text().trim().min(1, "Say what the award is for.").max(MESSAGE_MAX_LENGTH, MESSAGE_TOO_LONG),
  idempotencyKey: text().min(1).max(200),
});

export type GrantPointsInput = z.input<typeof grantInput>;

export interface GrantPointsResult {
  transactionId: number;
  recognitionId: string;
  earnedBalances: Record<string, number>;
  replayed: boolean;
}

/**
 * A company grant (spot award, birthday, anniversary): points paid into people's earned balances by
 * the company rather than from anyone's allowance. Appears in the feed with no giver.
 */
export async function grantPoints(
  db: Database,
  actor: Actor,
  input: GrantPointsInput,
  clock: Clock = systemClock,
): Promise<GrantPointsResult> {
  authorize(actor, "grant_points");
  const orgId = actorOrgId(actor);
  const request = parseInput(grantInput, input);
  const recipientIds = [...new Set(request.recipientIds)].sort();
  const actorPersonId = actor.kind === "person" ? actor.personId : null;
  const hash = requestHash({ recipientIds, amount: request.amount, message: request.message });

  const { result, replayed } = await runOnce(
    db,
    { orgId, key: request.idempotencyKey, hash, kind: "grant" },
    async (tx) => {
      const recipients = await loadPeople(tx, orgId, recipientIds);
      const unable = recipients.find((person) => !person.active || person.isBot);
      if (unable) {
        throw new DomainError(
          unable.isBot ? "recipient_is_bot" : "recipient_inactive",
          `${unable.name} can't receive points.`,
          { field: "recipientIds" },
        );
      }
      const { transactionId, recognitionId } = await postCompanyGrant(tx, {
        orgId,
        recipientIds,
        amount: request.amount,
        message: request.message,
        idempotencyKey: request.idempotencyKey,
        requestHash: hash,
        actorPersonId,
        at: clock(),
      });
      const balances = await earnedBalances(tx, orgId, recipientIds);
      const outcome = {
        transactionId,
        recognitionId,
        earnedBalances: balances,
      };
      await recordResult(tx, transactionId, outcome);
      await recordAudit(tx, actor, {
        orgId,
        action: "points.grant",
        targetType: "recognition",
        targetId: recognitionId,
        after: { recipientIds, amount: request.amount, message: request.message },
      });
      return outcome;
    },
  );
  return { ...result, replayed };
}
