import type { CatalogueFood } from "@/generation/catalogue/catalogue";
import { familyKey } from "@/generation/catalogue/catalogue";
import { restrictionViolations } from "@/generation/catalogue/food-restrictions";
import { type MealSlot, mealSlotsFor } from "@/generation/catalogue/meal-slots";
import type { PlanSpec } from "@/generation/intake/plan-spec";
import { judgeDay, type MealRule, shortFoodName } from "@/generation/meals/meal-patterns";
import { mealTypeOf } from "@/generation/meals/plate";
import { portionScale, usualPortionGrams } from "@/generation/meals/usual-portion";
import { dayTotals } from "@/generation/nutrition/day-totals";
import { worstMacroPoints } from "@/generation/nutrition/macros";
import { dayFoodsKey, type PlannedDay, type PlannedMeal } from "@/generation/nutrition/planned-day";

/**
 * How a saved plan reads to a coach, measured the same way by the planner
 * evaluation (scripts/eval-planner.ts) and by the tests that pin each rule:
 * calories and macros per day; how natural the portions are against each
 * food's usual portion scaled to the day (usual-portion.ts); every meal
 * judged by its pattern (meal-patterns.ts judgeDay, the rules the planner
 * itself is held to), with the worst meals kept as text a person reads;
 * diet / allergy / dislike violations against the WHOLE catalogue (not the
 * candidate list); distinct foods per week against the plan's bound;
 * identical days; with leftovers, each dinner served again as the next
 * day's lunch; links or markup in the saved dish text; and how many foods
 * the balance step changed per day.
 */

/** What the measure needs of the plan's spec. */
export type QualitySpec = Pick<
  PlanSpec,
  | "calorieTarget"
  | "macroSplit"
  | "mealsPerDay"
  | "foodsPerWeek"
  | "leftovers"
  | "diet"
  | "allergies"
  | "dislikedFoodIds"
>;

/** Which planner wrote the plan: the offline planner is held to every meal; a careless model's repair to 97 %. */
export type PlannerKind = "offline" | "careless";

/** The rules a plan a coach would send as-is meets (issue 26's targets). */
export const QUALITY_RULES = {
  maxKcalErrorPct: 1,
  maxMacroPoints: 4,
  /** Multiples of the usual portion scaled to the day (portionScale). */
  naturalPortion: { min: 0.5, max: 2 },
  minNaturalShare: 0.95,
  hardPortion: { min: 0.25, max: 3 },
  minMealsMeetingPattern: { offline: 1, careless: 0.97 },
  minDistinctPer7Days: 10,
  maxMeanChangesWhenAlreadyMet: 1,
} as const;

/** How many of the worst meals a measure keeps as text. */
export const WORST_MEALS_KEPT = 10;

/** A meal that breaks its pattern, as a coach reads it. */
export type MealReport = { day: number; meal: string; rules: MealRule[]; text: string };

export type DayQuality = {
  day: number;
  kcalErrorPct: number;
  worstMacroPoints: number;
  items: number;
  naturalItems: number;
  /** Items under 0.25x or over 3x their usual portion. */
  outsideHardItems: number;
  meals: number;
  mealsMeetingPattern: number;
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
  meals: number;
  mealsMeetingPattern: number;
  /** Meals meeting their pattern over all meals (1 for a plan with none). */
  mealPatternShare: number;
  /** How many meals break each rule. */
  brokenRules: Partial<Record<MealRule, number>>;
  /** The meals breaking the most rules, worst first, at most WORST_MEALS_KEPT. */
  worstMeals: MealReport[];
  restrictionViolations: number;
  dislikeViolations: number;
  meanChangedFoods: number;
  /** Fewest distinct foods in any full 7-day week (the whole plan when shorter). */
  minDistinctPer7Days: number;
  /** Most distinct foods in any week (days 1-7, 8-14, ...; a last short week counts too). */
  maxDistinctPerWeek: number;
  /** The plan's bound on distinct foods per week (spec.foodsPerWeek). */
  foodsPerWeek: number;
  /** Days serving the same foods at the same meals as an earlier day of their week. */
  identicalDays: number;
  /** Identical days are allowed: the plan asked for leftovers. */
  leftovers: boolean;
  /** With leftovers: days after the first whose lunch is not the day before's dinner (same foods, same grams). */
  leftoverLunchesMissed: number;
  /** Saved titles or preparation lines holding a link or markup. */
  unsafeTexts: number;
  /** Every day before balance was already within the macro tolerance, every meal on its pattern: nothing to repair. */
  metBeforeBalance: boolean;
};

