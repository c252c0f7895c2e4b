import { and, eq, isNotNull } from "drizzle-orm";
import type { Executor } from "../../db/client";
import { rewardSettings } from "../../db/schema";
import type { Actor } from "../shared/actor";
import { authorize } from "../shared/permissions";
import { openSecret } from "../shared/secret-box";

export interface OrgWebhookKey {
  orgId: string;
  key: string;
}

/**
 * The webhook keys of every org connected to Tremendous. A webhook names no org, so the route tries
 * each key: the one that verifies the signature says whose account sent it, and nothing else is trusted.
 */
export async function listWebhookKeys(db: Executor, actor: Actor): Promise<OrgWebhookKey[]> {
  authorize(actor, "read_webhook_keys");
  const rows = await db
    .select({ orgId: rewardSettings.orgId, sealed: rewardSettings.webhookKeyEncrypted })
    .from(rewardSettings)
    .where(and(eq(rewardSettings.provider, "tremendous"), isNotNull(rewardSettings.webhookKeyEncrypted)));
  return rows.flatMap((row) => (row.sealed ? [{ orgId: row.orgId, key: openSecret(row.sealed) }] : []));
}
