import { z } from "zod";
import type { Database } from "../../db/client";
import { accountKind, ledgerAccounts, organizations, people } from "../../db/schema";
import type { Actor } from "../shared/actor";
import { DomainError, sqlState } from "../shared/errors";
import { isValidTimeZone } from "../shared/periods";
import { authorize } from "../shared/permissions";
import { parseInput, text } from "../shared/validation";
import { recordAudit } from "./audit";

const SYSTEM_ACCOUNT_KINDS = accountKind.enumValues.filter(
  (kind) => kind !== "allowance" && kind !== "earned",
);

const createOrganizationInput = z.object({
  name: text().trim().min(1, "Name the organization.").max(120),
  slug: text()
    .trim()
    .toLowerCase()
    .regex(/^[a-z0-9][a-z0-9-]{1,39}$/, "Use 2-40 lower-case letters, digits and dashes."),
  timeZone: text().refine(isValidTimeZone, "Use an IANA time zone such as America/New_York.").default("UTC"),
  currency: text()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{3}$/, "Use a three-letter ISO 4217 currency code.")
    .default("USD"),
  admin: z.object({
    name: text().trim().min(1, "Name the first admin.").max(120),
    email: z.email("Enter a valid email address.").trim().toLowerCase(),
  }),
});

export type CreateOrganizationInput = z.input<typeof createOrganizationInput>;

export interface CreateOrganizationResult {
  orgId: string;
  adminId: string;
}

/** Creates an org with its ledger system accounts and its first admin. Only the operator does this. */
export async function createOrganization(
  db: Database,
  actor: Actor,
  input: CreateOrganizationInput,
): Promise<CreateOrganizationResult> {
  authorize(actor, "create_organization");
  const request = parseInput(createOrganizationInput, input);
  try {
    return await db.transaction(async (tx) => {
      const [org] = await tx
        .insert(organizations)
        .values({
          name: request.name,
          slug: request.slug,
          timeZone: request.timeZone,
          currency: request.currency,
        })
        .returning();
      if (!org) throw new Error("organization insert returned nothing");
      await tx.insert(ledgerAccounts).values(SYSTEM_ACCOUNT_KINDS.map((kind) => ({ orgId: org.id, kind })));
      const [admin] = await tx
        .insert(people)
        .values({
          orgId: org.id,
          name: request.admin.name,
          email: request.admin.email,
          roles: ["employee", "admin"],
        })
        .returning({ id: people.id });
      if (!admin) throw new Error("admin insert returned nothing");
      await recordAudit(tx, actor, {
        orgId: org.id,
        action: "organization.create",
        targetType: "organization",
        targetId: org.id,
        after: { ...request },
      });
      return { orgId: org.id, adminId: admin.id };
    });
  } catch (error) {
    if (sqlState(error) === "23505") {
      throw new DomainError("conflict", `An organization with the slug "${request.slug}" already exists.`, {
        field: "slug",
      });
    }
    throw error;
  }
}
