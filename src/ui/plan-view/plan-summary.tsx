import type { ReactNode } from "react";
import { familyKey } from "@/generation/catalogue/catalogue";
import type { PlanDetail } from "@/ui/api/api-types";
import { ALLERGEN_LABELS, DIET_LABELS } from "@/ui/plan-form/choice-labels";
import { formatKcal } from "./format-numbers";

/** The plan's brief as the coach entered it: who it is for, how long, and what it must respect. Not printed: print is the client's copy. */
export function PlanSummary({ plan }: { plan: PlanDetail }) {
  const intake = plan.intake_data ?? {};
  const diet = labelList(intake.diet, DIET_LABELS);
  const allergies = labelList(intake.allergies, ALLERGEN_LABELS);
  const goal = textValue(intake.goal);
  const notes = textValue(intake.notes);
  const mealsPerDay = typeof intake.meals_per_day === "number" ? intake.meals_per_day : null;
  const foodsPerWeek = typeof intake.foods_per_week === "number" ? intake.foods_per_week : null;
  const split = plan.targets?.macro_split;

  return (
    <dl className="plan-summary no-print">
      <SummaryItem term="Client" value={plan.client_name ?? "None"} />
      <SummaryItem term="Length" value={`${plan.plan_length_days} ${plan.plan_length_days === 1 ? "day" : "days"}`} />
      {plan.targets ? <SummaryItem term="Calorie target" value={`${formatKcal(plan.targets.kcal)} per day`} /> : null}
      {split ? (
        <SummaryItem
          term="Macro split"
          value={`Protein ${split.protein_pct}% · Carbohydrate ${split.carb_pct}% · Fat ${split.fat_pct}%`}
        />
      ) : null}
      {mealsPerDay ? <SummaryItem term="Meals per day" value={String(mealsPerDay)} /> : null}
      {foodsPerWeek ? <SummaryItem term="Foods per week" value={`At most ${foodsPerWeek}`} /> : null}
      {intake.leftovers === true ? <SummaryItem term="Leftovers" value="Dinner repeats as next day's lunch" /> : null}
      {goal ? <SummaryItem term="Goal" value={goal} /> : null}
      <SummaryItem term="Diet" value={diet ?? "No restriction"} />
      <SummaryItem term="Allergies" value={allergies ?? "None recorded"} />
      <SummaryItem term="Disliked foods" value={<DislikedFoods foods={plan.disliked_foods} />} />
      {notes ? <SummaryItem term="Notes" value={notes} /> : null}
    </dl>
  );
}

/** The foods the client dislikes, one a line (catalogue names hold commas), and the families left out with them. */
function DislikedFoods({ foods }: { foods: PlanDetail["disliked_foods"] }) {
  if (foods.length === 0) return "None recorded";
  const families = [...new Set(foods.map(familyKey))].sort();
  return (
    <div data-testid="plan-dislikes">
      <ul className="dislike-list">
        {foods.map((food) => (
          <li key={food.id}>{food.name}</li>
        ))}
      </ul>
      <span className="muted">
        Left out with {families.length === 1 ? "its family" : "their families"}: {families.join(", ")}.
      </span>
    </div>
  );
}

function SummaryItem({ term, value }: { term: string; value: ReactNode }) {
  return (
    <div className="plan-summary-item">
      <dt>{term}</dt>
      <dd>{value}</dd>
    </div>
  );
}

function labelList(value: unknown, labels: Record<string, string>): string | null {
  if (!Array.isArray(value) || value.length === 0) return null;
  return value.map((entry) => labels[String(entry)] ?? String(entry)).join(", ");
}

function textValue(value: unknown): string | null {
  return typeof value === "string" && value.trim() !== "" ? value.trim() : null;
}
