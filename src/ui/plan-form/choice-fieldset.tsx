import { describedBy, FieldErrors } from "./field-errors";

type ChoiceFieldsetProps<Value extends string> = {
  /** Prefix for the checkbox ids: `${idPrefix}-${value}`. */
  idPrefix: string;
  legend: string;
  hint: string;
  choices: readonly Value[];
  labels: Record<Value, string>;
  selected: readonly Value[];
  onChange: (selected: Value[]) => void;
  errors: readonly string[] | undefined;
};

/** A group of checkboxes (diets, allergies) whose value is the list of ticked choices, in catalogue order. */
export function ChoiceFieldset<Value extends string>(props: ChoiceFieldsetProps<Value>) {
  const { idPrefix, legend, hint, choices, labels, selected, onChange, errors } = props;
  const hintId = `${idPrefix}-hint`;
  const errorId = `${idPrefix}-error`;

  function toggle(choice: Value, ticked: boolean) {
    const next = new Set(selected);
    if (ticked) next.add(choice);
    else next.delete(choice);
    onChange(choices.filter((value) => next.has(value)));
  }

  return (
    <fieldset
      className="field choice-fieldset"
      aria-describedby={describedBy(hintId, errors?.length ? errorId : null)}
      aria-invalid={errors?.length ? true : undefined}
    >
      <legend>{legend}</legend>
      <p id={hintId} className="hint">
        {hint}
      </p>
      <div className="choice-grid">
        {choices.map((choice) => (
          <label key={choice} className="choice" htmlFor={`${idPrefix}-${choice}`}>
            <input
              id={`${idPrefix}-${choice}`}
              type="checkbox"
              value={choice}
              checked={selected.includes(choice)}
              onChange={(event) => toggle(choice, event.target.checked)}
            />
            {labels[choice]}
          </label>
        ))}
      </div>
      <FieldErrors id={errorId} messages={errors} />
    </fieldset>
  );
}
