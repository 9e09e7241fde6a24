"use client";

import { useState } from "react";
import {
  ACTIVITY_FACTORS,
  type ActivityLevel,
  DEFAULT_PROTEIN_G_PER_KG,
  ENERGY_INPUT_RANGES,
  type EnergyGoal,
  type EnergyInputs,
  EnergyInputsSchema,
  type EnergySuggestion,
  GOAL_ADJUSTMENTS,
  suggestEnergy,
} from "@/generation/nutrition/energy-needs";
import { formatKcal } from "@/ui/plan-view/format-numbers";

/** Each level's short name (what the closed select shows, whole on a phone) and what it means. */
const ACTIVITY_LABELS: Record<ActivityLevel, { name: string; detail: string }> = {
  sedentary: { name: "Sedentary", detail: "desk job, little exercise" },
  light: { name: "Light", detail: "exercise 1-3 days a week" },
  moderate: { name: "Moderate", detail: "exercise 3-5 days a week" },
  very: { name: "Very active", detail: "hard exercise 6-7 days a week" },
  extra: { name: "Extra active", detail: "physical job and training" },
};

const GOAL_LABELS: Record<EnergyGoal, string> = {
  lose: "Lose weight",
  maintain: "Maintain weight",
  gain: "Gain weight",
};

/** The calculator's number fields: their labels, and the ranges the arithmetic accepts. */
const NUMBER_FIELDS = {
  weight: { label: "Weight (kg)", ...ENERGY_INPUT_RANGES.weightKg, step: 1 },
  height: { label: "Height (cm)", ...ENERGY_INPUT_RANGES.heightCm, step: 1 },
  age: { label: "Age (years)", ...ENERGY_INPUT_RANGES.ageYears, step: 1 },
  protein: { label: "Protein (g per kg)", ...ENERGY_INPUT_RANGES.proteinGPerKg, step: 0.1 },
} as const;
type NumberFieldName = keyof typeof NUMBER_FIELDS;
const span = (name: NumberFieldName) => `${NUMBER_FIELDS[name].min}-${NUMBER_FIELDS[name].max}`;

const percent = (fraction: number) => `${fraction > 0 ? "+" : fraction < 0 ? "−" : ""}${Math.abs(fraction * 100)} %`;

/** The figures the calculator uses, in the words of its help text (the same constants the arithmetic reads). */
const CALCULATOR_HELP =
  "Resting energy by the Mifflin-St Jeor equation (10 × kg + 6.25 × cm − 5 × age, + 5 for men, − 161 for women), " +
  `times the activity factor (${Object.values(ACTIVITY_FACTORS).join(", ")}), then ` +
  `${(Object.keys(GOAL_ADJUSTMENTS) as EnergyGoal[]).map((goal) => `${goal} ${percent(GOAL_ADJUSTMENTS[goal])}`).join(", ")}; ` +
  "rounded to 10 kcal. Protein is grams per kg of body weight; fat keeps its share and carbs take the rest.";

type Texts = {
  weight: string;
  height: string;
  age: string;
  sex: string;
  activity: string;
  goal: string;
  protein: string;
};

/**
 * The energy calculator, folded under the calorie field: a client's weight,
 * height, age, sex, activity and goal suggest a calorie target, and protein
 * in g/kg a protein share; "Use these figures" puts both in the form.
 */
