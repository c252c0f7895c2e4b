import type { FormState } from "@/app/_lib/form-state";
import type { ImportPeopleResult } from "@/core/people/import/types";

/**
 * Next refuses a server action's body over 1 MB (its default `serverActions.bodySizeLimit`, which this app
 * keeps). The CSV may take all of it but the room multipart encoding and the other fields need.
 */
export const MAX_CSV_BYTES = 1_000_000;

export const SIZE_LIMIT_TEXT = "1 MB";

export type ImportState = FormState & {
  /** A dry run's outcome and the exact text it checked, which the Import button sends back unchanged. */
  preview?: { csv: string; result: ImportPeopleResult };
};

export function tooLargeMessage(bytes: number): string {
  const megabytes = (bytes / 1_000_000).toFixed(1);
  return `That CSV is ${megabytes} MB; the limit is ${SIZE_LIMIT_TEXT}. Split it into smaller files and import them one after another.`;
}
