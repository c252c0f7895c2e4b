import { eq } from "drizzle-orm";
import type { Executor } from "../../db/client";
import { billingSettings, organizations } from "../../db/schema";
import { DomainError } from "../shared/errors";

export type BillingSettingsRow = typeof billingSettings.$inferSelect;

function defaults(orgId: string): BillingSettingsRow {
  return {
    orgId,
    closeAfterDays: 5,
    numberPrefix: null,
    taxableKinds: ["gift_card"],
    nextSequence: 1,
    updatedAt: new Date(0),
  };
}

export async function loadBillingSettings(db: Executor, orgId: string): Promise<BillingSettingsRow> {
  const [row] = await db.select().from(billingSettings).where(eq(billingSettings.orgId, orgId));
  return row ?? defaults(orgId);
}

/** The settings row, created with its defaults if need be, locked until the transaction ends. */
export async function lockBillingSettings(tx: Executor, orgId: string): Promise<BillingSettingsRow> {
  await tx.insert(billingSettings).values({ orgId }).onConflictDoNothing();
  const [row] = await tx.select().from(billingSettings).where(eq(billingSettings.orgId, orgId)).for("update");
  if (!row) throw new DomainError("not_found", "That organization doesn't exist.");
  return row;
}

/** `ACME` from the slug `acme`: letters and digits, upper-cased, at most 12. */
export function prefixFromSlug(slug: string): string {
  return (
    slug
      .toUpperCase()
      .replace(/[^A-Z0-9]/g, "")
      .slice(0, 12) || "BILL"
  );
}

export async function numberPrefixOf(db: Executor, settings: BillingSettingsRow): Promise<string> {
  if (settings.numberPrefix) return settings.numberPrefix;
  const [org] = await db
    .select({ slug: organizations.slug })
    .from(organizations)
    .where(eq(organizations.id, settings.orgId));
  return prefixFromSlug(org?.slug ?? "");
}

/** ACME-2026-00007: the prefix, the bill's year, its place in the org's series. */
export function billNumber(prefix: string, period: string, sequence: number): string {
  return `${prefix}-${period.slice(0, 4)}-${String(sequence).padStart(5, "0")}`;
}