export function measurePlan(
  saved: readonly PlannedDay[],
  beforeBalance: readonly PlannedDay[] | undefined,
  spec: QualitySpec,
  catalogue: readonly CatalogueFood[],
): PlanQuality {
  const foods = new Map(catalogue.map((food) => [food.id, food]));
  // A disliked food counts through its family (its own included), as planRestrictions excludes it.
  const dislikedFamilies = new Set(
    spec.dislikedFoodIds.flatMap((id) => {
      const food = foods.get(id);
      return food ? [familyKey(food)] : [];
    }),
  );
  const scale = portionScale(spec.calorieTarget, spec.mealsPerDay);
  const slots = mealSlotsFor(spec.mealsPerDay);
  const targets = { calorieTarget: spec.calorieTarget, macroSplit: spec.macroSplit };
  const before = new Map((beforeBalance ?? []).map((day) => [day.day, day]));
  const brokenRules: Partial<Record<MealRule, number>> = {};
  const broken: MealReport[] = [];
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
      const usual = usualPortionGrams(food, scale);
      const ratio = item.grams / usual;
      if (ratio >= QUALITY_RULES.naturalPortion.min - 1e-9 && ratio <= QUALITY_RULES.naturalPortion.max + 1e-9)
        naturalItems += 1;
      // Whole-gram rounding may land a hair past a bound: allow half a gram.
      const half = 0.5 / usual;
      if (ratio < QUALITY_RULES.hardPortion.min - half || ratio > QUALITY_RULES.hardPortion.max + half)
        outsideHardItems += 1;
      if (restrictionViolations(food, { diet: spec.diet, allergies: spec.allergies }).length > 0) restrictionCount += 1;
      if (dislikedFamilies.has(familyKey(food))) dislikeCount += 1;
    }
    const judged = judgeDay(day, foods, targets, sharesOf(day, slots));
    judged.forEach((rules, m) => {
      const meal = day.meals[m];
      if (rules.length === 0 || !meal) return;
      for (const rule of new Set(rules.map(({ rule }) => rule))) brokenRules[rule] = (brokenRules[rule] ?? 0) + 1;
      broken.push({
        day: day.day,
        meal: meal.name,
        rules: rules.map(({ rule }) => rule),
        text: `${mealText(day.day, meal, foods)} — breaks: ${rules.map(({ text }) => text).join("; ")}`,
      });
    });
    const earlier = before.get(day.day);
    return {
      day: day.day,
      kcalErrorPct: Math.abs(dayTotals(day).kcal / spec.calorieTarget - 1) * 100,
      worstMacroPoints: worstMacroPoints(dayTotals(day), spec.macroSplit),
      items: items.length,
      naturalItems,
      outsideHardItems,
      meals: day.meals.length,
      mealsMeetingPattern: judged.filter((rules) => rules.length === 0).length,
      restrictionViolations: restrictionCount,
      dislikeViolations: dislikeCount,
      changedFoods: earlier ? changedFoods(earlier, day) : null,
    };
  });
  const sum = (pick: (day: DayQuality) => number) => days.reduce((total, day) => total + pick(day), 0);
  const items = sum((day) => day.items);
  const meals = sum((day) => day.meals);
  const meeting = sum((day) => day.mealsMeetingPattern);
  const compared = days.filter((day) => day.changedFoods !== null);
  const weeks = weeksOf(saved);
  return {
    days,
    meanKcalErrorPct: sum((day) => day.kcalErrorPct) / Math.max(1, days.length),
    worstKcalErrorPct: Math.max(0, ...days.map((day) => day.kcalErrorPct)),
    worstMacroPoints: Math.max(0, ...days.map((day) => day.worstMacroPoints)),
    naturalShare: items > 0 ? sum((day) => day.naturalItems) / items : 1,
    outsideHardItems: sum((day) => day.outsideHardItems),
    meals,
    mealsMeetingPattern: meeting,
    mealPatternShare: meals > 0 ? meeting / meals : 1,
    brokenRules,
    // Most rules broken first; ties in plan order (the sort is stable).
    worstMeals: broken.sort((a, b) => b.rules.length - a.rules.length).slice(0, WORST_MEALS_KEPT),
    restrictionViolations: sum((day) => day.restrictionViolations),
    dislikeViolations: sum((day) => day.dislikeViolations),
    meanChangedFoods:
      compared.length > 0 ? compared.reduce((total, day) => total + (day.changedFoods ?? 0), 0) / compared.length : 0,
    minDistinctPer7Days: minDistinctPerWeek(weeks),
    maxDistinctPerWeek: Math.max(0, ...weeks.map((week) => new Set(week.flatMap(foodIdsOf)).size)),
    foodsPerWeek: spec.foodsPerWeek,
    identicalDays: weeks.reduce((total, week) => total + identicalDays(week), 0),
    leftovers: spec.leftovers,
    leftoverLunchesMissed: spec.leftovers ? leftoverLunchesMissed(saved) : 0,
    unsafeTexts: saved.flatMap((day) => day.meals).filter(unsafeText).length,
    // Already met: on the split and every pattern, no day twice in a week, and (when asked) every lunch
    // yesterday's dinner; otherwise balance has foods to change.
    metBeforeBalance:
      beforeBalance !== undefined &&
      (spec.leftovers
        ? leftoverLunchesMissed(beforeBalance) === 0
        : weeksOf(beforeBalance).every((week) => identicalDays(week) === 0)) &&
      beforeBalance?.every(
        (day) =>
          worstMacroPoints(dayTotals(day), spec.macroSplit) <= QUALITY_RULES.maxMacroPoints &&
          judgeDay(day, foods, targets, sharesOf(day, slots)).every((rules) => rules.length === 0),
      ) === true,
  };
}

