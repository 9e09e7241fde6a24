import type { Allergen, Diet } from "@/generation/catalogue/catalogue";
import { type CatalogueFood, familyKey } from "@/generation/catalogue/catalogue";
import { restrictionViolations } from "@/generation/catalogue/food-restrictions";
import { isMainMealName, isProteinFood } from "@/generation/catalogue/meal-slots";
import type { MacroSplit } from "@/generation/generation-config";
import { dayTotals } from "@/generation/nutrition/day-totals";
import { worstMacroPoints } from "@/generation/nutrition/macros";
import type { PlannedDay } from "@/generation/nutrition/planned-day";

/**
 * How a saved plan reads to a coach, measured the same way by the planner
 * evaluation (scripts/eval-planner.ts) and by the tests that pin each rule:
 * calories and macros per day, how natural the portions are against each
 * food's usual portion, protein at the main meals, diet / allergy / dislike
 * violations against the WHOLE catalogue (not the candidate list), variety,
 * and how many foods the balance step changed per day.
 */

export type QualityTargets = { calorieTarget: number; macroSplit: MacroSplit };
export type QualityRestrictions = {
  diet: readonly Diet[];
  allergies: readonly Allergen[];
  /** Food ids the client dislikes; their families are excluded too. */
  dislikedFoodIds: readonly string[];
};

/** The rules a plan a coach would send as-is meets (issue 18's targets). */
export const QUALITY_RULES = {
  maxKcalErrorPct: 3,
  maxMacroPoints: 5,
  naturalPortion: { min: 0.5, max: 2 },
  minNaturalShare: 0.9,
  hardPortion: { min: 0.25, max: 3 },
  minMainMealsWithProtein: 0.95,
  minDistinctPer7Days: 10,
  maxMeanChangesWhenAlreadyMet: 1,
} as const;

export type DayQuality = {
  day: number;
  kcalErrorPct: number;
  worstMacroPoints: number;
  items: number;
  naturalItems: number;
  /** Items under 0.25x or over 3x their usual portion. */
  outsideHardItems: number;
  mainMeals: number;
  mainMealsWithoutProtein: number;
  restrictionViolations: number;
  dislikeViolations: number;
  /** Foods added plus foods removed against the day before balance (null when there is none to compare). */
  changedFoods: number | null;
};

export type PlanQuality = {
  days: DayQuality[];
  meanKcalErrorPct: number;
  worstKcalErrorPct: number;
  worstMacroPoints: number;
  naturalShare: number;
  outsideHardItems: number;
  mainMealsWithProteinShare: number;
  restrictionViolations: number;
  dislikeViolations: number;
  meanChangedFoods: number;
  /** Fewest distinct foods in any full 7-day block (the whole plan when shorter). */
  minDistinctPer7Days: number;
  /** Every day before balance was already within the macro tolerance. */
  metBeforeBalance: boolean;
};

