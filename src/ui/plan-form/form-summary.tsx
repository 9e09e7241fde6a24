/**
 * The form's summary of what needs fixing: how many problems, the messages
 * that belong to no field, and a pointer to those marked beside a field.
 * Focus goes to it (by `id`) when a problem belongs to no field.
 */
export function FormSummary({
  id,
  shown,
  problemCount,
  formMessages,
}: {
  id: string;
  shown: boolean;
  problemCount: number;
  formMessages: readonly string[];
}) {
  return (
    <div id={id} tabIndex={-1} className="form-summary">
      {shown ? (
        <div className="notice notice-error" role="alert">
          <p>
            {problemCount === 1 ? "One thing needs fixing" : `${problemCount} things need fixing`} before the plan can
            be created.
            {problemCount > formMessages.length ? " Problems with a field are marked beside it." : ""}
          </p>
          {formMessages.length > 0 ? (
            <ul>
              {formMessages.map((message) => (
                <li key={message}>{message}</li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
