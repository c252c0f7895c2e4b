/** A set of radio buttons with a visible legend, a line of explanation per choice and the refusal beside it. */
export function ChoiceGroup<Choice extends string>({
  name,
  legend,
  choices,
  defaultValue,
  error,
  onChange,
}: {
  name: string;
  legend: string;
  choices: readonly { value: Choice; label: string; description: string }[];
  defaultValue: string;
  error?: string;
  /** Told the value chosen, for a form that shows other fields depending on it. */
  onChange?: (value: Choice) => void;
}) {
  const errorId = `${name}-error`;
  return (
    <fieldset
      aria-describedby={error ? errorId : undefined}
      className="space-y-2"
      onChange={(event) => {
        const input: EventTarget = event.target;
        if (input instanceof HTMLInputElement) onChange?.(input.value as Choice);
      }}
    >
      <legend className="text-sm font-medium text-stone-800">{legend}</legend>
      <div className="grid gap-2 sm:grid-cols-3">
        {choices.map((choice) => (
          <label
            key={choice.value}
            className="flex cursor-pointer gap-3 rounded-lg border border-stone-200 p-3 has-checked:border-amber-500 has-checked:bg-amber-50 has-focus-visible:outline-2 has-focus-visible:outline-amber-600"
          >
            <input
              type="radio"
              name={name}
              value={choice.value}
              defaultChecked={defaultValue === choice.value}
              className="mt-1 accent-amber-600 outline-none"
            />
            <span className="text-sm">
              <span className="block font-medium">{choice.label}</span>
              <span className="block text-stone-500">{choice.description}</span>
            </span>
          </label>
        ))}
      </div>
      {error ? (
        <p id={errorId} className="text-sm text-red-700">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
