import { balanceDays } from "@/generation/adjust/balance-plan";
import { loadLinearProgramSolver } from "@/generation/adjust/linear-program";
import { presentableGrams } from "@/generation/adjust/round-portions";
import type { Allergen, Diet } from "@/generation/catalogue/catalogue";
import { type CatalogueFood, indexFoodsById, uniqueFoods } from "@/generation/catalogue/catalogue";
import { fitsRestrictions } from "@/generation/catalogue/food-restrictions";
import { mealSlotsFor } from "@/generation/catalogue/meal-slots";
import type { MacroSplit } from "@/generation/generation-config";
import { DEFAULT_GENERATION_CONFIG, type GenerationConfig } from "@/generation/generation-config";
import { PLATE_ROLES, type PlateRole } from "@/generation/meals/plate";
import { weekMenu, weekOf } from "@/generation/meals/week-menu";
import type { ModelPlan } from "@/generation/model/model-plan";
import type { PassToPlan } from "@/generation/model/model-port";
import { plannedItem } from "@/generation/nutrition/item-nutrition";
import type { PlannedDay } from "@/generation/nutrition/planned-day";
import { stableHash } from "@/generation/shared/stable-hash";
import { chooseDayFoods, FoodUsage } from "./choose-day-foods";

/** What the offline planner needs of a pass: its days, foods and targets (no prompt text). */
export type PassBrief = {
  dayNumbers: readonly number[];
  /** The only foods the pass may use (already filtered by diet, allergies and dislikes). */
  candidates: readonly CatalogueFood[];
  calorieTarget: number;
  macroSplit: MacroSplit;
  mealsPerDay: number;
  /** Most distinct foods a week of the plan may use. */
  foodsPerWeek: number;
  /** Each day's lunch is the day before's dinner (within the brief's days). */
  leftovers: boolean;
  /** Foods used by an earlier pass or steered to other chunks; prefer others so the plan varies. */
  avoidFoodIds: readonly string[];
  /** Foods these days are planned around (one-wave mode). */
  preferFoodIds: readonly string[];
  diet: readonly Diet[];
  allergies: readonly Allergen[];
  /** Families of the foods the client dislikes (never planned). */
  dislikedFamilies: readonly string[];
};

export function briefOf(pass: PassToPlan): PassBrief {
  const { spec } = pass;
  return {
    dayNumbers: pass.dayNumbers,
    candidates: pass.candidates,
    calorieTarget: spec.calorieTarget,
    macroSplit: spec.macroSplit,
    mealsPerDay: spec.mealsPerDay,
    // A spec memoised before the week bound existed has none: the default.
    foodsPerWeek: spec.foodsPerWeek ?? DEFAULT_GENERATION_CONFIG.defaults.foodsPerWeek,
    leftovers: spec.leftovers === true,
    avoidFoodIds: pass.avoidFoodIds,
    preferFoodIds: pass.preferFoodIds,
    diet: spec.diet,
    allergies: spec.allergies,
    dislikedFamilies: pass.restrictions.dislikedFamilies ?? [],
  };
}

/**
 * The deterministic planner behind the offline ModelPort: plans the brief's
 * days from its candidates only and answers with the same JSON text Claude is
 * asked for, so everything downstream (parse, sanitise, scale, dedup, save)
 * runs unchanged without a network.
 *
 * Per day: meal slots from mealsPerDay (breakfast, lunch, dinner, snacks, each
 * built from sensible food groups), foods chosen least-used-first with a
 * per-day rotation and no repeated food or family within the day (earlier
 * passes' foods count as used), then the day solved by the balance step's
 * program (balance-day.ts): calories on target, macros on the split, natural
 * portions rounded to presentable grams (5 g steps from 40 g up), a food
 * exchanged only where the day's choice cannot get there. Diet, allergies and dislikes are enforced again here,
 * whatever the brief's list holds.
 */
