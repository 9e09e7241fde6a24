import { describedBy, FieldErrors } from "./field-errors";
import { macroPercentSum, macroSumIsValid, type PlanFormValues } from "./plan-form-values";

type MacroKey = "proteinPercent" | "carbPercent" | "fatPercent";

const MACRO_INPUTS: { key: MacroKey; id: string; label: string }[] = [
  { key: "proteinPercent", id: "plan-protein", label: "Protein" },
  { key: "carbPercent", id: "plan-carbs", label: "Carbs" },
  { key: "fatPercent", id: "plan-fat", label: "Fat" },
];

export const MACRO_SPLIT_FIRST_INPUT_ID = "plan-protein";

type MacroSplitFieldsetProps = {
  values: Pick<PlanFormValues, MacroKey>;
  onChange: (key: MacroKey, value: string) => void;
  errors: readonly string[] | undefined;
};

/** Three percentages of daily energy with a running total, because the API rejects a split that is not 100. */
export function MacroSplitFieldset({ values, onChange, errors }: MacroSplitFieldsetProps) {
  const sum = macroPercentSum(values);
  const sumIsValid = macroSumIsValid(sum);
  const hasErrors = Boolean(errors?.length);

  return (
    <fieldset
      className="field macro-fieldset"
      aria-describedby={describedBy("plan-macro-hint", "plan-macro-sum", hasErrors && "plan-macro-error")}
    >
      <legend>Macro split (% of daily energy)</legend>
      <p id="plan-macro-hint" className="hint">
        Protein, carbohydrate and fat must add up to 100%.
      </p>
      <div className="macro-inputs">
        {MACRO_INPUTS.map((input) => (
          <div key={input.key} className="macro-input">
            <label htmlFor={input.id}>{input.label} %</label>
            <input
              id={input.id}
              type="number"
              inputMode="decimal"
              min={0}
              max={100}
              step={1}
              value={values[input.key]}
              onChange={(event) => onChange(input.key, event.target.value)}
              aria-invalid={hasErrors ? true : undefined}
              aria-describedby={describedBy("plan-macro-sum", hasErrors && "plan-macro-error")}
            />
          </div>
        ))}
      </div>
      <output
        id="plan-macro-sum"
        htmlFor="plan-protein plan-carbs plan-fat"
        className={sumIsValid ? "macro-sum macro-sum-ok" : "macro-sum macro-sum-off"}
        aria-live="polite"
        data-testid="macro-sum"
      >
        Total: {sum}%
        {sumIsValid
          ? ""
          : ` (must be 100%, ${sum < 100 ? "add" : "remove"} ${Math.abs(Math.round((100 - sum) * 10) / 10)})`}
      </output>
      <FieldErrors id="plan-macro-error" messages={errors} />
    </fieldset>
  );
}
