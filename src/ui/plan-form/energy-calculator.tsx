"use client";

import { useState } from "react";
import {
  ACTIVITY_FACTORS,
  type ActivityLevel,
  DEFAULT_PROTEIN_G_PER_KG,
  type EnergyGoal,
  type EnergyInputs,
  EnergyInputsSchema,
  type EnergySuggestion,
  GOAL_ADJUSTMENTS,
  suggestEnergy,
} from "@/generation/nutrition/energy-needs";
import { formatKcal } from "@/ui/plan-view/format-numbers";

const ACTIVITY_LABELS: Record<ActivityLevel, string> = {
  sedentary: "Sedentary: desk job, little exercise",
  light: "Light: exercise 1-3 days a week",
  moderate: "Moderate: exercise 3-5 days a week",
  very: "Very active: hard exercise 6-7 days a week",
  extra: "Extra active: physical job and training",
};

const GOAL_LABELS: Record<EnergyGoal, string> = {
  lose: "Lose weight",
  maintain: "Maintain weight",
  gain: "Gain weight",
};

const percent = (fraction: number) => `${fraction > 0 ? "+" : fraction < 0 ? "−" : ""}${Math.abs(fraction * 100)} %`;

/** The figures the calculator uses, in the words of its help text (the same constants the arithmetic reads). */
export const CALCULATOR_HELP =
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
        <NumberField
          id="energy-weight"
          label="Weight (kg)"
          value={texts.weight}
          onChange={set("weight")}
          min={30}
          max={300}
        />
        <NumberField
          id="energy-height"
          label="Height (cm)"
          value={texts.height}
          onChange={set("height")}
          min={120}
          max={230}
        />
        <NumberField id="energy-age" label="Age (years)" value={texts.age} onChange={set("age")} min={18} max={100} />
        <div className="field">
          <label htmlFor="energy-sex">Sex</label>
          <select id="energy-sex" value={texts.sex} onChange={set("sex")}>
            <option value="female">Female</option>
            <option value="male">Male</option>
          </select>
        </div>
      </div>
      <div className="field-row">
        <div className="field">
          <label htmlFor="energy-activity">Activity</label>
          <select id="energy-activity" value={texts.activity} onChange={set("activity")}>
            {(Object.keys(ACTIVITY_FACTORS) as ActivityLevel[]).map((level) => (
              <option key={level} value={level}>
                {ACTIVITY_LABELS[level]} (×{ACTIVITY_FACTORS[level]})
              </option>
            ))}
          </select>
        </div>
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
        <NumberField
          id="energy-protein"
          label="Protein (g per kg)"
          value={texts.protein}
          onChange={set("protein")}
          min={0.8}
          max={3}
          step={0.1}
        />
      </div>
      <p role="status" className="energy-result" data-testid="energy-result">
        {suggestion
          ? `About ${formatKcal(suggestion.calorieTarget)} a day (resting ${formatKcal(Math.round(suggestion.restingKcal))}, ` +
            `maintenance ${formatKcal(Math.round(suggestion.maintenanceKcal))}) and ${suggestion.proteinGrams} g protein ` +
            `(${suggestion.proteinPct} % of the energy).${used ? " Put in the form." : ""}`
          : "Enter weight (30-300 kg), height (120-230 cm), age (18-100) and protein (0.8-3 g per kg) for a suggestion."}
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
  id: string;
  label: string;
  value: string;
  onChange: (event: { target: { value: string } }) => void;
  min: number;
  max: number;
  step?: number;
}) {
  return (
    <div className="field">
      <label htmlFor={props.id}>{props.label}</label>
      <input
        id={props.id}
        data-testid={props.id}
        type="number"
        inputMode="decimal"
        min={props.min}
        max={props.max}
        step={props.step ?? 1}
        value={props.value}
        onChange={props.onChange}
        aria-describedby="energy-help"
      />
    </div>
  );
}