/** Which of the targets a measured plan misses (empty when it meets them all), each named with its figure. */
export function qualityFailures(quality: PlanQuality, planner: PlannerKind): string[] {
  const rules = QUALITY_RULES;
  const failures: string[] = [];
  if (!(quality.worstKcalErrorPct <= rules.maxKcalErrorPct))
    failures.push(`a day ${quality.worstKcalErrorPct.toFixed(2)} % off its calories`);
  if (!(quality.worstMacroPoints <= rules.maxMacroPoints))
    failures.push(`a day ${quality.worstMacroPoints.toFixed(1)} points off the split`);
  if (quality.restrictionViolations > 0) failures.push(`${quality.restrictionViolations} diet/allergy violations`);
  if (quality.dislikeViolations > 0) failures.push(`${quality.dislikeViolations} disliked foods`);
  if (!(quality.naturalShare >= rules.minNaturalShare))
    failures.push(`${(quality.naturalShare * 100).toFixed(1)} % of items within 0.5x-2x of the usual portion`);
  if (quality.outsideHardItems > 0) failures.push(`${quality.outsideHardItems} items under 0.25x or over 3x`);
  const minPattern = rules.minMealsMeetingPattern[planner];
  if (!(quality.mealPatternShare >= minPattern))
    failures.push(
      `${(quality.mealPatternShare * 100).toFixed(1)} % of meals meet their pattern (${brokenRulesText(quality)})`,
    );
  if (quality.days.length >= 7 && quality.minDistinctPer7Days < rules.minDistinctPer7Days)
    failures.push(`${quality.minDistinctPer7Days} distinct foods in a 7-day week`);
  if (quality.maxDistinctPerWeek > quality.foodsPerWeek)
    failures.push(`${quality.maxDistinctPerWeek} distinct foods in a week (at most ${quality.foodsPerWeek})`);
  if (!quality.leftovers && quality.identicalDays > 0)
    failures.push(`${quality.identicalDays} days identical to an earlier day of their week`);
  if (quality.leftoverLunchesMissed > 0)
    failures.push(
      `${quality.leftoverLunchesMissed} lunches are not the day before's dinner, though leftovers were asked`,
    );
  if (quality.unsafeTexts > 0) failures.push(`${quality.unsafeTexts} meal texts with a link or markup`);
  if (quality.metBeforeBalance && quality.meanChangedFoods > rules.maxMeanChangesWhenAlreadyMet)
    failures.push(`${quality.meanChangedFoods.toFixed(2)} foods changed per day on a plan already on its macros`);
  return failures;
}

