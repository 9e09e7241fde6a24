import { loadLinearProgramSolver } from "@/generation/adjust/linear-program";
import { portionBounds, solvePortions } from "@/generation/adjust/portion-lp";
import { roundPortionsToTarget } from "@/generation/adjust/round-portions";
import type { Allergen, Diet } from "@/generation/catalogue/catalogue";
import { type CatalogueFood, FOOD_GROUPS, type FoodGroup, uniqueFoods } from "@/generation/catalogue/catalogue";
import { fitsRestrictions } from "@/generation/catalogue/food-restrictions";
import { mealSlotsFor } from "@/generation/catalogue/meal-slots";
import type { MacroSplit } from "@/generation/generation-config";
import { DEFAULT_GENERATION_CONFIG, type GenerationConfig } from "@/generation/generation-config";
import type { ModelPlan } from "@/generation/model/model-plan";
import type { PassToPlan } from "@/generation/model/model-port";
import { stableHash } from "@/generation/shared/stable-hash";
import { chooseDayFoods, FoodUsage } from "./choose-day-foods";

/** What the offline planner needs of a pass: its days, foods and targets (no prompt text). */
export type PassBrief = {
  dayNumbers: readonly number[];
  /** The only foods the pass may use (already filtered by diet and allergies). */
  candidates: readonly CatalogueFood[];
  calorieTarget: number;
  macroSplit: MacroSplit;
  mealsPerDay: number;
  /** Foods used by an earlier pass or steered to other chunks; prefer others so the plan varies. */
  avoidFoodIds: readonly string[];
  /** Foods these days are planned around (one-wave mode). */
  preferFoodIds: readonly string[];
  diet: readonly Diet[];
  allergies: readonly Allergen[];
};

export function briefOf(pass: PassToPlan): PassBrief {
  const { spec } = pass;
  return {
    dayNumbers: pass.dayNumbers,
    candidates: pass.candidates,
    calorieTarget: spec.calorieTarget,
    macroSplit: spec.macroSplit,
    mealsPerDay: spec.mealsPerDay,
    avoidFoodIds: pass.avoidFoodIds,
    preferFoodIds: pass.preferFoodIds,
    diet: spec.diet,
    allergies: spec.allergies,
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
 * passes' foods count as used), portions solved for the calorie target and
 * macro split within 0.5x-2.5x usual portions (the balance step's linear
 * program, solved by HiGHS), then rounded to presentable grams (5 g steps
 * from 40 g up) with the day's energy kept on target.
 * Diet and allergies are enforced again here, whatever the brief's list holds.
 */
export async function planOffline(
  brief: PassBrief,
  config: GenerationConfig = DEFAULT_GENERATION_CONFIG,
): Promise<string> {
  const solve = await loadLinearProgramSolver();
  const allowed = uniqueFoods(brief.candidates).filter((food) =>
    fitsRestrictions(food, { diet: brief.diet, allergies: brief.allergies }),
  );
  const foodsByGroup = groupInStableOrder(allowed);
  const usage = new FoodUsage(brief.avoidFoodIds, brief.preferFoodIds);
  const slots = mealSlotsFor(brief.mealsPerDay);
  const target = brief.calorieTarget;

  const days: ModelPlan["days"] = [...new Set(brief.dayNumbers)]
    .sort((a, b) => a - b)
    .map((dayNumber) => {
      const meals = chooseDayFoods(dayNumber, slots, foodsByGroup, usage, brief.macroSplit).filter(
        (meal) => meal.foods.length > 0,
      );
      const items = meals.flatMap((meal, m) =>
        meal.foods.map((food) => ({ food, meal: m, preferredGrams: food.default_portion_g })),
      );
      const solution = solvePortions(
        {
          items,
          calorieTarget: target,
          macroSplit: brief.macroSplit,
          bounds: items.map(({ food }) =>
            portionBounds(food, {
              factor: config.portionFactor,
              minGrams: config.balance.minItemGrams,
              maxGramsForGroup: config.balance.maxGramsByGroup[food.food_group],
              maxGrams: config.maxItemGrams,
            }),
          ),
          calorieBand: config.balance.calorieBand,
          mealShares: meals.map((meal) => meal.slot.energyShare),
        },
        solve,
      );
      // Foods that cannot reach the target within their bounds: usual portions scaled to it, as the
      // original route's scaler would (the workflow's scale step then judges the day).
      const usualKcal = items.reduce((sum, { food }) => sum + (food.kcal_per_100g * food.default_portion_g) / 100, 0);
      const uniform = usualKcal > 0 ? target / usualKcal : 1;
      const portions = items.map((item, i) => ({
        food: item.food,
        grams: solution.status === "solved" ? (solution.grams[i] ?? 0) : item.preferredGrams * uniform,
      }));
      const rounded = roundPortionsToTarget(portions, target, {
        roundGrams: presentableGrams,
        maxRelativeError: 0.005,
        maxGrams: config.maxItemGrams,
      });
      let next = 0;
      return {
        day: dayNumber,
        meals: meals.map((meal) => ({
          name: meal.slot.name,
          items: meal.foods.map((food) => ({ food_id: food.id, grams: rounded[next++] ?? food.default_portion_g })),
        })),
      };
    });
  return JSON.stringify({ days });
}

/** 5 g steps for portions from 40 g (a coach writes "150 g", not "147 g"); whole grams below. */
function presentableGrams(grams: number): number {
  if (grams >= 40) return Math.round(grams / 5) * 5;
  return Math.max(1, Math.round(grams));
}

function groupInStableOrder(foods: readonly CatalogueFood[]): Map<FoodGroup, CatalogueFood[]> {
  const byGroup = new Map<FoodGroup, CatalogueFood[]>();
  for (const group of FOOD_GROUPS) {
    byGroup.set(
      group,
      foods
        .filter((food) => food.food_group === group)
        .sort((a, b) => stableHash(a.id) - stableHash(b.id) || (a.id < b.id ? -1 : 1)),
    );
  }
  return byGroup;
}
