import { desc, eq } from "drizzle-orm";
import type { Executor } from "../../db/client";
import { apiKeys } from "../../db/schema";
import type { Actor } from "../shared/actor";
import type { ApiScope } from "../shared/api-scopes";
import { actorOrgId, authorize } from "../shared/permissions";

export interface ApiKeySummary {
  id: string;
  name: string;
  /** The start of the key, for telling keys apart; the key itself is never stored. */
  prefix: string;
  /** What the key may do. */
  scopes: ApiScope[];
  createdBy: string | null;
  createdAt: Date;
  /** Updated at most once a minute, so it is accurate to about a minute. */
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

/** The org's API keys, newest first, revoked ones included. Never returns a secret or its hash. */
export async function listApiKeys(db: Executor, actor: Actor): Promise<ApiKeySummary[]> {
  authorize(actor, "manage_api_keys");
  const orgId = actorOrgId(actor);
  return db
    .select({
      id: apiKeys.id,
      name: apiKeys.name,
      prefix: apiKeys.prefix,
      scopes: apiKeys.scopes,
      createdBy: apiKeys.createdBy,
      createdAt: apiKeys.createdAt,
      lastUsedAt: apiKeys.lastUsedAt,
      revokedAt: apiKeys.revokedAt,
    })
    .from(apiKeys)
    .where(eq(apiKeys.orgId, orgId))
    .orderBy(desc(apiKeys.createdAt), desc(apiKeys.id));
}
