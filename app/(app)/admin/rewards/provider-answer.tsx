"use client";

import { use } from "react";
import { describedBy, Field } from "@/app/_components/form";
import { inputClass } from "@/app/_components/styles";
import { type ConnectionCheck, describeFundingSource } from "./connection-check";

type Answer = ConnectionCheck | Promise<ConnectionCheck>;

/** The answer, waiting (under the nearest Suspense) for one still on its way from the server. */
function settled(answer: Answer): ConnectionCheck {
  return "then" in answer ? use(answer) : answer;
}

const PROVIDER_NAMES = { sandbox: "the built-in sandbox", tremendous: "Tremendous" } as const;

/** What the provider said: connected, with how many funding sources and products, or its refusal. */
export function CheckOutcome({ answer }: { answer: Answer }) {
  const check = settled(answer);
  const where =
    check.provider === "tremendous"
      ? `${PROVIDER_NAMES.tremendous} (${check.environment})`
      : PROVIDER_NAMES.sandbox;
  if (!check.ok) {
    return (
      <p
        role="alert"
        className="rounded-lg bg-red-50 px-3 py-2 text-sm text-red-800"
        data-testid="connection-check"
      >
        Couldn't connect to {where}. {check.message}
      </p>
    );
  }
  const sources = check.fundingSources.length;
  return (
    <p className="rounded-lg bg-emerald-50 px-3 py-2 text-sm text-emerald-800" data-testid="connection-check">
      Connected to {where}: {sources} funding source{sources === 1 ? "" : "s"},{" "}
      {new Intl.NumberFormat("en-US").format(check.products)} product{check.products === 1 ? "" : "s"} in its
      catalog.
    </p>
  );
}

/**
 * Which of the provider's funding sources pays for orders, with what each has available. Without an
 * answer about the connection shown, the saved choice is kept as it is (or, for a connection not yet
 * tested, left to the account's balance).
 */
export function FundingSourceField({
  answer,
  saved,
  error,
  loading = false,
}: {
  answer: Answer | null;
  /** The saved funding source's id; empty for the account's balance. */
  saved: string | null;
  error?: string;
  loading?: boolean;
}) {
  const id = "fundingSourceId";
  const check = answer ? settled(answer) : null;
  const kept = <input type="hidden" name={id} value={saved ?? ""} />;
  if (loading) {
    return (
      <Field id={id} label="Pay for orders from" hint="Asking the provider for its funding sources…">
        <select id={id} disabled className={`${inputClass} sm:max-w-md`} {...describedBy(id)}>
          <option>{saved || "Account balance"}</option>
        </select>
        {kept}
      </Field>
    );
  }
  if (!check?.ok) {
    return (
      <div className="space-y-1">
        <p className="text-sm font-medium text-stone-800">Pay for orders from</p>
        <p className="text-sm text-stone-600">
          {check
            ? `${saved || "The account balance"}, as saved. The provider's funding sources show here once it answers.`
            : "Test the connection to choose how its orders are paid; until then, from its account balance."}
        </p>
        {check ? kept : null}
      </div>
    );
  }
  const choice = saved || "balance";
  const listed = check.fundingSources.some((source) => source.id === choice);
  return (
    <Field
      id={id}
      label="Pay for orders from"
      hint="Orders that this can't cover wait, and show under Needs attention until it is topped up."
      error={error}
    >
      <select
        id={id}
        name={id}
        defaultValue={choice}
        className={`${inputClass} sm:max-w-md`}
        {...describedBy(id, error)}
      >
        {check.fundingSources.map((source) => (
          <option key={source.id} value={source.id}>
            {describeFundingSource(source)}
          </option>
        ))}
        {listed ? null : <option value={choice}>{choice} (not listed by the provider)</option>}
      </select>
    </Field>
  );
}
