import type { FundingSource } from "@/core/rewards/reward-provider";
import type { ProviderConnectionCheck } from "@/core/rewards/test-provider-connection";
import { isDomainError } from "@/core/shared/errors";
import { formatMoney } from "@/core/shared/money";

/** The connection a check was made with, so a form knows whether the answer is about what it shows. */
export interface CheckedConnection {
  provider: "sandbox" | "tremendous";
  environment: "sandbox" | "production";
}

/** What the provider said when asked with a connection: its funding sources and catalog, or its refusal. */
export type ConnectionCheck = CheckedConnection &
  (
    | { ok: true; fundingSources: FundingSource[]; products: number }
    | { ok: false; message: string; field: string | null }
  );

/** A connection test's answer, with a refusal told as the provider said it rather than thrown. */
export async function connectionCheck(
  connection: CheckedConnection,
  test: Promise<ProviderConnectionCheck>,
): Promise<ConnectionCheck> {
  try {
    return { ...connection, ok: true, ...(await test) };
  } catch (error) {
    if (!isDomainError(error)) throw error;
    const field = error.details.field;
    return {
      ...connection,
      ok: false,
      message: error.message,
      field: typeof field === "string" ? field : null,
    };
  }
}

const METHODS: Record<string, string> = {
  balance: "Account balance",
  bank_account: "Bank account",
  credit_card: "Credit card",
  invoice: "Invoice",
};

/**
 * "Account balance · $4,850.00 available", "Credit card (FS-7Q2) · ..." when the id tells two of a kind
 * apart, or without the figure when the provider gives none (an invoice).
 */
export function describeFundingSource(source: FundingSource): string {
  const named = METHODS[source.method] ?? source.method.replaceAll("_", " ");
  const method = source.id === source.method ? named : `${named} (${source.id})`;
  if (source.availableMinor === null || !source.currency) return method;
  return `${method} · ${formatMoney(source.availableMinor, source.currency)} available`;
}
