import { eq } from "drizzle-orm";
import { DomainError } from "../../core/shared/errors";
import type { Database } from "../../db/client";
import { organizations } from "../../db/schema";

/** The operator names orgs by slug; core use cases take ids. */
export async function orgIdBySlug(db: Database, slug: string): Promise<string> {
  const [org] = await db
    .select({ id: organizations.id })
    .from(organizations)
    .where(eq(organizations.slug, slug.trim().toLowerCase()));
  if (!org) throw new DomainError("not_found", `No organization has the slug "${slug}".`);
  return org.id;
}
