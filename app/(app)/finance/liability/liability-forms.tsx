"use client";

import Link from "next/link";
import { describedBy, Field } from "@/app/_components/form";
import { inputClass, linkClass, secondaryButtonClass } from "@/app/_components/styles";

const formClass = "flex flex-wrap items-start gap-3";
/** The button sits level with the inputs, under their labels. */
const showButtonClass = `${secondaryButtonClass} sm:mt-6`;

/**
 * The instant the liability is read at, as a date and a time on the org's clocks. A plain GET form:
 * the figures are a link that can be shared, and it works before any script loads.
 */
export function AsOfForm({
  date,
  time,
  month,
  today,
  error,
  zone,
  showingNow,
}: {
  date: string;
  time: string;
  /** The roll-forward's month, kept when the instant changes. */
  month: string | undefined;
  today: string;
  error?: string;
  zone: string;
  showingNow: boolean;
}) {
  return (
    <form method="get" action="/finance/liability" className={formClass}>
      {month ? <input type="hidden" name="month" value={month} /> : null}
      <Field id="asOfDate" label="Date" error={error}>
        <input
          id="asOfDate"
          name="date"
          type="date"
          required
          max={today}
          defaultValue={date}
          className={inputClass}
          {...(error ? describedBy("asOfDate", error) : {})}
        />
      </Field>
      <Field id="asOfTime" label={`Time (${zone})`}>
        <input id="asOfTime" name="time" type="time" required defaultValue={time} className={inputClass} />
      </Field>
      <button type="submit" className={showButtonClass}>
        Show
      </button>
      {showingNow ? null : (
        <Link
          href={month ? `/finance/liability?month=${month}` : "/finance/liability"}
          className={`${linkClass} py-2 text-sm sm:mt-6`}
        >
          Back to now
        </Link>
      )}
    </form>
  );
}

/** The month of the roll-forward, keeping the liability's instant. */
export function MonthForm({
  month,
  latest,
  asOf,
  error,
}: {
  month: string;
  latest: string;
  asOf: { date: string; time: string } | null;
  error?: string;
}) {
  return (
    <form method="get" action="/finance/liability" className={formClass}>
      {asOf ? (
        <>
          <input type="hidden" name="date" value={asOf.date} />
          <input type="hidden" name="time" value={asOf.time} />
        </>
      ) : null}
      <Field id="month" label="Month" hint="Such as 2026-11." error={error}>
        <input
          id="month"
          name="month"
          type="month"
          required
          max={latest}
          pattern="\d{4}-\d{2}"
          placeholder="YYYY-MM"
          defaultValue={month}
          className={inputClass}
          {...describedBy("month", error)}
        />
      </Field>
      <button type="submit" className={showButtonClass}>
        Show
      </button>
    </form>
  );
}
