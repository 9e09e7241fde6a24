"use client";

import { useRouter } from "next/navigation";
import { type FormEvent, useState } from "react";
import { ALLERGENS, DIETS } from "@/generation/catalogue";
import { parseCreatePlanBody } from "@/generation/create-plan-body";
import type { CreatePlanResponse, FieldIssue } from "@/ui/api/api-types";
import { fetchJson } from "@/ui/api/fetch-json";
import { ChoiceFieldset } from "./choice-fieldset";
import { ALLERGEN_LABELS, DIET_LABELS, GOAL_SUGGESTIONS } from "./choice-labels";
import { describedBy, FieldErrors } from "./field-errors";
import { firstFieldWithIssue, groupIssuesByField, type IssueTarget } from "./field-issues";
import { MACRO_SPLIT_FIRST_INPUT_ID, MacroSplitFieldset } from "./macro-split-fieldset";
import { INITIAL_PLAN_FORM_VALUES, type PlanFormValues, toCreatePlanBody } from "./plan-form-values";
import { useClients } from "./use-clients";

/** Where focus goes for each field with a problem (a fieldset's first input). */
const FOCUS_TARGETS: Record<IssueTarget, string> = {
  form: "plan-form-errors",
  name: "plan-name",
  client_id: "plan-client",
  plan_length_days: "plan-length",
  "intake_data.goal": "plan-goal",
  "intake_data.calorie_target": "plan-calories",
  "intake_data.macro_split": MACRO_SPLIT_FIRST_INPUT_ID,
  "intake_data.meals_per_day": "plan-meals",
  "intake_data.diet": `plan-diet-${DIETS[0]}`,
  "intake_data.allergies": `plan-allergy-${ALLERGENS[0]}`,
  "intake_data.notes": "plan-notes",
};

const MEALS_PER_DAY_CHOICES = ["3", "4", "5", "6"] as const;

/**
 * The new-plan form. It checks the body with the API's own schema before
 * sending, shows each problem beside its field (server 400 details too), and
 * opens the new plan's page on success.
 */