/** Broken rules by count, most first ("vegetable 4, suits-meal 2"). */
export function brokenRulesText(quality: Pick<PlanQuality, "brokenRules">): string {
  return Object.entries(quality.brokenRules)
    .sort((a, b) => (b[1] ?? 0) - (a[1] ?? 0))
    .map(([rule, count]) => `${rule} ${count}`)
    .join(", ");
}

/** "Day 3 Lunch: Chicken breast 180 g, Rice 200 g" (a food missing from the catalogue by its id). */
export function mealText(day: number, meal: PlannedMeal, foods: ReadonlyMap<string, CatalogueFood>): string {
  const items = meal.items.map((item) => {
    const food = foods.get(item.food_id);
    return `${food ? shortFoodName(food) : item.food_id} ${Math.round(item.grams)} g`;
  });
  return `Day ${day} ${meal.name}: ${items.join(", ")}`;
}

/**
 * A link, an address or markup in a saved title or preparation. Written here
 * on its own, not taken from dish-titles.ts: the measure checks the
 * sanitiser's work, so it must not share its pattern.
 */
const UNSAFE_TEXT = /https?:|www\.|:\/\/|<|>|\b[a-z0-9-]+\.(?:com|org|net|io)\b/i;

function unsafeText(meal: PlannedMeal): boolean {
  return [meal.title, meal.preparation].some(
    (text) => text !== undefined && (typeof text !== "string" || UNSAFE_TEXT.test(text)),
  );
}

/** Each meal's planned share of the day's energy, by its slot's name (a saved day may have dropped an empty meal). */
function sharesOf(day: PlannedDay, slots: readonly MealSlot[]): number[] {
  return day.meals.map(
    (meal, m) => slots.find((slot) => slot.name === meal.name)?.energyShare ?? slots[m]?.energyShare ?? 1,
  );
}

/** Foods in one day and not the other, counted both ways (an exchange counts as two). */
function changedFoods(before: PlannedDay, after: PlannedDay): number {
  const ids = (day: PlannedDay) => new Set(day.meals.flatMap((meal) => meal.items.map((item) => item.food_id)));
  const a = ids(before);
  const b = ids(after);
  return [...a].filter((id) => !b.has(id)).length + [...b].filter((id) => !a.has(id)).length;
}

/** The plan's weeks: days 1-7, 8-14, ... by day number (a last short week included). */
function weeksOf(days: readonly PlannedDay[]): PlannedDay[][] {
  const weeks = new Map<number, PlannedDay[]>();
  for (const day of [...days].sort((a, b) => a.day - b.day)) {
    const week = Math.floor((day.day - 1) / 7);
    weeks.set(week, [...(weeks.get(week) ?? []), day]);
  }
  return [...weeks.values()];
}

/** Fewest distinct foods in a full week; the whole plan's when it has no full week. */
function minDistinctPerWeek(weeks: readonly PlannedDay[][]): number {
  const full = weeks.filter((week) => week.length === 7);
  if (full.length === 0) return new Set(weeks.flat().flatMap(foodIdsOf)).size;
  return Math.min(...full.map((week) => new Set(week.flatMap(foodIdsOf)).size));
}

/** Days whose meals hold the same foods as an earlier day's of the week (grams aside: a coach sees the same day). */
function identicalDays(week: readonly PlannedDay[]): number {
  const seen = new Set<string>();
  let count = 0;
  for (const day of week) {
    const key = dayFoodsKey(day);
    if (seen.has(key)) count += 1;
    seen.add(key);
  }
  return count;
}

/** Days (after the plan's first) whose lunch does not hold the day before's dinner: its foods at its grams. */
function leftoverLunchesMissed(days: readonly PlannedDay[]): number {
  const byNumber = new Map(days.map((day) => [day.day, day]));
  const plate = (meal: PlannedMeal | undefined) =>
    (meal?.items ?? [])
      .map((item) => `${item.food_id}:${Math.round(item.grams)}`)
      .sort()
      .join(",");
  const mealOf = (day: PlannedDay | undefined, type: "lunch" | "dinner") =>
    day?.meals.find((meal) => mealTypeOf(meal.name) === type);
  return days.filter((day) => {
    const dinner = mealOf(byNumber.get(day.day - 1), "dinner");
    return dinner !== undefined && plate(mealOf(day, "lunch")) !== plate(dinner);
  }).length;
}

function foodIdsOf(day: PlannedDay): string[] {
  return day.meals.flatMap((meal) => meal.items.map((item) => item.food_id));
}
