import { and, eq, ne, or, type SQL, sql } from "drizzle-orm";
import { z } from "zod";
import type { Transaction } from "../../db/client";
import { levels } from "../../db/schema";
import { DomainError, sqlState } from "../shared/errors";
import { text } from "../shared/validation";

/** Name, threshold and grant of a level, as the add and edit forms send them. */
export const levelFields = {
  name: text("Name the level.").trim().min(1, "Name the level.").max(40, "Keep the name to 40 characters."),
  threshold: z
    .number("Enter the points as a whole number.")
    .int("Use a whole number of points.")
    .positive("The threshold must be at least 1 point.")
    .max(100_000_000, "Keep the threshold under 100,000,000 points."),
  /** Null: reaching the level grants nothing. */
  grantPoints: z
    .number("Enter the grant as a whole number, or leave it empty.")
    .int("Use a whole number of points.")
    .positive("Grant at least 1 point, or leave it empty for none.")
    .max(1_000_000, "Keep the grant under 1,000,000 points.")
    .nullable(),
};

export interface Level {
  id: string;
  name: string;
  threshold: number;
  grantPoints: number | null;
}

export const LEVEL_COLUMNS = {
  id: levels.id,
  name: levels.name,
  threshold: levels.threshold,
  grantPoints: levels.grantPoints,
};

/** Audit actions that change who has reached what; the level pass looks at every person after one. */
export const LEVEL_AUDIT_ACTIONS = ["level.create", "level.update", "level.remove", "level.window"] as const;

/**
 * Refuses a name or threshold another level of the org already has, naming every field at fault at
 * once. Names compare without regard to case, so "gold" and "Gold" can't both be on the ladder.
 */
export async function refuseDuplicateLevel(
  tx: Transaction,
  orgId: string,
  level: { name: string; threshold: number },
  exceptId?: string,
): Promise<void> {
  const others: SQL[] = [eq(levels.orgId, orgId)];
  if (exceptId) others.push(ne(levels.id, exceptId));
  const clashes = await tx
    .select(LEVEL_COLUMNS)
    .from(levels)
    .where(
      and(
        ...others,
        or(sql`lower(${levels.name}) = lower(${level.name})`, eq(levels.threshold, level.threshold)),
      ),
    );
  const fieldErrors: Record<string, string> = {};
  for (const clash of clashes) {
    if (clash.name.toLowerCase() === level.name.toLowerCase()) {
      fieldErrors.name = `There is already a level called ${clash.name}.`;
    }
    if (clash.threshold === level.threshold) {
      fieldErrors.threshold = `${clash.name} already starts at this many points.`;
    }
  }
  const [field, message] = Object.entries(fieldErrors)[0] ?? [];
  if (field && message) throw new DomainError("conflict", message, { field, fieldErrors });
}

/** A race lost to another admin saving the same name or threshold, told as the check above tells it. */
export function duplicateLevelRace(error: unknown): DomainError | null {
  if (sqlState(error) !== "23505") return null;
  return new DomainError("conflict", "Another level took this name or threshold just now: try again.", {
    field: "threshold",
  });
}

/** A level of the org, locked for the rest of the transaction; another org's looks like none at all. */
export async function lockLevel(tx: Transaction, orgId: string, levelId: string): Promise<Level> {
  const [level] = await tx
    .select(LEVEL_COLUMNS)
    .from(levels)
    .where(and(eq(levels.orgId, orgId), eq(levels.id, levelId)))
    .for("update");
  if (!level) throw new DomainError("not_found", "That level doesn't exist.", { field: "levelId" });
  return level;
}
