import { forbidden, notFound } from "next/navigation";
import { isDomainError } from "@/core/shared/errors";
import { awaitDatabase } from "./unavailable";

/**
 * A page's core call: a refusal renders the 403 page and anything out of reach the 404 page, so another
 * org's ids look exactly like ids that do not exist; a database outage, the page that says so.
 */
export async function guarded<Result>(work: Promise<Result>): Promise<Result> {
  try {
    return await awaitDatabase(work);
  } catch (error) {
    if (isDomainError(error, "forbidden")) forbidden();
    if (isDomainError(error, "not_found") || isDomainError(error, "invalid")) notFound();
    throw error;
  }
}
