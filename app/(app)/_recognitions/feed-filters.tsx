import Form from "next/form";
import Link from "next/link";
import { inputClass, linkClass, secondaryButtonClass } from "@/app/_components/styles";

function FilterSelect({
  name,
  label,
  anyLabel,
  choices,
  current,
  display = (choice) => choice,
}: {
  name: string;
  label: string;
  anyLabel: string;
  choices: string[];
  current: string | undefined;
  display?: (choice: string) => string;
}) {
  // A link can apply a filter the list no longer offers (a retired value); keep it shown as applied.
  const options = current && !choices.includes(current) ? [...choices, current] : choices;
  if (options.length === 0) return null;
  const id = `feed-${name}`;
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-xs font-medium text-stone-600">
        {label}
      </label>
      <select id={id} name={name} defaultValue={current ?? ""} className={`${inputClass} w-44`}>
        <option value="">{anyLabel}</option>
        {options.map((choice) => (
          <option key={choice} value={choice}>
            {display(choice)}
          </option>
        ))}
      </select>
    </div>
  );
}

/**
 * Narrows the feed to a company value and/or a department. A plain GET form, so a filtered feed is a
 * link that can be shared, and it works before any script has loaded.
 */
export function FeedFilters({
  values,
  departments,
  value,
  department,
}: {
  values: string[];
  departments: string[];
  /** The filters in force. */
  value: string | undefined;
  department: string | undefined;
}) {
  if (values.length === 0 && departments.length === 0 && !value && !department) return null;
  return (
    // Keyed by the filters, so following a value chip shows that value selected here too.
    <Form key={`${value}|${department}`} action="/" className="flex flex-wrap items-end gap-3">
      <FilterSelect
        name="value"
        label="Value"
        anyLabel="All values"
        choices={values}
        current={value}
        display={(name) => `#${name}`}
      />
      <FilterSelect
        name="department"
        label="Department"
        anyLabel="All departments"
        choices={departments}
        current={department}
      />
      <button type="submit" className={secondaryButtonClass}>
        Filter
      </button>
      {value || department ? (
        <Link href="/" className={`${linkClass} self-center text-sm`}>
          Clear filters
        </Link>
      ) : null}
    </Form>
  );
}
