"use client";

import Link from "next/link";
import { describedBy, Field } from "@/app/_components/form";
import { inputClass, linkClass, secondaryButtonClass } from "@/app/_components/styles";

export interface FilterValues {
  from: string;
  to: string;
  department: string;
  days: string;
}

/**
 * The months, the department and the "not recognised" gap, as a plain GET form: the figures are a link
 * that can be shared, and it works before any script loads.
 */
export function FiltersForm({
  values,
  departments,
  latest,
  error,
}: {
  values: FilterValues;
  departments: string[];
  /** The current month: no later month can be chosen. */
  latest: string;
  error?: { field?: string; message: string };
}) {
  const errorOf = (field: string) => (error && (error.field ?? "from") === field ? error.message : undefined);
  /** Ties a control to its error; these fields have no hints to point at otherwise. */
  const aria = (field: string) => {
    const message = errorOf(field);
    return message ? describedBy(field, message) : {};
  };
  return (
    <form
      method="get"
      action="/analytics"
      className="grid grid-cols-2 items-start gap-3 sm:flex sm:flex-wrap"
      aria-label="Filters"
    >
      <Field id="from" label="From month" error={errorOf("from")}>
        <input
          id="from"
          name="from"
          type="month"
          max={latest}
          pattern="\d{4}-\d{2}"
          placeholder="YYYY-MM"
          defaultValue={values.from}
          className={inputClass}
          {...aria("from")}
        />
      </Field>
      <Field id="to" label="To month" error={errorOf("to")}>
        <input
          id="to"
          name="to"
          type="month"
          max={latest}
          pattern="\d{4}-\d{2}"
          placeholder="YYYY-MM"
          defaultValue={values.to}
          className={inputClass}
          {...aria("to")}
        />
      </Field>
      <Field id="department" label="Department" error={errorOf("department")}>
        <select
          id="department"
          name="department"
          defaultValue={values.department}
          className={inputClass}
          {...aria("department")}
        >
          <option value="">All departments</option>
          {departments.map((department) => (
            <option key={department} value={department}>
              {department}
            </option>
          ))}
        </select>
      </Field>
      <Field id="days" label="Not recognized in (days)" error={errorOf("days")}>
        <input
          id="days"
          name="days"
          type="number"
          inputMode="numeric"
          min={1}
          max={365}
          required
          defaultValue={values.days}
          className={inputClass}
          {...aria("days")}
        />
      </Field>
      <div className="col-span-2 flex items-center gap-4 sm:mt-6">
        <button type="submit" className={secondaryButtonClass}>
          Show
        </button>
        <Link href="/analytics" className={`${linkClass} text-sm`}>
          Reset
        </Link>
      </div>
    </form>
  );
}
