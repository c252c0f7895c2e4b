import { and, eq } from "drizzle-orm";
import type { Executor } from "../../db/client";
import { recognitions } from "../../db/schema";
import { DomainError } from "../shared/errors";

/** Refuses a recognition the org doesn't have, exactly like one that doesn't exist anywhere. */
export async function requireRecognition(db: Executor, orgId: string, recognitionId: string): Promise<void> {
  const [recognition] = await db
    .select({ id: recognitions.id })
    .from(recognitions)
    .where(and(eq(recognitions.orgId, orgId), eq(recognitions.id, recognitionId)));
  if (!recognition) throw new DomainError("not_found", "That recognition doesn't exist.");
}
