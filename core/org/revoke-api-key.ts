import { and, eq } from "drizzle-orm";
import { z } from "zod";
import type { Database } from "../../db/client";
import { apiKeys } from "../../db/schema";
import type { Actor } from "../shared/actor";
import { type Clock, systemClock } from "../shared/clock";
import { DomainError } from "../shared/errors";
import { actorOrgId, authorize } from "../shared/permissions";
import { parseInput, uuid } from "../shared/validation";
import { recordAudit } from "./audit";

const revokeApiKeyInput = z.object({
  id: uuid("Choose a key."),
});

export type RevokeApiKeyInput = z.input<typeof revokeApiKeyInput>;

export interface RevokeApiKeyResult {
  id: string;
  revokedAt: Date;
}

/** Revokes a key for good. Revoking it again changes nothing and returns the first revocation time. */
export async function revokeApiKey(
  db: Database,
  actor: Actor,
  input: RevokeApiKeyInput,
  clock: Clock = systemClock,
): Promise<RevokeApiKeyResult> {
  authorize(actor, "manage_api_keys");
  const orgId = actorOrgId(actor);
  const request = parseInput(revokeApiKeyInput, input);
  return db.transaction(async (tx) => {
    // Locked so that two concurrent revocations agree on one revoked_at and write one audit entry.
    const [key] = await tx
      .select({ id: apiKeys.id, name: apiKeys.name, prefix: apiKeys.prefix, revokedAt: apiKeys.revokedAt })
      .from(apiKeys)
      .where(and(eq(apiKeys.orgId, orgId), eq(apiKeys.id, request.id)))
      .for("update");
    // Another org's key is reported exactly like a missing one, so ids reveal nothing across orgs.
    if (!key) throw new DomainError("not_found", "That API key doesn't exist.", { field: "id" });
    if (key.revokedAt) return { id: key.id, revokedAt: key.revokedAt };
    const revokedAt = clock();
    await tx
      .update(apiKeys)
      .set({ revokedAt, revokedBy: actor.kind === "person" ? actor.personId : null })
      .where(and(eq(apiKeys.orgId, orgId), eq(apiKeys.id, key.id)));
    await recordAudit(tx, actor, {
      orgId,
      action: "api_key.revoke",
      targetType: "api_key",
      targetId: key.id,
      before: { name: key.name, prefix: key.prefix, revokedAt: null },
      after: { name: key.name, prefix: key.prefix, revokedAt: revokedAt.toISOString() },
    });
    return { id: key.id, revokedAt };
  });
}
