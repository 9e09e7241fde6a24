"use client";

import { useRouter } from "next/navigation";
import { type FormEvent, useState } from "react";
import { ALLERGENS, DIETS } from "@/generation/catalogue/catalogue";
import { parseCreatePlanBody } from "@/generation/intake/create-plan-body";
import { MAX_FOODS_PER_WEEK, MAX_PLAN_DAYS, MIN_FOODS_PER_WEEK } from "@/generation/intake/intake";
import { splitWithProtein } from "@/generation/nutrition/energy-needs";
import type { CreatePlanResponse, FieldIssue } from "@/ui/api/api-types";
import { fetchJson } from "@/ui/api/fetch-json";
import { Field } from "@/ui/form/field";
import { ChoiceFieldset } from "./choice-fieldset";
import { ALLERGEN_LABELS, DIET_LABELS, GOAL_SUGGESTIONS } from "./choice-labels";
import { ClientCopyFields } from "./client-copy-fields";
import { DislikedFoodsPicker } from "./disliked-foods-picker";
import { EnergyCalculator } from "./energy-calculator";
import { firstFieldWithIssue, groupIssuesByField, type IssueTarget, type PlanFormField } from "./field-issues";
import { FormSummary } from "./form-summary";
import { LeftoversField } from "./leftovers-field";
import { MacroSplitFieldset } from "./macro-split-fieldset";
import { INITIAL_PLAN_FORM_VALUES, type PlanFormValues, toCreatePlanBody } from "./plan-form-values";
import { useClients } from "./use-clients";
import { useFoods } from "./use-foods";

/** Each field's element id (for a fieldset, the fieldset's): the inputs use it, and focus goes there on a problem. */
const FIELD_IDS: Record<PlanFormField, string> = {
  name: "plan-name",
  client_id: "plan-client",
  plan_length_days: "plan-length",
  start_date: "plan-start-date",
  client_title: "plan-client-title",
  "intake_data.goal": "plan-goal",
  "intake_data.calorie_target": "plan-calories",
  "intake_data.macro_split": "plan-macro",
  "intake_data.meals_per_day": "plan-meals",
  "intake_data.foods_per_week": "plan-foods-per-week",
  "intake_data.leftovers": "plan-leftovers",
  "intake_data.diet": "plan-diet",
  "intake_data.allergies": "plan-allergy",
  "intake_data.disliked_foods": "plan-dislikes",
  "intake_data.notes": "plan-notes",
};
const FORM_ERRORS_ID = "plan-form-errors";

/** Move focus to the field with the first problem: its control, or a fieldset's first input. */
function focusField(target: IssueTarget) {
  const element = document.getElementById(target === "form" ? FORM_ERRORS_ID : FIELD_IDS[target]);
  const control =
    element instanceof HTMLFieldSetElement ? element.querySelector<HTMLElement>("input, select, textarea") : element;
  control?.focus();
}

const MEALS_PER_DAY_CHOICES = ["3", "4", "5", "6"] as const;

/**
 * The new-plan form. It checks the body with the API's own schema before
 * sending, shows each problem beside its field (server 400 details too), and
 * opens the new plan's page on success.
 */
