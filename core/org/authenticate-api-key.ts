import { and, eq, isNull, lt, or } from "drizzle-orm";
import type { Executor } from "../../db/client";
import { apiKeys } from "../../db/schema";
import type { Actor, ApiKeyGrant } from "../shared/actor";
import { type Clock, systemClock } from "../shared/clock";
import { DomainError } from "../shared/errors";
import { API_KEY_PATTERN, hashApiKey } from "./api-key-secret";

/** last_used_at is a hint for admins, not an access log: refreshing it on every request would cost a write each. */
const LAST_USED_RESOLUTION_MS = 60_000;

export interface ApiKeyAuthentication {
  actor: Actor & { kind: "system"; apiKey: ApiKeyGrant };
  apiKeyId: string;
}

/**
 * Resolves a presented key to its org's system actor, carrying the key's scopes: the permission table
 * lets it do what those are named for and nothing else. Unknown, malformed and revoked keys get the same
 * error, so a caller learns nothing about which keys exist.
 */
export async function authenticateApiKey(
  db: Executor,
  key: string,
  clock: Clock = systemClock,
): Promise<ApiKeyAuthentication> {
  const refused = new DomainError("unauthenticated", "That API key is not valid.");
  if (typeof key !== "string" || !API_KEY_PATTERN.test(key)) throw refused;
  // Looked up by hash: the database compares hashes, so no comparison ever touches the secret itself.
  const [row] = await db
    .select({
      id: apiKeys.id,
      orgId: apiKeys.orgId,
      scopes: apiKeys.scopes,
      lastUsedAt: apiKeys.lastUsedAt,
      revokedAt: apiKeys.revokedAt,
    })
    .from(apiKeys)
    .where(eq(apiKeys.secretHash, hashApiKey(key)));
  if (!row || row.revokedAt) throw refused;

  const now = clock();
  const staleBefore = new Date(now.getTime() - LAST_USED_RESOLUTION_MS);
  if (!row.lastUsedAt || row.lastUsedAt < staleBefore) {
    // The guard repeats the staleness check so that a burst of concurrent requests writes once.
    await db
      .update(apiKeys)
      .set({ lastUsedAt: now })
      .where(
        and(
          eq(apiKeys.id, row.id),
          eq(apiKeys.orgId, row.orgId),
          or(isNull(apiKeys.lastUsedAt), lt(apiKeys.lastUsedAt, staleBefore)),
        ),
      );
  }
  return {
    actor: { kind: "system", orgId: row.orgId, apiKey: { id: row.id, scopes: row.scopes } },
    apiKeyId: row.id,
  };
}
