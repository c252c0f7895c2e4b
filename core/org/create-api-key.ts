import { z } from "zod";
import type { Database } from "../../db/client";
import { apiKeys } from "../../db/schema";
import type { Actor } from "../shared/actor";
import { API_SCOPES, type ApiScope } from "../shared/api-scopes";
import { type Clock, systemClock } from "../shared/clock";
import { actorOrgId, authorize } from "../shared/permissions";
import { parseInput, text } from "../shared/validation";
import { hashApiKey, newApiKey } from "./api-key-secret";
import { recordAudit } from "./audit";

const createApiKeyInput = z.object({
  name: text().trim().min(1, "Name the key after what uses it.").max(120),
  scopes: z
    .array(z.enum(API_SCOPES as [ApiScope, ...ApiScope[]], "Choose from the scopes listed."), {
      error: "Choose at least one thing the key may do.",
    })
    .min(1, "Choose at least one thing the key may do.")
    .max(API_SCOPES.length * 2),
});

export type CreateApiKeyInput = z.input<typeof createApiKeyInput>;

export interface CreateApiKeyResult {
  id: string;
  name: string;
  prefix: string;
  scopes: ApiScope[];
  /** The full key. It is shown once: only its hash is stored, so it cannot be recovered later. */
  key: string;
}

/**
 * Issues an org API key with the scopes the admin chose; the integration API authenticates with it as
 * the org's system actor, limited to those scopes.
 */
export async function createApiKey(
  db: Database,
  actor: Actor,
  input: CreateApiKeyInput,
  clock: Clock = systemClock,
): Promise<CreateApiKeyResult> {
  authorize(actor, "manage_api_keys");
  const orgId = actorOrgId(actor);
  const request = parseInput(createApiKeyInput, input);
  const { key, prefix } = newApiKey();
  // Stored in the order the scopes are listed everywhere, each once.
  const scopes = API_SCOPES.filter((scope) => request.scopes.includes(scope));
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(apiKeys)
      .values({
        orgId,
        name: request.name,
        prefix,
        secretHash: hashApiKey(key),
        scopes,
        createdBy: actor.kind === "person" ? actor.personId : null,
        createdAt: clock(),
      })
      .returning({ id: apiKeys.id });
    if (!row) throw new Error("api key insert returned nothing");
    // The audit entry names the key by its prefix; neither the key nor its hash is ever logged.
    await recordAudit(tx, actor, {
      orgId,
      action: "api_key.create",
      targetType: "api_key",
      targetId: row.id,
      after: { name: request.name, prefix, scopes },
    });
    return { id: row.id, name: request.name, prefix, scopes, key };
  });
}