export function measurePlan(
  saved: readonly PlannedDay[],
  beforeBalance: readonly PlannedDay[] | undefined,
  targets: QualityTargets,
  restrictions: QualityRestrictions,
  catalogue: readonly CatalogueFood[],
): PlanQuality {
  const foods = new Map(catalogue.map((food) => [food.id, food]));
  // A disliked food counts through its family (its own included), as planRestrictions excludes it.
  const dislikedFamilies = new Set(
    restrictions.dislikedFoodIds.flatMap((id) => {
      const food = foods.get(id);
      return food ? [familyKey(food)] : [];
    }),
  );
  const before = new Map((beforeBalance ?? []).map((day) => [day.day, day]));
  const days = saved.map((day): DayQuality => {
    const items = day.meals.flatMap((meal) => meal.items);
    let naturalItems = 0;
    let outsideHardItems = 0;
    let restrictionCount = 0;
    let dislikeCount = 0;
    for (const item of items) {
      const food = foods.get(item.food_id);
      if (!food) {
        restrictionCount += 1;
        continue;
      }
      const ratio = item.grams / food.default_portion_g;
      if (ratio >= QUALITY_RULES.naturalPortion.min - 1e-9 && ratio <= QUALITY_RULES.naturalPortion.max + 1e-9)
        naturalItems += 1;
      // Whole-gram rounding may land a hair past a bound: allow half a gram.
      const half = 0.5 / food.default_portion_g;
      if (ratio < QUALITY_RULES.hardPortion.min - half || ratio > QUALITY_RULES.hardPortion.max + half)
        outsideHardItems += 1;
      if (restrictionViolations(food, { diet: restrictions.diet, allergies: restrictions.allergies }).length > 0)
        restrictionCount += 1;
      if (dislikedFamilies.has(familyKey(food))) dislikeCount += 1;
    }
    // Breakfast, lunch and dinner need a protein food; snacks need not (the rule balance applies, by the same names).
    const mains = day.meals.filter((meal) => isMainMealName(meal.name));
    const withoutProtein = mains.filter(
      (meal) =>
        !meal.items.some((item) => {
          const food = foods.get(item.food_id);
          return food !== undefined && isProteinFood(food);
        }),
    );
    const earlier = before.get(day.day);
    return {
      day: day.day,
      kcalErrorPct: Math.abs(dayTotals(day).kcal / targets.calorieTarget - 1) * 100,
      worstMacroPoints: worstMacroPoints(dayTotals(day), targets.macroSplit),
      items: items.length,
      naturalItems,
      outsideHardItems,
      mainMeals: mains.length,
      mainMealsWithoutProtein: withoutProtein.length,
      restrictionViolations: restrictionCount,
      dislikeViolations: dislikeCount,
      changedFoods: earlier ? changedFoods(earlier, day) : null,
    };
  });
  const sum = (pick: (day: DayQuality) => number) => days.reduce((total, day) => total + pick(day), 0);
  const items = sum((day) => day.items);
  const mains = sum((day) => day.mainMeals);
  const compared = days.filter((day) => day.changedFoods !== null);
  return {
    days,
    meanKcalErrorPct: sum((day) => day.kcalErrorPct) / Math.max(1, days.length),
    worstKcalErrorPct: Math.max(0, ...days.map((day) => day.kcalErrorPct)),
    worstMacroPoints: Math.max(0, ...days.map((day) => day.worstMacroPoints)),
    naturalShare: items > 0 ? sum((day) => day.naturalItems) / items : 1,
    outsideHardItems: sum((day) => day.outsideHardItems),
    mainMealsWithProteinShare: mains > 0 ? 1 - sum((day) => day.mainMealsWithoutProtein) / mains : 1,
    restrictionViolations: sum((day) => day.restrictionViolations),
    dislikeViolations: sum((day) => day.dislikeViolations),
    meanChangedFoods:
      compared.length > 0 ? compared.reduce((total, day) => total + (day.changedFoods ?? 0), 0) / compared.length : 0,
    minDistinctPer7Days: minDistinctPerWeek(saved),
    metBeforeBalance:
      beforeBalance?.every(
        (day) => worstMacroPoints(dayTotals(day), targets.macroSplit) <= QUALITY_RULES.maxMacroPoints,
      ) === true,
  };
}

/** Which of the targets a measured plan misses (empty when it meets them all). */
export function qualityFailures(quality: PlanQuality): string[] {
  const rules = QUALITY_RULES;
  const failures: string[] = [];
  if (!(quality.worstKcalErrorPct <= rules.maxKcalErrorPct))
    failures.push(`a day ${quality.worstKcalErrorPct.toFixed(2)} % off its calories`);
  if (!(quality.worstMacroPoints <= rules.maxMacroPoints))
    failures.push(`a day ${quality.worstMacroPoints.toFixed(1)} points off the split`);
  if (quality.restrictionViolations > 0) failures.push(`${quality.restrictionViolations} diet/allergy violations`);
  if (quality.dislikeViolations > 0) failures.push(`${quality.dislikeViolations} disliked foods`);
  if (!(quality.naturalShare >= rules.minNaturalShare))
    failures.push(`${(quality.naturalShare * 100).toFixed(1)} % of items within 0.5x-2x`);
  if (quality.outsideHardItems > 0) failures.push(`${quality.outsideHardItems} items under 0.25x or over 3x`);
  if (!(quality.mainMealsWithProteinShare >= rules.minMainMealsWithProtein))
    failures.push(`${(quality.mainMealsWithProteinShare * 100).toFixed(1)} % of main meals with a protein food`);
  if (quality.days.length >= 7 && quality.minDistinctPer7Days < rules.minDistinctPer7Days)
    failures.push(`${quality.minDistinctPer7Days} distinct foods in a 7-day block`);
  if (quality.metBeforeBalance && quality.meanChangedFoods > rules.maxMeanChangesWhenAlreadyMet)
    failures.push(`${quality.meanChangedFoods.toFixed(2)} foods changed per day on a plan already on its macros`);
  return failures;
}

/** Foods in one day and not the other, counted both ways (an exchange counts as two). */
function changedFoods(before: PlannedDay, after: PlannedDay): number {
  const ids = (day: PlannedDay) => new Set(day.meals.flatMap((meal) => meal.items.map((item) => item.food_id)));
  const a = ids(before);
  const b = ids(after);
  return [...a].filter((id) => !b.has(id)).length + [...b].filter((id) => !a.has(id)).length;
}

function minDistinctPerWeek(days: readonly PlannedDay[]): number {
  const ordered = [...days].sort((a, b) => a.day - b.day);
  const counts: number[] = [];
  for (let start = 0; start + 7 <= ordered.length; start += 7) {
    counts.push(new Set(ordered.slice(start, start + 7).flatMap(foodIdsOf)).size);
  }
  if (counts.length === 0) return new Set(ordered.flatMap(foodIdsOf)).size;
  return Math.min(...counts);
}

function foodIdsOf(day: PlannedDay): string[] {
  return day.meals.flatMap((meal) => meal.items.map((item) => item.food_id));
}
