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

/**
 * A read whose input came from the page's own form: core's refusal of that input is shown beside the
 * form (beside the field it names, if any) and the read made again without it. Every other refusal is
 * the page's (403, 404).
 */
export async function withFallback<Result>(
  attempt: () => Promise<Result>,
  fallback: () => Promise<Result>,
): Promise<{ result: Result; error?: string; errorField?: string }> {
  try {
    return { result: await attempt() };
  } catch (error) {
    if (!isDomainError(error, "invalid")) return { result: await guarded(Promise.reject(error)) };
    const field = error.details?.field;
    return {
      result: await guarded(fallback()),
      error: error.message,
      errorField: typeof field === "string" ? field : undefined,
    };
  }
}
