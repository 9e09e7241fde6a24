import type { CatalogueFood } from "@/generation/catalogue/catalogue";
import type { MacroSplit } from "@/generation/generation-config";
import { macroTargetGrams } from "@/generation/nutrition/macros";

export type PortionProblem = {
  meals: readonly { energyShare: number; foods: readonly CatalogueFood[] }[];
  calorieTarget: number;
  macroSplit: MacroSplit;
  /** Each food stays within [min, max] x its default portion. */
  portionFactor: { min: number; max: number };
};

// Relative importance of each goal in the least-squares objective. Calories
// dominate (the 3 % rule is hard; the planner also rescales exactly at the
// end), macros come next, then how energy spreads over meals, and a light
// pull toward usual portions keeps plates looking normal.
const WEIGHTS = { calories: 50, macro: 3, mealShare: 1, usualPortion: 0.02 };
const SWEEPS = 400;

/**
 * Grams for every food of a day (same nesting as `meals`), found by
 * box-constrained least squares solved with coordinate descent: each sweep
 * sets one portion at a time to its best value given the others, clipped to
 * the portion bounds. Small (≤ ~25 variables), deterministic, converges fast.
 */
export function solvePortions(problem: PortionProblem): number[][] {
  const items = problem.meals.flatMap((meal, mealIndex) => meal.foods.map((food) => ({ food, mealIndex })));
  const n = items.length;
  if (n === 0) return problem.meals.map(() => []);

  const target = problem.calorieTarget;
  const macroGrams = macroTargetGrams(target, problem.macroSplit);

  const rows: { coef: number[]; goal: number; weight: number }[] = [];
  const addRow = (coef: number[], goal: number, weight: number) => {
    if (goal > 0) rows.push({ coef, goal, weight: weight / (goal * goal) });
  };
  addRow(
    items.map(({ food }) => food.kcal_per_100g / 100),
    target,
    WEIGHTS.calories,
  );
  addRow(
    items.map(({ food }) => food.protein_per_100g / 100),
    macroGrams.protein,
    WEIGHTS.macro,
  );
  addRow(
    items.map(({ food }) => food.carbs_per_100g / 100),
    macroGrams.carbs,
    WEIGHTS.macro,
  );
  addRow(
    items.map(({ food }) => food.fat_per_100g / 100),
    macroGrams.fat,
    WEIGHTS.macro,
  );
  problem.meals.forEach((meal, mealIndex) => {
    const coef = items.map(({ food, mealIndex: m }) => (m === mealIndex ? food.kcal_per_100g / 100 : 0));
    // Goal in kcal, but weighted against the day's target so a small snack is not over-fitted.
    if (meal.energyShare > 0)
      rows.push({ coef, goal: meal.energyShare * target, weight: WEIGHTS.mealShare / (target * target) });
  });
  items.forEach(({ food }, index) => {
    const coef = items.map((_, i) => (i === index ? 1 : 0));
    addRow(coef, food.default_portion_g, WEIGHTS.usualPortion);
  });

  const lower = items.map(({ food }) => food.default_portion_g * problem.portionFactor.min);
  const upper = items.map(({ food }) => food.default_portion_g * problem.portionFactor.max);

  // Start from usual portions scaled toward the calorie target.
  const usualKcal = items.reduce((sum, { food }) => sum + (food.kcal_per_100g * food.default_portion_g) / 100, 0);
  const start = usualKcal > 0 ? target / usualKcal : 1;
  const x = items.map(({ food }, i) => clamp(food.default_portion_g * start, lower[i] ?? 0, upper[i] ?? 0));
  const residual = rows.map((row) => row.coef.reduce((sum, c, i) => sum + c * (x[i] ?? 0), 0) - row.goal);

  for (let sweep = 0; sweep < SWEEPS; sweep++) {
    for (let j = 0; j < n; j++) {
      let gradient = 0;
      let curvature = 0;
      rows.forEach((row, r) => {
        const c = row.coef[j] ?? 0;
        if (c === 0) return;
        gradient += row.weight * c * (residual[r] ?? 0);
        curvature += row.weight * c * c;
      });
      if (curvature <= 0) continue;
      const current = x[j] ?? 0;
      const next = clamp(current - gradient / curvature, lower[j] ?? 0, upper[j] ?? 0);
      const delta = next - current;
      if (delta === 0) continue;
      x[j] = next;
      rows.forEach((row, r) => {
        residual[r] = (residual[r] ?? 0) + (row.coef[j] ?? 0) * delta;
      });
    }
  }

  const grams = problem.meals.map(() => [] as number[]);
  items.forEach(({ mealIndex }, i) => {
    grams[mealIndex]?.push(x[i] ?? 0);
  });
  return grams;
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}