export function NewPlanForm() {
  const router = useRouter();
  const clients = useClients();
  const foods = useFoods();
  const [values, setValues] = useState<PlanFormValues>(INITIAL_PLAN_FORM_VALUES);
  // Only what the server said is state; the schema's own verdict is derived from the values.
  const [serverIssues, setServerIssues] = useState<FieldIssue[]>([]);
  // Errors appear on the first submit; from then on they follow every edit.
  const [submittedOnce, setSubmittedOnce] = useState(false);
  const [submitting, setSubmitting] = useState(false);

  const clientIssues = submittedOnce ? schemaIssues(values) : [];
  const issues = [...clientIssues, ...serverIssues];
  const grouped = groupIssuesByField(issues);
  const clientFieldShown = clients.kind === "loaded";
  // A client_id problem with the field hidden still has to be seen: show it above the form.
  const formMessages = [...(grouped.form ?? []), ...(clientFieldShown ? [] : (grouped.client_id ?? []))];
  const problemCount = Object.values(grouped).reduce((count, messages) => count + (messages?.length ?? 0), 0);

  function update<Key extends keyof PlanFormValues>(key: Key, value: PlanFormValues[Key]) {
    setValues((previous) => ({ ...previous, [key]: value }));
    // The server judged the values as they were; an edit makes its answer stale.
    setServerIssues([]);
  }

  function focusFirstIssue(found: readonly FieldIssue[]) {
    const first = firstFieldWithIssue(groupIssuesByField(found));
    // Wait for the error text to render so the screen reader reads it with the field.
    if (first) requestAnimationFrame(() => focusField(first));
  }

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSubmittedOnce(true);
    const parsed = parseCreatePlanBody(toCreatePlanBody(values));
    if (!parsed.ok) {
      focusFirstIssue(parsed.details);
      return;
    }
    setSubmitting(true);
    setServerIssues([]);
    const result = await fetchJson<CreatePlanResponse>("/api/nutrition/plans", { method: "POST", body: parsed.value });
    if (result.ok) {
      router.push(`/plans/${result.data.id}`);
      return;
    }
    setSubmitting(false);
    const found = result.details.length > 0 ? result.details : [{ path: "(root)", message: result.error }];
    setServerIssues(found);
    focusFirstIssue(found);
  }

  /** The props Field needs for a plan field: its id and its messages. */
  const field = (name: PlanFormField) => ({ id: FIELD_IDS[name], errors: grouped[name] });

  return (
    <form className="plan-form stack" onSubmit={handleSubmit} noValidate data-testid="plan-form" aria-label="New plan">
      <FormSummary
        id={FORM_ERRORS_ID}
        shown={issues.length > 0}
        problemCount={problemCount}
        formMessages={formMessages}
      />

      <Field label="Plan name" {...field("name")}>
        {(control) => (
          <input
            {...control}
            data-testid="plan-name"
            type="text"
            autoComplete="off"
            maxLength={200}
            value={values.name}
            onChange={(event) => update("name", event.target.value)}
            required
          />
        )}
      </Field>

      {clientFieldShown ? (
        <Field label="Client" {...field("client_id")}>
          {(control) => (
            <select {...control} value={values.clientId} onChange={(event) => update("clientId", event.target.value)}>
              <option value="">No client yet</option>
              {clients.clients.map((client) => (
                <option key={client.id} value={client.id}>
                  {client.full_name}
                </option>
              ))}
            </select>
          )}
        </Field>
      ) : null}

      <ClientCopyFields
        values={values}
        clientName={
          clients.kind === "loaded"
            ? (clients.clients.find((client) => client.id === values.clientId)?.full_name ?? null)
            : null
        }
        field={field}
        update={update}
      />

      <div className="field-row">
        <Field label="Length (days)" hint={`1 to ${MAX_PLAN_DAYS} days.`} {...field("plan_length_days")}>
          {(control) => (
            <input
              {...control}
              data-testid="plan-length"
              type="number"
              inputMode="numeric"
              min={1}
              max={MAX_PLAN_DAYS}
              step={1}
              value={values.lengthDays}
              onChange={(event) => update("lengthDays", event.target.value)}
              required
            />
          )}
        </Field>

        <Field label="Calories per day" hint="In kcal, 800 to 6000." {...field("intake_data.calorie_target")}>
          {(control) => (
            <input
              {...control}
              data-testid="plan-calories"
              type="number"
              inputMode="numeric"
              min={800}
              max={6000}
              step={10}
              value={values.calories}
              onChange={(event) => update("calories", event.target.value)}
            />
          )}
        </Field>

        <Field label="Meals per day" {...field("intake_data.meals_per_day")}>
          {(control) => (
            <select
              {...control}
              value={values.mealsPerDay}
              onChange={(event) => update("mealsPerDay", event.target.value)}
            >
              {MEALS_PER_DAY_CHOICES.map((count) => (
                <option key={count} value={count}>
                  {count}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>

      <EnergyCalculator
        onUse={(suggestion) => {
          const split = splitWithProtein(suggestion.proteinPct, {
            carb_pct: Number(values.carbPercent) || 0,
            fat_pct: Number(values.fatPercent) || 0,
          });
          setValues((previous) => ({
            ...previous,
            calories: String(suggestion.calorieTarget),
            proteinPercent: String(split.protein_pct),
            carbPercent: String(split.carb_pct),
            fatPercent: String(split.fat_pct),
          }));
          setServerIssues([]);
        }}
      />

      <div className="field-row">
        <Field
          label="Foods per week"
          hint={`How many different foods a week of the plan uses: fewer makes a shorter shopping list. ${MIN_FOODS_PER_WEEK} to ${MAX_FOODS_PER_WEEK}.`}
          {...field("intake_data.foods_per_week")}
        >
          {(control) => (
            <input
              {...control}
              data-testid="plan-foods-per-week"
              type="number"
              inputMode="numeric"
              min={MIN_FOODS_PER_WEEK}
              max={MAX_FOODS_PER_WEEK}
              step={1}
              value={values.foodsPerWeek}
              onChange={(event) => update("foodsPerWeek", event.target.value)}
            />
          )}
        </Field>

        <LeftoversField
          {...field("intake_data.leftovers")}
          checked={values.leftovers}
          onChange={(leftovers) => update("leftovers", leftovers)}
        />
      </div>

      <Field label="Goal" hint="For example fat loss, maintenance or muscle gain." {...field("intake_data.goal")}>
        {(control) => (
          <>
            <input
              {...control}
              type="text"
              list="plan-goal-suggestions"
              autoComplete="off"
              value={values.goal}
              onChange={(event) => update("goal", event.target.value)}
            />
            <datalist id="plan-goal-suggestions">
              {GOAL_SUGGESTIONS.map((goal) => (
                <option key={goal} value={goal} />
              ))}
            </datalist>
          </>
        )}
      </Field>

      <MacroSplitFieldset
        {...field("intake_data.macro_split")}
        values={values}
        onChange={(key, value) => update(key, value)}
      />

      <ChoiceFieldset
        {...field("intake_data.diet")}
        legend="Diet"
        hint="Every food in the plan will fit all the diets ticked."
        choices={DIETS}
        labels={DIET_LABELS}
        selected={values.diet}
        onChange={(diet) => update("diet", diet)}
      />

      <ChoiceFieldset
        {...field("intake_data.allergies")}
        legend="Allergies"
        hint="No food carrying a ticked allergen will appear in the plan."
        choices={ALLERGENS}
        labels={ALLERGEN_LABELS}
        selected={values.allergies}
        onChange={(allergies) => update("allergies", allergies)}
      />

      <DislikedFoodsPicker
        {...field("intake_data.disliked_foods")}
        foods={foods}
        chosenIds={values.dislikedFoods}
        diet={values.diet}
        allergies={values.allergies}
        onChange={(dislikedFoods) => update("dislikedFoods", dislikedFoods)}
      />

      <Field
        label="Notes for the planner"
        hint="Preferences, schedule, anything else the planner should know. Disliked foods belong in the list above: plans leave them out, with their families."
        {...field("intake_data.notes")}
      >
        {(control) => (
          <textarea
            {...control}
            rows={4}
            value={values.notes}
            onChange={(event) => update("notes", event.target.value)}
          />
        )}
      </Field>

      <div className="button-row">
        <button type="submit" className="button button-primary" data-testid="submit-plan" disabled={submitting}>
          {submitting ? "Creating plan…" : "Create plan"}
        </button>
      </div>
    </form>
  );
}

/** What the API's own schema says about the values as they stand. */
function schemaIssues(values: PlanFormValues): FieldIssue[] {
  const parsed = parseCreatePlanBody(toCreatePlanBody(values));
  return parsed.ok ? [] : parsed.details;
}
