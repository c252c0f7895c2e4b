import { createHash, randomBytes } from "node:crypto";
import { z } from "zod";
import type { Database } from "../db/client";
import { apiKeys } from "../db/schema";
import type { Actor } from "./actor";
import { recordAudit } from "./audit";
import { type Clock, systemClock } from "./clock";
import { actorOrgId, authorize } from "./permissions";
import { parseInput } from "./validation";

/** Marks the string as a Plaudit key, so secret scanners and people can recognise a leaked one. */
const KEY_MARKER = "plaudit_";
const SECRET_BYTES = 32;
/** The marker plus 8 characters of the secret: enough to tell keys apart, far too few to guess the rest. */
const SHOWN_PREFIX_LENGTH = KEY_MARKER.length + 8;

/** The exact shape of a key this module issues: the marker and 32 bytes as unpadded base64url. */
export const API_KEY_PATTERN = /^plaudit_[A-Za-z0-9_-]{43}$/;

/**
 * A fast hash is right here: the key is 256 random bits, so nothing can be brute-forced from the hash,
 * and a slow hash would cost every API request.
 */
export function hashApiKey(key: string): string {
  return createHash("sha256").update(key, "utf8").digest("hex");
}

const createApiKeyInput = z.object({
  name: z.string().trim().min(1, "Name the key after what uses it.").max(120),
});

export type CreateApiKeyInput = z.input<typeof createApiKeyInput>;

export interface CreateApiKeyResult {
  id: string;
  name: string;
  prefix: string;
  /** The full key. It is shown once: only its hash is stored, so it cannot be recovered later. */
  key: string;
}

/** Issues an org API key; the integration API authenticates with it as the org's system actor. */
export async function createApiKey(
  db: Database,
  actor: Actor,
  input: CreateApiKeyInput,
  clock: Clock = systemClock,
): Promise<CreateApiKeyResult> {
  authorize(actor, "manage_api_keys");
  const orgId = actorOrgId(actor);
  const request = parseInput(createApiKeyInput, input);
  const key = `${KEY_MARKER}${randomBytes(SECRET_BYTES).toString("base64url")}`;
  const prefix = key.slice(0, SHOWN_PREFIX_LENGTH);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(apiKeys)
      .values({
        orgId,
        name: request.name,
        prefix,
        secretHash: hashApiKey(key),
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
      after: { name: request.name, prefix },
    });
    return { id: row.id, name: request.name, prefix, key };
  });
}
