import type { FormState } from "@/app/_lib/form-state";

/**
 * A redeem form's state. A refused face value brings the nearest ones the product sells; an answer
 * that spent the form's key brings the next one, so a new redemption is never taken for a replay.
 */
export type RedeemFormState = FormState & { nearest?: number[]; nextIdempotencyKey?: string };