export function NewPlanForm() {
  const router = useRouter();
  const clients = useClients();
  const [values, setValues] = useState<PlanFormValues>(INITIAL_PLAN_FORM_VALUES);
  const [issues, setIssues] = useState<FieldIssue[]>([]);
  // Errors appear on the first submit; from then on they follow every edit.
  const [submittedOnce, setSubmittedOnce] = useState(false);
  const [submitting, setSubmitting] = useState(false);

  const grouped = groupIssuesByField(issues);
  const clientFieldShown = clients.kind === "loaded";
  // A client_id problem with the field hidden still has to be seen: show it above the form.
  const formMessages = [...(grouped.form ?? []), ...(clientFieldShown ? [] : (grouped.client_id ?? []))];
  const problemCount = Object.values(grouped).reduce((count, messages) => count + (messages?.length ?? 0), 0);

  function update<Key extends keyof PlanFormValues>(key: Key, value: PlanFormValues[Key]) {
    const next = { ...values, [key]: value };
    setValues(next);
    if (submittedOnce) {
      const parsed = parseCreatePlanBody(toCreatePlanBody(next));
      setIssues(parsed.ok ? [] : parsed.details);
    }
  }

  function showIssues(found: FieldIssue[]) {
    setIssues(found);
    const first = firstFieldWithIssue(groupIssuesByField(found));
    // Wait for the error text to render so the screen reader reads it with the field.
    if (first) requestAnimationFrame(() => document.getElementById(FOCUS_TARGETS[first])?.focus());
  }

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSubmittedOnce(true);
    const parsed = parseCreatePlanBody(toCreatePlanBody(values));
    if (!parsed.ok) {
      showIssues(parsed.details);
      return;
    }
    setSubmitting(true);
    setIssues([]);
    const result = await fetchJson<CreatePlanResponse>("/api/nutrition/plans", { method: "POST", body: parsed.value });
    if (result.ok) {
      router.push(`/plans/${result.data.id}`);
      return;
    }
    setSubmitting(false);
    showIssues(result.details.length > 0 ? result.details : [{ path: "(root)", message: result.error }]);
  }

  const errorFor = (field: IssueTarget) => grouped[field];
  const invalid = (field: IssueTarget) => (grouped[field]?.length ? true : undefined);
  const errorId = (field: IssueTarget, id: string) => (grouped[field]?.length ? `${id}-error` : null);

  return (
    <form className="plan-form stack" onSubmit={handleSubmit} noValidate data-testid="plan-form" aria-label="New plan">
      <div id="plan-form-errors" tabIndex={-1} className="form-summary">
        {issues.length > 0 ? (
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

      <div className="field">
        <label htmlFor="plan-name">Plan name</label>
        <input
          id="plan-name"
          data-testid="plan-name"
          type="text"
          autoComplete="off"
          maxLength={200}
          value={values.name}
          onChange={(event) => update("name", event.target.value)}
          aria-invalid={invalid("name")}
          aria-describedby={describedBy(errorId("name", "plan-name"))}
          required
        />
        <FieldErrors id="plan-name-error" messages={errorFor("name")} />
      </div>

      {clientFieldShown ? (
        <div className="field">
          <label htmlFor="plan-client">Client</label>
          <select
            id="plan-client"
            value={values.clientId}
            onChange={(event) => update("clientId", event.target.value)}
            aria-invalid={invalid("client_id")}
            aria-describedby={describedBy(errorId("client_id", "plan-client"))}
          >
            <option value="">No client yet</option>
            {clients.clients.map((client) => (
              <option key={client.id} value={client.id}>
                {client.full_name}
              </option>
            ))}
          </select>
          <FieldErrors id="plan-client-error" messages={errorFor("client_id")} />
        </div>
      ) : null}

      <div className="field-row">
        <div className="field">
          <label htmlFor="plan-length">Length (days)</label>
          <input
            id="plan-length"
            data-testid="plan-length"
            type="number"
            inputMode="numeric"
            min={1}
            max={28}
            step={1}
            value={values.lengthDays}
            onChange={(event) => update("lengthDays", event.target.value)}
            aria-invalid={invalid("plan_length_days")}
            aria-describedby={describedBy("plan-length-hint", errorId("plan_length_days", "plan-length"))}
            required
          />
          <p id="plan-length-hint" className="hint">
            1 to 28 days.
          </p>
          <FieldErrors id="plan-length-error" messages={errorFor("plan_length_days")} />
        </div>

        <div className="field">
          <label htmlFor="plan-calories">Calories per day</label>
          <input
            id="plan-calories"
            data-testid="plan-calories"
            type="number"
            inputMode="numeric"
            min={800}
            max={6000}
            step={10}
            value={values.calories}
            onChange={(event) => update("calories", event.target.value)}
            aria-invalid={invalid("intake_data.calorie_target")}
            aria-describedby={describedBy("plan-calories-hint", errorId("intake_data.calorie_target", "plan-calories"))}
          />
          <p id="plan-calories-hint" className="hint">
            In kcal, 800 to 6000.
          </p>
          <FieldErrors id="plan-calories-error" messages={errorFor("intake_data.calorie_target")} />
        </div>

        <div className="field">
          <label htmlFor="plan-meals">Meals per day</label>
          <select
            id="plan-meals"
            value={values.mealsPerDay}
            onChange={(event) => update("mealsPerDay", event.target.value)}
            aria-invalid={invalid("intake_data.meals_per_day")}
            aria-describedby={describedBy(errorId("intake_data.meals_per_day", "plan-meals"))}
          >
            {MEALS_PER_DAY_CHOICES.map((count) => (
              <option key={count} value={count}>
                {count}
              </option>
            ))}
          </select>
          <FieldErrors id="plan-meals-error" messages={errorFor("intake_data.meals_per_day")} />
        </div>
      </div>

      <div className="field">
        <label htmlFor="plan-goal">Goal</label>
        <input
          id="plan-goal"
          type="text"
          list="plan-goal-suggestions"
          autoComplete="off"
          value={values.goal}
          onChange={(event) => update("goal", event.target.value)}
          aria-invalid={invalid("intake_data.goal")}
          aria-describedby={describedBy("plan-goal-hint", errorId("intake_data.goal", "plan-goal"))}
        />
        <datalist id="plan-goal-suggestions">
          {GOAL_SUGGESTIONS.map((goal) => (
            <option key={goal} value={goal} />
          ))}
        </datalist>
        <p id="plan-goal-hint" className="hint">
          For example fat loss, maintenance or muscle gain.
        </p>
        <FieldErrors id="plan-goal-error" messages={errorFor("intake_data.goal")} />
      </div>

      <MacroSplitFieldset
        values={values}
        onChange={(key, value) => update(key, value)}
        errors={errorFor("intake_data.macro_split")}
      />

      <ChoiceFieldset
        idPrefix="plan-diet"
        legend="Diet"
        hint="Every food in the plan will fit all the diets ticked."
        choices={DIETS}
        labels={DIET_LABELS}
        selected={values.diet}
        onChange={(diet) => update("diet", diet)}
        errors={errorFor("intake_data.diet")}
      />

      <ChoiceFieldset
        idPrefix="plan-allergy"
        legend="Allergies"
        hint="No food carrying a ticked allergen will appear in the plan."
        choices={ALLERGENS}
        labels={ALLERGEN_LABELS}
        selected={values.allergies}
        onChange={(allergies) => update("allergies", allergies)}
        errors={errorFor("intake_data.allergies")}
      />

      <div className="field">
        <label htmlFor="plan-notes">Notes for the planner</label>
        <textarea
          id="plan-notes"
          rows={4}
          value={values.notes}
          onChange={(event) => update("notes", event.target.value)}
          aria-invalid={invalid("intake_data.notes")}
          aria-describedby={describedBy("plan-notes-hint", errorId("intake_data.notes", "plan-notes"))}
        />
        <p id="plan-notes-hint" className="hint">
          Preferences, schedule, foods the client dislikes.
        </p>
        <FieldErrors id="plan-notes-error" messages={errorFor("intake_data.notes")} />
      </div>

      <div className="button-row">
        <button type="submit" className="button button-primary" data-testid="submit-plan" disabled={submitting}>
          {submitting ? "Creating plan…" : "Create plan"}
        </button>
      </div>
    </form>
  );
}
