import { and, eq } from "drizzle-orm";
import { z } from "zod";
import type { Executor } from "../../db/client";
import { auditLog, organizations, people } from "../../db/schema";
import type { Actor } from "../shared/actor";
import { authorize } from "../shared/permissions";
import { parseInput, text } from "../shared/validation";
import { DEMO_SEEDED_ACTION } from "./mark-demo-seeded";

const statusInput = z.object({
  slug: text().trim().toLowerCase().min(1),
  /** The demo's first admin: an org with the slug but without them is someone else's. */
  adminEmail: z.email().trim().toLowerCase(),
});

export type GetDemoSeedStatusInput = z.input<typeof statusInput>;

export type DemoSeedStatus =
  /** No org has the slug; `anyOrganization` tells a fresh database from one already in use. */
  | { kind: "absent"; anyOrganization: boolean }
  /** An org has the slug but is not the demo. */
  | { kind: "foreign" }
  /** The demo org; `complete` once its seed finished (markDemoSeeded), false while interrupted. */
  | { kind: "demo"; orgId: string; adminId: string; complete: boolean };

/** Where the operator's demo seed stands in this database: not started, interrupted or finished. */
export async function getDemoSeedStatus(
  db: Executor,
  actor: Actor,
  input: GetDemoSeedStatusInput,
): Promise<DemoSeedStatus> {
  authorize(actor, "seed_demo");
  const { slug, adminEmail } = parseInput(statusInput, input);
  const [org] = await db
    .select({ id: organizations.id })
    .from(organizations)
    .where(eq(organizations.slug, slug));
  if (!org) {
    const [any] = await db.select({ id: organizations.id }).from(organizations).limit(1);
    return { kind: "absent", anyOrganization: any !== undefined };
  }
  const [admin] = await db
    .select({ id: people.id })
    .from(people)
    .where(and(eq(people.orgId, org.id), eq(people.email, adminEmail)));
  if (!admin) return { kind: "foreign" };
  const [mark] = await db
    .select({ id: auditLog.id })
    .from(auditLog)
    .where(and(eq(auditLog.orgId, org.id), eq(auditLog.action, DEMO_SEEDED_ACTION)))
    .limit(1);
  return { kind: "demo", orgId: org.id, adminId: admin.id, complete: mark !== undefined };
}
