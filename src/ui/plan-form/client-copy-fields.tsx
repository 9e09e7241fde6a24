import { clientFacingTitle, MAX_CLIENT_TITLE_CHARS } from "@/generation/intake/plan-settings";
import { Field } from "@/ui/form/field";
import type { PlanFormField } from "./field-issues";
import type { PlanFormValues } from "./plan-form-values";

/** The client's copy of the plan: the title the client reads, and the start date that labels each day. */
export function ClientCopyFields({
  values,
  clientName,
  field,
  update,
}: {
  values: PlanFormValues;
  /** The chosen client's name, which a blank title falls back to. */
  clientName: string | null;
  field: (name: PlanFormField) => { id: string; errors: readonly string[] | undefined };
  update: (key: "clientTitle" | "startDate", value: string) => void;
}) {
  return (
    <div className="field-row">
      <Field
        label="Title for the client"
        hint={`What the client reads on their copy; the plan name above stays yours. Blank: "${clientFacingTitle(null, clientName)}".`}
        {...field("client_title")}
      >
        {(control) => (
          <input
            {...control}
            data-testid="plan-client-title"
            type="text"
            autoComplete="off"
            maxLength={MAX_CLIENT_TITLE_CHARS}
            value={values.clientTitle}
            onChange={(event) => update("clientTitle", event.target.value)}
          />
        )}
      </Field>
      <Field label="Start date" hint="Optional: labels each day with its weekday and date." {...field("start_date")}>
        {(control) => (
          <input
            {...control}
            data-testid="plan-start-date"
            type="date"
            value={values.startDate}
            onChange={(event) => update("startDate", event.target.value)}
          />
        )}
      </Field>
    </div>
  );
}
