import { errorIdFor, FieldErrors, fieldAria, hintIdFor, shownErrorId } from "@/ui/form/field";

type ChoiceFieldsetProps<Value extends string> = {
  /** The fieldset's id; each checkbox is `${id}-${value}`. */
  id: string;
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
  const { id, legend, hint, choices, labels, selected, onChange, errors } = props;

  function toggle(choice: Value, ticked: boolean) {
    const next = new Set(selected);
    if (ticked) next.add(choice);
    else next.delete(choice);
    onChange(choices.filter((value) => next.has(value)));
  }

  return (
    <fieldset
      id={id}
      className="field choice-fieldset"
      {...fieldAria({ hintId: hintIdFor(id), errorId: shownErrorId(id, errors) })}
    >
      <legend>{legend}</legend>
      <p id={hintIdFor(id)} className="hint">
        {hint}
      </p>
      <div className="choice-grid">
        {choices.map((choice) => (
          <label key={choice} className="choice" htmlFor={`${id}-${choice}`}>
            <input
              id={`${id}-${choice}`}
              type="checkbox"
              value={choice}
              checked={selected.includes(choice)}
              onChange={(event) => toggle(choice, event.target.checked)}
            />
            {labels[choice]}
          </label>
        ))}
      </div>
      <FieldErrors id={errorIdFor(id)} messages={errors} />
    </fieldset>
  );
}
