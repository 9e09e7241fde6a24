import { errorIdFor, FieldErrors, fieldAria, hintIdFor, shownErrorId } from "@/ui/form/field";
import { macroPercentSum, macroSumIsValid, type PlanFormValues } from "./plan-form-values";

type MacroKey = "proteinPercent" | "carbPercent" | "fatPercent";

/** Each input is `${id}-${suffix}`, like the checkboxes of a ChoiceFieldset. */
const MACRO_INPUTS: { key: MacroKey; suffix: string; label: string }[] = [
  { key: "proteinPercent", suffix: "protein", label: "Protein" },
  { key: "carbPercent", suffix: "carb", label: "Carbs" },
  { key: "fatPercent", suffix: "fat", label: "Fat" },
];

type MacroSplitFieldsetProps = {
  /** The fieldset's id; the inputs, hint, running total and errors are named after it. */
  id: string;
  values: Pick<PlanFormValues, MacroKey>;
  onChange: (key: MacroKey, value: string) => void;
  errors: readonly string[] | undefined;
};

/** Three percentages of daily energy with a running total, because the API rejects a split that is not 100. */
export function MacroSplitFieldset({ id, values, onChange, errors }: MacroSplitFieldsetProps) {
  const sum = macroPercentSum(values);
  const sumIsValid = macroSumIsValid(sum);
  const sumId = `${id}-sum`;
  const errorId = shownErrorId(id, errors);

  return (
    <fieldset
      id={id}
      className="field macro-fieldset"
      {...fieldAria({ hintId: hintIdFor(id), also: [sumId], errorId })}
    >
      <legend>Macro split (% of daily energy)</legend>
      <p id={hintIdFor(id)} className="hint">
        Protein, carbs and fat must add up to 100 %.
      </p>
      <div className="macro-inputs">
        {MACRO_INPUTS.map((input) => (
          <div key={input.key} className="macro-input">
            <label htmlFor={`${id}-${input.suffix}`}>{input.label} %</label>
            <input
              id={`${id}-${input.suffix}`}
              type="number"
              inputMode="decimal"
              min={0}
              max={100}
              step={1}
              value={values[input.key]}
              onChange={(event) => onChange(input.key, event.target.value)}
              {...fieldAria({ also: [sumId], errorId })}
            />
          </div>
        ))}
      </div>
      <output
        id={sumId}
        htmlFor={MACRO_INPUTS.map((input) => `${id}-${input.suffix}`).join(" ")}
        className={sumIsValid ? "macro-sum macro-sum-ok" : "macro-sum macro-sum-off"}
        aria-live="polite"
        data-testid="macro-sum"
      >
        Total: {sum}%
        {sumIsValid
          ? ""
          : ` (must be 100%, ${sum < 100 ? "add" : "remove"} ${Math.abs(Math.round((100 - sum) * 10) / 10)})`}
      </output>
      <FieldErrors id={errorIdFor(id)} messages={errors} />
    </fieldset>
  );
}
