import type { Executor } from "../../db/client";
import { auditLog } from "../../db/schema";
import type { Actor } from "../shared/actor";

export interface AuditEntry {
  orgId: string;
  action: string;
  targetType: string;
  targetId?: string | null;
  before?: unknown;
  after?: unknown;
}

/** Records who changed what; written in the same transaction as the change it describes. */
export async function recordAudit(tx: Executor, actor: Actor, entry: AuditEntry): Promise<void> {
  await tx.insert(auditLog).values({
    orgId: entry.orgId,
    actorPersonId: actor.kind === "person" ? actor.personId : null,
    action: entry.action,
    targetType: entry.targetType,
    targetId: entry.targetId ?? null,
    before: entry.before ?? null,
    after: entry.after ?? null,
  });
}