export function EnergyCalculator({ onUse }: { onUse: (suggestion: EnergySuggestion) => void }) {
  const [texts, setTexts] = useState<Texts>({
    weight: "",
    height: "",
    age: "",
    sex: "female",
    activity: "moderate",
    goal: "maintain",
    protein: String(DEFAULT_PROTEIN_G_PER_KG),
  });
  const [used, setUsed] = useState(false);
  const parsed = EnergyInputsSchema.safeParse({
    weightKg: Number(texts.weight || Number.NaN),
    heightCm: Number(texts.height || Number.NaN),
    ageYears: Number(texts.age || Number.NaN),
    sex: texts.sex,
    activity: texts.activity,
    goal: texts.goal,
    proteinGPerKg: Number(texts.protein || Number.NaN),
  } satisfies Record<keyof EnergyInputs, unknown>);
  const suggestion = parsed.success ? suggestEnergy(parsed.data) : null;
  const set = (key: keyof Texts) => (event: { target: { value: string } }) => {
    setUsed(false);
    setTexts((previous) => ({ ...previous, [key]: event.target.value }));
  };

  return (
    <details className="energy-calculator" data-testid="energy-calculator">
      <summary>Work out calories and protein from the client&apos;s figures</summary>
      <p className="hint" id="energy-help">
        {CALCULATOR_HELP}
      </p>
      <div className="field-row">
        <NumberField name="weight" value={texts.weight} onChange={set("weight")} />
        <NumberField name="height" value={texts.height} onChange={set("height")} />
        <NumberField name="age" value={texts.age} onChange={set("age")} />
        <div className="field">
          <label htmlFor="energy-sex">Sex</label>
          <select id="energy-sex" value={texts.sex} onChange={set("sex")}>
            <option value="female">Female</option>
            <option value="male">Male</option>
          </select>
        </div>
      </div>
      <div className="field">
        <label htmlFor="energy-activity">Activity</label>
        <select
          id="energy-activity"
          value={texts.activity}
          onChange={set("activity")}
          aria-describedby="energy-activity-detail"
        >
          {(Object.keys(ACTIVITY_FACTORS) as ActivityLevel[]).map((level) => (
            <option key={level} value={level}>
              {ACTIVITY_LABELS[level].name} (×{ACTIVITY_FACTORS[level]})
            </option>
          ))}
        </select>
        <p className="hint" id="energy-activity-detail" data-testid="energy-activity-detail">
          {ACTIVITY_LABELS[texts.activity as ActivityLevel]?.detail}
        </p>
      </div>
      <div className="field-row">
        <div className="field">
          <label htmlFor="energy-goal">Goal</label>
          <select id="energy-goal" value={texts.goal} onChange={set("goal")}>
            {(Object.keys(GOAL_ADJUSTMENTS) as EnergyGoal[]).map((goal) => (
              <option key={goal} value={goal}>
                {GOAL_LABELS[goal]} ({percent(GOAL_ADJUSTMENTS[goal])})
              </option>
            ))}
          </select>
        </div>
        <NumberField name="protein" value={texts.protein} onChange={set("protein")} />
      </div>
      <p role="status" className="energy-result" data-testid="energy-result">
        {suggestion
          ? `About ${formatKcal(suggestion.calorieTarget)} a day (resting ${formatKcal(Math.round(suggestion.restingKcal))}, ` +
            `maintenance ${formatKcal(Math.round(suggestion.maintenanceKcal))}) and ${suggestion.proteinGrams} g protein ` +
            `(${suggestion.proteinPct} % of the energy).${used ? " Put in the form." : ""}`
          : `Enter weight (${span("weight")} kg), height (${span("height")} cm), age (${span("age")}) ` +
            `and protein (${span("protein")} g per kg) for a suggestion.`}
      </p>
      <button
        type="button"
        className="button button-small"
        data-testid="energy-use"
        disabled={!suggestion}
        onClick={() => {
          if (!suggestion) return;
          onUse(suggestion);
          setUsed(true);
        }}
      >
        Use these figures
      </button>
    </details>
  );
}

function NumberField(props: {
  name: NumberFieldName;
  value: string;
  onChange: (event: { target: { value: string } }) => void;
}) {
  const field = NUMBER_FIELDS[props.name];
  const id = `energy-${props.name}`;
  return (
    <div className="field">
      <label htmlFor={id}>{field.label}</label>
      <input
        id={id}
        data-testid={id}
        type="number"
        inputMode="decimal"
        min={field.min}
        max={field.max}
        step={field.step}
        value={props.value}
        onChange={props.onChange}
        aria-describedby="energy-help"
      />
    </div>
  );
}
