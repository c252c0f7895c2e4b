import { checkboxClass } from "@/app/_components/styles";

/** A box to tick, named in a line and explained in the next. */
export function CheckboxField({
  name,
  label,
  description,
  defaultChecked,
}: {
  name: string;
  label: string;
  description: string;
  defaultChecked: boolean;
}) {
  return (
    <label className="flex items-start gap-3 text-sm text-stone-800">
      <input
        type="checkbox"
        name={name}
        defaultChecked={defaultChecked}
        className={`${checkboxClass} mt-0.5`}
      />
      <span>
        <span className="block font-medium">{label}</span>
        <span className="block text-stone-500">{description}</span>
      </span>
    </label>
  );
}
