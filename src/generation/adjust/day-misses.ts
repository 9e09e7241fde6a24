import { z } from "zod";
import type { CatalogueFood } from "@/generation/catalogue/catalogue";
import type { GenerationConfig, MacroSplit } from "@/generation/generation-config";
import { judgeDay, type MealMiss, type MealRule } from "@/generation/meals/meal-patterns";
import { type MealType, mealTypeOf, PLATE_ROLE_LABELS, type PlateRole, suitsMeal } from "@/generation/meals/plate";
import { dayTotals } from "@/generation/nutrition/day-totals";
import { roundTenth } from "@/generation/nutrition/item-nutrition";
import { energyShares, macroDeviations, worstMacroPoints } from "@/generation/nutrition/macros";
import type { PlannedDay } from "@/generation/nutrition/planned-day";
import { SPLIT_KEY } from "./portion-program";

/**
 * What a balanced day could not meet, and why, in a coach's words: its macro
 * miss (meal_plan_days.macro_miss) and the meal rules a meal breaks
 * (meal_plan_days.meal_misses). Reasons speak of the foods the plan may use,
 * so they are given only when the plan's candidates were at hand.
 */

/**
 * How far a saved day's macros are from the split: each macro's energy share
 * minus its target, in percentage points (negative = short), and why the day
 * could not do better. Stored with the day (meal_plan_days.macro_miss) and
 * shown beside it.
 */
export const MacroMissSchema = z.object({
  protein_pts: z.number().finite(),
  carb_pts: z.number().finite(),
  fat_pts: z.number().finite(),
  reason: z.string().max(300).optional(),
});
export type MacroMiss = z.infer<typeof MacroMissSchema>;

export type MissContext = {
  targets: { calorieTarget: number; macroSplit: MacroSplit };
  config: GenerationConfig;
  /** The day's own foods (and any it may bring in). */
  foods: ReadonlyMap<string, CatalogueFood>;
  /** The plan's candidates; empty for a day re-solved over its own foods (a coach's edit). */
  candidates: readonly CatalogueFood[];
};

/** The roles a rule asks a meal to hold: what its reason looks for among the plan's foods. */
const RULE_ROLES: Partial<Record<MealRule, readonly PlateRole[]>> = {
  "breakfast-base": ["starch", "protein_side"],
  "protein-food": ["main_protein", "protein_side"],
  starch: ["starch"],
  vegetable: ["vegetable"],
  "snack-substance": ["fruit", "protein_side", "starch", "supplement"],
  "useful-protein": ["main_protein", "protein_side", "supplement"],
};

/**
 * Each meal rule the day breaks (meals/meal-patterns.ts), with why: no food
 * of the role the rule needs suits that meal among the foods the plan may
 * use, or the foods exist but not alongside the day's calories, split and
 * the meal's other rules.
 */
export function mealMissesOf(day: PlannedDay, shares: readonly number[], context: MissContext): MealMiss[] {
  const broken = judgeDay(day, context.foods, context.targets, shares);
  const atHand = [...context.foods.values(), ...context.candidates];
  return day.meals.flatMap((meal, m) =>
    (broken[m] ?? []).map((rule): MealMiss => {
      const why = context.candidates.length > 0 ? reasonFor(rule.rule, mealTypeOf(meal.name), atHand) : undefined;
      return { meal: meal.name, rule: rule.rule, text: rule.text, ...(why ? { why } : {}) };
    }),
  );
}

function reasonFor(rule: MealRule, type: MealType, atHand: readonly CatalogueFood[]): string {
  const roles = RULE_ROLES[rule];
  if (roles && !atHand.some((food) => roles.includes(food.plate_role) && suitsMeal(food, type))) {
    return `no ${roles.map((role) => PLATE_ROLE_LABELS[role]).join(" or ")} this plan may use suits ${type}`;
  }
  return "the foods this plan may use cannot meet it alongside the day's calories and macro split";
}

const MACRO_NAMES = { protein: "protein", carbs: "carbohydrate", fat: "fat" } as const;

/**
 * The day's macro miss, or null when every macro is within the tolerance.
 * The reason speaks of the foods the plan may use, so it is given only when
 * the plan's candidates were at hand: a day re-solved over its own foods
 * alone (a coach's swap) gets none, and the plan view says the day's foods
 * cannot reach the split.
 */
export function missOf(day: PlannedDay, { targets, config, foods, candidates }: MissContext): MacroMiss | null {
  const totals = dayTotals(day);
  if (worstMacroPoints(totals, targets.macroSplit) <= config.balance.macroTolerancePoints) return null;
  const deviations = macroDeviations(totals, targets.macroSplit);
  const dayFoods = day.meals.flatMap((meal) => meal.items.flatMap((item) => foods.get(item.food_id) ?? []));
  return {
    protein_pts: roundTenth(deviations.protein),
    carb_pts: roundTenth(deviations.carbs),
    fat_pts: roundTenth(deviations.fat),
    ...(candidates.length > 0
      ? { reason: missReason(deviations, targets.macroSplit, [...dayFoods, ...candidates]) }
      : {}),
  };
}

/**
 * Why a day misses its split, in a coach's words: no food at hand is rich
 * enough in the short macro ("no food this plan may use has 45 % of its
 * energy from protein; the richest, tofu, has 43 %"), or the foods exist but
 * not within natural portions and the meals' shapes.
 */
function missReason(
  deviations: { protein: number; carbs: number; fat: number },
  split: MacroSplit,
  foodsAtHand: readonly CatalogueFood[],
): string {
  const macro = (["protein", "carbs", "fat"] as const).reduce((worst, name) =>
    Math.abs(deviations[name]) > Math.abs(deviations[worst]) ? name : worst,
  );
  const target = split[SPLIT_KEY[macro]];
  const name = MACRO_NAMES[macro];
  if (deviations[macro] < 0) {
    const share = (food: CatalogueFood) => energyShares(food)[SPLIT_KEY[macro]];
    const richest = [...foodsAtHand].sort((a, b) => share(b) - share(a))[0];
    if (!richest || share(richest) < target) {
      return `no food this plan may use has ${Math.round(target)} % of its energy from ${name}${
        richest ? ` (the richest, ${richest.name}, has ${Math.round(share(richest))} %)` : ""
      }`;
    }
    return `the foods this plan may use cannot bring ${name} up to ${Math.round(target)} % within natural portions`;
  }
  return `the foods this plan may use cannot bring ${name} down to ${Math.round(target)} % within natural portions`;
}
