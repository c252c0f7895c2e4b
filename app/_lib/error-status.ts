import type { DomainErrorCode } from "@/core/shared/errors";

/**
 * The HTTP status of each refusal. A malformed request (bad JSON, a missing or mistyped field) is 400; a
 * well-formed request that a rule refuses (not enough allowance, a deactivated recipient) is 422; a clash
 * with the current state (a duplicate email, a reused idempotency key) is 409. Listing every code makes a
 * new one fail the type check until it is given a status here.
 */
const STATUS_BY_CODE = {
  invalid: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  idempotency_conflict: 409,
  hold_closed: 409,
  insufficient_allowance: 422,
  amount_out_of_range: 422,
  self_give: 422,
  giver_inactive: 422,
  recipient_not_found: 422,
  recipient_inactive: 422,
  recipient_is_bot: 422,
  message_required: 422,
  value_required: 422,
  values_disabled: 422,
  unknown_value: 422,
  insufficient_points: 422,
  redemptions_disabled: 422,
  out_of_stock: 409,
  invalid_face_value: 422,
  over_ceiling: 422,
  // The reward provider could not be reached or refused the connection: a gateway problem.
  provider_unavailable: 502,
  too_large: 413,
  rate_limited: 429,
} as const satisfies Record<DomainErrorCode, number>;

export function httpStatusFor(code: DomainErrorCode): number {
  return STATUS_BY_CODE[code];
}
