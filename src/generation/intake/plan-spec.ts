import type { Allergen, Diet } from "@/generation/catalogue/catalogue";
import type { MacroSplit } from "@/generation/generation-config";

/** Everything generation needs to know about one plan, after request and stored values are merged. */
export type PlanSpec = {
  /** Plan length in days (1-28). */
  days: number;
  /** kcal per day. */
  calorieTarget: number;
  macroSplit: MacroSplit;
  /** Every diet the plan must satisfy (from intake and legacy text combined). */
  diet: Diet[];
  /** Every allergy the plan must avoid (from intake and legacy text combined). */
  allergies: Allergen[];
  /** Catalogue food ids the client dislikes (intake_data.disliked_foods); their families are excluded too. */
  dislikedFoodIds: string[];
  mealsPerDay: number;
  /** Most distinct foods one week of the plan may use (intake_data.foods_per_week). */
  foodsPerWeek: number;
  /** Dinners repeat as the next day's lunch, for batch cooking (intake_data.leftovers). */
  leftovers: boolean;
  goal?: string;
  notes?: string;
  /** Capped free-text context for the prompt: extra intake keys and the legacy restrictions text. */
  extraContext: Record<string, string>;
  /** 'rich' when the plan has intake_data, 'simple' for the legacy fields only. */
  promptStyle: "rich" | "simple";
};
