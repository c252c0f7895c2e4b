import { DomainError, type DomainErrorCode, databaseRuleViolation } from "../shared/errors";
import { formatPoints, formatPointsWithValue } from "../shared/money";

type Explain = (detail: Record<string, unknown>) => { message: string; field?: string };

/** What each refusal raised by `plaudit_give` tells the giver. */
const EXPLANATIONS: Partial<Record<DomainErrorCode, Explain>> = {
  insufficient_allowance: (d) => {
    const remaining = Number(d.remaining ?? 0);
    const value = {
      points: Number(d.pointValuePoints ?? 10),
      minor: Number(d.pointValueMinor ?? 100),
      currency: String(d.currency ?? "USD"),
    };
    return {
      message: `That needs ${formatPoints(Number(d.needed))} but you have ${formatPointsWithValue(remaining, value)} left this month.`,
      field: "amount",
    };
  },
  amount_out_of_range: (d) => ({
    message: `Give between ${d.min} and ${d.max} points per person.`,
    field: "amount",
  }),
  self_give: () => ({ message: "You can't give points to yourself.", field: "recipientIds" }),
  giver_inactive: () => ({ message: "Your account is deactivated, so you can't give points." }),
  recipient_not_found: () => ({
    message: "One of the people you chose isn't in your organization.",
    field: "recipientIds",
  }),
  recipient_inactive: (d) => ({
    message: `${d.name} has been deactivated and can't receive points.`,
    field: "recipientIds",
  }),
  recipient_is_bot: (d) => ({
    message: `${d.name} is a bot and can't receive points.`,
    field: "recipientIds",
  }),
  values_disabled: () => ({ message: "Your organization doesn't use company values.", field: "values" }),
  value_required: () => ({ message: "Pick at least one company value.", field: "values" }),
  unknown_value: (d) => ({
    message: `Not a company value: ${(d.names as string[]).map((n) => `#${n}`).join(", ")}.`,
    field: "values",
  }),
  idempotency_conflict: () => ({
    message: "This request reuses the key of a different give. Send it with a new idempotency key.",
  }),
  not_found: () => ({ message: "Organization not found." }),
};

/** Turns a refusal raised by the database into a DomainError; anything else is rethrown as it is. */
export function describeGiveRejection(error: unknown): unknown {
  const violation = databaseRuleViolation(error);
  if (!violation) return error;
  const code = violation.code as DomainErrorCode;
  const explain = EXPLANATIONS[code];
  if (!explain) return new DomainError(code, violation.code, violation.detail);
  const { message, field } = explain(violation.detail);
  return new DomainError(code, message, field ? { ...violation.detail, field } : violation.detail);
}
