import type { Allergen, Diet } from "@/generation/catalogue/catalogue";
import { DEFAULT_GENERATION_CONFIG } from "@/generation/generation-config";
import { MACRO_SPLIT_TOLERANCE_PCT } from "@/generation/intake/intake";

/** What the new-plan form holds: text as typed (inputs give strings), choices as lists. */
export type PlanFormValues = {
  name: string;
  clientId: string;
  lengthDays: string;
  /** The date of day 1 as the date input gives it ("YYYY-MM-DD"), or blank. */
  startDate: string;
  /** The title the client reads; blank for the default ("Meal plan for <first name>"). */
  clientTitle: string;
  goal: string;
  calories: string;
  proteinPercent: string;
  carbPercent: string;
  fatPercent: string;
  diet: Diet[];
  allergies: Allergen[];
  /** Catalogue food ids the client dislikes, in the order chosen. */
  dislikedFoods: string[];
  mealsPerDay: string;
  /** How many different foods a week of the plan may use (the shopping list's size). */
  foodsPerWeek: string;
  /** Repeat each dinner as the next day's lunch. */
  leftovers: boolean;
  notes: string;
};

const DEFAULTS = DEFAULT_GENERATION_CONFIG.defaults;

/** The planner's own defaults, so an untouched form asks for what it would get anyway (a week unless changed). */
export const INITIAL_PLAN_FORM_VALUES: PlanFormValues = {
  name: "",
  clientId: "",
  lengthDays: "7",
  startDate: "",
  clientTitle: "",
  goal: "",
  calories: String(DEFAULTS.calorieTarget),
  proteinPercent: String(DEFAULTS.macroSplit.protein_pct),
  carbPercent: String(DEFAULTS.macroSplit.carb_pct),
  fatPercent: String(DEFAULTS.macroSplit.fat_pct),
  diet: [],
  allergies: [],
  dislikedFoods: [],
  mealsPerDay: String(DEFAULTS.mealsPerDay),
  foodsPerWeek: String(DEFAULTS.foodsPerWeek),
  leftovers: false,
  notes: "",
};

/**
 * The request body the form sends, before validation: the API's own schema
 * (CreatePlanBodySchema) judges it, so numbers that are not numbers stay NaN
 * and get the schema's message rather than a second, different rule here.
 */
export function toCreatePlanBody(values: PlanFormValues): Record<string, unknown> {
  const intake: Record<string, unknown> = {
    calorie_target: numberFromText(values.calories),
    meals_per_day: numberFromText(values.mealsPerDay),
    foods_per_week: numberFromText(values.foodsPerWeek),
    leftovers: values.leftovers,
    diet: values.diet,
    allergies: values.allergies,
  };
  const percents = [values.proteinPercent, values.carbPercent, values.fatPercent];
  if (percents.some((text) => text.trim() !== "")) {
    intake.macro_split = {
      protein_pct: numberFromText(values.proteinPercent),
      carb_pct: numberFromText(values.carbPercent),
      fat_pct: numberFromText(values.fatPercent),
    };
  }
  if (values.dislikedFoods.length > 0) intake.disliked_foods = values.dislikedFoods;
  if (values.goal.trim() !== "") intake.goal = values.goal.trim();
  if (values.notes.trim() !== "") intake.notes = values.notes.trim();

  const body: Record<string, unknown> = {
    name: values.name,
    plan_length_days: numberFromText(values.lengthDays),
    intake_data: withoutUndefined(intake),
  };
  if (values.clientId !== "") body.client_id = values.clientId;
  if (values.startDate.trim() !== "") body.start_date = values.startDate.trim();
  if (values.clientTitle.trim() !== "") body.client_title = values.clientTitle.trim();
  return withoutUndefined(body);
}

/** Running total of the three percentages as typed; blanks count as zero. */
export function macroPercentSum(values: Pick<PlanFormValues, "proteinPercent" | "carbPercent" | "fatPercent">): number {
  const sum = [values.proteinPercent, values.carbPercent, values.fatPercent]
    .map((text) => Number(text.trim() === "" ? 0 : text))
    .reduce((total, value) => total + (Number.isFinite(value) ? value : 0), 0);
  return Math.round(sum * 10) / 10;
}

/** The API's own rule: a split within MACRO_SPLIT_TOLERANCE_PCT of 100. */
export function macroSumIsValid(sum: number): boolean {
  return Math.abs(sum - 100) <= MACRO_SPLIT_TOLERANCE_PCT;
}

/** Blank means "not given" (undefined); anything else is a number, NaN included, for the schema to judge. */
export function numberFromText(text: string): number | undefined {
  const trimmed = text.trim();
  return trimmed === "" ? undefined : Number(trimmed);
}

function withoutUndefined(record: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined));
}
