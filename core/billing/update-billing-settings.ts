import { eq } from "drizzle-orm";
import { z } from "zod";
import type { Database } from "../../db/client";
import { billingSettings } from "../../db/schema";
import { recordAudit } from "../org/audit";
import type { Actor } from "../shared/actor";
import { type Clock, systemClock } from "../shared/clock";
import { DomainError } from "../shared/errors";
import { actorOrgId, authorize } from "../shared/permissions";
import { parseInput, text } from "../shared/validation";
import { lockBillingSettings } from "./billing-settings";

const updateInput = z
  .object({
    closeAfterDays: z
      .number("Enter a number of days.")
      .int("Enter whole days.")
      .min(0, "Enter 0 or more days.")
      .max(60, "Close bills within 60 days of the month's end."),
    numberPrefix: text()
      .trim()
      .toUpperCase()
      .regex(/^[A-Z0-9][A-Z0-9-]{0,11}$/, "Use up to 12 letters, digits and dashes, such as ACME."),
    taxableKinds: z
      .array(z.enum(["gift_card", "charity", "custom"], "Unknown reward kind."))
      .max(3)
      .transform((kinds) => [...new Set(kinds)].sort()),
  })
  .partial()
  .strict();

export type UpdateBillingSettingsInput = z.input<typeof updateInput>;

/**
 * Finance sets how bills close and are numbered, and what payroll counts as taxable. The number prefix
 * can change only until the first bill closes: a series keeps one name. A closed bill keeps the taxable
 * kinds it closed with.
 */
export async function updateBillingSettings(
  db: Database,
  actor: Actor,
  input: UpdateBillingSettingsInput,
  clock: Clock = systemClock,
): Promise<void> {
  authorize(actor, "manage_billing");
  const orgId = actorOrgId(actor);
  const request = parseInput(updateInput, input);
  await db.transaction(async (tx) => {
    const before = await lockBillingSettings(tx, orgId);
    if (
      request.numberPrefix !== undefined &&
      request.numberPrefix !== before.numberPrefix &&
      before.nextSequence > 1
    ) {
      throw new DomainError(
        "conflict",
        "Bills have been numbered already: the prefix can no longer change.",
        {
          field: "numberPrefix",
        },
      );
    }
    await tx
      .update(billingSettings)
      .set({ ...request, updatedAt: clock() })
      .where(eq(billingSettings.orgId, orgId));
    const changed = Object.keys(request) as (keyof typeof request)[];
    await recordAudit(tx, actor, {
      orgId,
      action: "billing.update_settings",
      targetType: "organization",
      targetId: orgId,
      before: Object.fromEntries(changed.map((key) => [key, before[key]])),
      after: request,
    });
  });
}
