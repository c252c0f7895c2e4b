import { forbidden, notFound } from "next/navigation";
import { isDomainError } from "@/core/shared/errors";

/**
 * A page's core call: a refusal renders the 403 page and anything out of reach the 404 page, so another
 * org's ids look exactly like ids that do not exist.
 */
export async function guarded<Result>(work: Promise<Result>): Promise<Result> {
  try {
    return await work;
  } catch (error) {
    if (isDomainError(error, "forbidden")) forbidden();
    if (isDomainError(error, "not_found") || isDomainError(error, "invalid")) notFound();
    throw error;
  }
}
