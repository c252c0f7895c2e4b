import { eq } from "drizzle-orm";
import type { Executor } from "../../db/client";
import { organizations } from "../../db/schema";
import type { Actor } from "../shared/actor";
import { actorOrgId, authorize } from "../shared/permissions";
import { loadBillingSettings, prefixFromSlug } from "./billing-settings";

export interface BillingSettingsView {
  closeAfterDays: number;
  /** The prefix bills are numbered with, and whether it can still change (no bill has closed yet). */
  numberPrefix: string;
  prefixEditable: boolean;
  taxableKinds: ("gift_card" | "charity" | "custom")[];
}

export async function getBillingSettings(db: Executor, actor: Actor): Promise<BillingSettingsView> {
  authorize(actor, "manage_billing");
  const orgId = actorOrgId(actor);
  const settings = await loadBillingSettings(db, orgId);
  const [org] = await db
    .select({ slug: organizations.slug })
    .from(organizations)
    .where(eq(organizations.id, orgId));
  return {
    closeAfterDays: settings.closeAfterDays,
    numberPrefix: settings.numberPrefix ?? prefixFromSlug(org?.slug ?? ""),
    prefixEditable: settings.nextSequence === 1,
    taxableKinds: settings.taxableKinds,
  };
}
