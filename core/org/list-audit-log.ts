import { and, desc, eq, lt } from "drizzle-orm";
import { z } from "zod";
import type { Executor } from "../../db/client";
import { auditLog, people } from "../../db/schema";
import type { Actor } from "../shared/actor";
import { actorOrgId, authorize } from "../shared/permissions";
import { parseInput } from "../shared/validation";

const auditLogInput = z.object({
  /** The id of the last entry shown; entries are numbered in the order they were written. */
  before: z.number().int().positive().optional(),
  limit: z.number().int().min(1).max(200).default(50),
});

export interface AuditLogEntry {
  id: number;
  createdAt: Date;
  action: string;
  targetType: string;
  targetId: string | null;
  /** Null when the operator CLI or the system acted. */
  actor: { id: string; name: string } | null;
  before: unknown;
  after: unknown;
}

export interface AuditLogPage {
  entries: AuditLogEntry[];
  /** Pass back as `before` for the next page; null on the last page. */
  nextBefore: number | null;
}

/** Who changed what and when, newest first, for admins of the org. */
export async function listAuditLog(
  db: Executor,
  actor: Actor,
  input: z.input<typeof auditLogInput> = {},
): Promise<AuditLogPage> {
  authorize(actor, "read_audit_log");
  const orgId = actorOrgId(actor);
  const request = parseInput(auditLogInput, input);
  const rows = await db
    .select({
      id: auditLog.id,
      createdAt: auditLog.createdAt,
      action: auditLog.action,
      targetType: auditLog.targetType,
      targetId: auditLog.targetId,
      actorId: people.id,
      actorName: people.name,
      before: auditLog.before,
      after: auditLog.after,
    })
    .from(auditLog)
    .leftJoin(people, and(eq(people.orgId, auditLog.orgId), eq(people.id, auditLog.actorPersonId)))
    .where(and(eq(auditLog.orgId, orgId), request.before ? lt(auditLog.id, request.before) : undefined))
    .orderBy(desc(auditLog.id))
    .limit(request.limit + 1);
  const entries = rows.slice(0, request.limit).map(({ actorId, actorName, ...entry }) => ({
    ...entry,
    actor: actorId && actorName ? { id: actorId, name: actorName } : null,
  }));
  return {
    entries,
    nextBefore: rows.length > request.limit ? (entries.at(-1)?.id ?? null) : null,
  };
}