export async function planOffline(
  brief: PassBrief,
  config: GenerationConfig = DEFAULT_GENERATION_CONFIG,
): Promise<string> {
  const solver = await loadLinearProgramSolver();
  const { allowed, restrictions } = allowedFoods(brief);
  const foods = indexFoodsById(allowed);
  const targets = { calorieTarget: brief.calorieTarget, macroSplit: brief.macroSplit, mealsPerDay: brief.mealsPerDay };
  // The balance step's own program settles the grams, and may exchange a food (from the week's menu) when a
  // day's choice cannot meet its patterns or reach the split within natural portions; it serves the leftovers.
  const balanced = await balanceDays(chooseOfflineDays(brief), foods, targets, {
    candidates: allowed,
    restrictions,
    config,
    solver,
    foodsPerWeek: brief.foodsPerWeek,
    leftovers: brief.leftovers,
    menuOfWeek: (week) => weekMenu(allowed, week, brief.foodsPerWeek),
  });
  const days: ModelPlan["days"] = balanced.map(({ day }) => ({
    day: day.day,
    meals: day.meals.map((meal) => ({
      name: meal.name,
      ...(meal.title ? { title: meal.title } : {}),
      ...(meal.preparation ? { preparation: meal.preparation } : {}),
      items: meal.items.map((item) => ({ food_id: item.food_id, grams: item.grams })),
    })),
  }));
  return JSON.stringify({ days });
}

/**
 * The choosing half of the offline planner: each day's foods, meal by meal,
 * from its week's menu (week-menu.ts) by the meal patterns, at their usual
 * portions scaled together onto the calorie target, before any balancing.
 * The careless test models start from it too.
 */
export function chooseOfflineDays(brief: PassBrief): PlannedDay[] {
  const { allowed } = allowedFoods(brief);
  const usage = new FoodUsage(brief.avoidFoodIds, brief.preferFoodIds);
  const slots = mealSlotsFor(brief.mealsPerDay);
  return [...new Set(brief.dayNumbers)]
    .sort((a, b) => a - b)
    .map((dayNumber) => {
      const foodsByRole = byRoleInStableOrder(weekMenu(allowed, weekOf(dayNumber), brief.foodsPerWeek));
      const meals = chooseDayFoods(dayNumber, slots, foodsByRole, usage, brief.macroSplit).filter(
        (meal) => meal.foods.length > 0,
      );
      // Usual portions scaled to the calories as the starting point; balance then solves the day's grams.
      const usualKcal = meals.flatMap((meal) => meal.foods).reduce((sum, food) => sum + usualPortionKcal(food), 0);
      const scale = usualKcal > 0 ? brief.calorieTarget / usualKcal : 1;
      return {
        day: dayNumber,
        meals: meals.map((meal) => ({
          name: meal.slot.name,
          items: meal.foods.map((food) => plannedItem(food, presentableGrams(food.default_portion_g * scale))),
        })),
      };
    });
}

/** The brief's candidates that fit its restrictions (enforced again here, whatever the list holds). */
function allowedFoods(brief: PassBrief) {
  const restrictions = { diet: brief.diet, allergies: brief.allergies, dislikedFamilies: brief.dislikedFamilies };
  return {
    restrictions,
    allowed: uniqueFoods(brief.candidates).filter((food) => fitsRestrictions(food, restrictions)),
  };
}

function usualPortionKcal(food: CatalogueFood): number {
  return (food.kcal_per_100g * food.default_portion_g) / 100;
}

function byRoleInStableOrder(foods: readonly CatalogueFood[]): Map<PlateRole, CatalogueFood[]> {
  const byRole = new Map<PlateRole, CatalogueFood[]>();
  for (const role of PLATE_ROLES) {
    byRole.set(
      role,
      foods
        .filter((food) => food.plate_role === role)
        .sort((a, b) => stableHash(a.id) - stableHash(b.id) || (a.id < b.id ? -1 : 1)),
    );
  }
  return byRole;
}
