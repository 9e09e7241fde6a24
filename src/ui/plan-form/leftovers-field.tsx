import { errorIdFor, FieldErrors, fieldAria, hintIdFor, shownErrorId } from "@/ui/form/field";

/** One checkbox with its hint and errors, wired by the forms' convention (field.tsx). */
export function LeftoversField({
  id,
  errors,
  checked,
  onChange,
}: {
  id: string;
  errors: readonly string[] | undefined;
  checked: boolean;
  onChange: (checked: boolean) => void;
}) {
  const hintId = hintIdFor(id);
  return (
    <div className="field">
      <label className="choice" htmlFor={id}>
        <input
          id={id}
          data-testid="plan-leftovers"
          type="checkbox"
          checked={checked}
          onChange={(event) => onChange(event.target.checked)}
          {...fieldAria({ hintId, errorId: shownErrorId(id, errors) })}
        />
        Leftovers: repeat dinner as next day&apos;s lunch
      </label>
      <p id={hintId} className="hint">
        Cook once, eat twice: each dinner is made for two, and its second portion is the next day&apos;s lunch.
      </p>
      <FieldErrors id={errorIdFor(id)} messages={errors} />
    </div>
  );
}
