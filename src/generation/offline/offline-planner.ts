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
import { solvePortions } from "./solve-portions";

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
 * macro split within 0.5x-2.5x usual portions, then scaled exactly to the
 * target and rounded to presentable grams (5 g steps from 40 g up).
 * Diet and allergies are enforced again here, whatever the brief's list holds.
 */
export function planOffline(brief: PassBrief, config: GenerationConfig = DEFAULT_GENERATION_CONFIG): string {
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
      const grams = solvePortions({
        meals: meals.map((meal) => ({ energyShare: meal.slot.energyShare, foods: meal.foods })),
        calorieTarget: target,
        macroSplit: brief.macroSplit,
        portionFactor: config.portionFactor,
      });
      const portions = meals.flatMap((meal, m) => meal.foods.map((food, f) => ({ food, grams: grams[m]?.[f] ?? 0 })));
      const kcal = portions.reduce((sum, p) => sum + (p.food.kcal_per_100g * p.grams) / 100, 0);
      // The solver trades calories against macros; calories are the hard rule, so land them exactly.
      const exact = kcal > 0 ? target / kcal : 1;
      const rounded = roundPortionsToTarget(
        portions.map((p) => ({ food: p.food, grams: p.grams * exact })),
        target,
        { roundGrams: presentableGrams, maxRelativeError: 0.005, maxGrams: config.maxItemGrams },
      );
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
