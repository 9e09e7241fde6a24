import type { InputHTMLAttributes, ReactNode } from "react";

// The forms' one accessibility convention: a control is described by its hint
// (`<id>-hint`), anything else that explains it, and then its error
// (`<id>-error`) while one shows; while an error shows it is also aria-invalid.

export type FieldAria = { "aria-invalid": true | undefined; "aria-describedby": string | undefined };

export const hintIdFor = (id: string) => `${id}-hint`;
export const errorIdFor = (id: string) => `${id}-error`;

/**
 * aria-invalid and aria-describedby for a control. `errorId` is the id of the
 * error being shown, or null when there is none.
 */
export function fieldAria({
  hintId = null,
  also = [],
  errorId = null,
}: {
  hintId?: string | null;
  also?: readonly string[];
  errorId?: string | null;
}): FieldAria {
  return {
    "aria-invalid": errorId ? true : undefined,
    "aria-describedby": describedBy(hintId, ...also, errorId),
  };
}

/** The error id for field `id` when it has messages to show, else null. */
export function shownErrorId(id: string, errors: readonly string[] | undefined): string | null {
  return errors?.length ? errorIdFor(id) : null;
}

function describedBy(...ids: (string | null)[]): string | undefined {
  const present = ids.filter((id): id is string => typeof id === "string" && id !== "");
  return present.length > 0 ? present.join(" ") : undefined;
}

/** The messages for one field, linked to it with aria-describedby through `id`. */
export function FieldErrors({ id, messages }: { id: string; messages: readonly string[] | undefined }) {
  if (!messages || messages.length === 0) return null;
  return (
    <ul id={id} className="field-error">
      {messages.map((message) => (
        <li key={message}>{message}</li>
      ))}
    </ul>
  );
}

type FieldProps = {
  /** The control's id; the hint and the errors take `<id>-hint` and `<id>-error`. */
  id: string;
  label: string;
  hint?: string;
  errors: readonly string[] | undefined;
  /** Renders the control (input, select, textarea) with the id and aria attributes given. */
  children: (control: FieldAria & { id: string }) => ReactNode;
};

/** One labelled form field: label, control, hint, then its errors, wired together by the convention above. */
export function Field({ id, label, hint, errors, children }: FieldProps) {
  const hintId = hint ? hintIdFor(id) : null;
  const errorId = shownErrorId(id, errors);
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children({ id, ...fieldAria({ hintId, errorId }) })}
      {hintId ? (
        <p id={hintId} className="hint">
          {hint}
        </p>
      ) : null}
      <FieldErrors id={errorIdFor(id)} messages={errors} />
    </div>
  );
}

type LabelledInputProps = Omit<InputHTMLAttributes<HTMLInputElement>, "id" | keyof FieldAria> & {
  id: string;
  label: string;
  /** The id of the form's error paragraph while one shows (it describes every input), else null. */
  errorId: string | null;
};

/** A labelled input whose only description is the form's error, for the short sign-in forms. */
export function LabelledInput({ id, label, errorId, ...input }: LabelledInputProps) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input id={id} {...input} {...fieldAria({ errorId })} />
    </div>
  );
}

/** A form's one error, announced as it appears. */
export function FormError({ id, message }: { id: string; message: string | null }) {
  if (!message) return null;
  return (
    <p id={id} className="form-error" role="alert">
      {message}
    </p>
  );
}
