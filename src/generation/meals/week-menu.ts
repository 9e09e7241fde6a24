import type { CatalogueFood } from "@/generation/catalogue/catalogue";
import type { PlannedDay } from "@/generation/nutrition/planned-day";
import { stableHash } from "@/generation/shared/stable-hash";
import { type MealType, type PlateRole, suitsMeal } from "./plate";

/**
 * A week a person can shop for: each 7-day week of a plan uses at most the
 * plan's number of distinct foods (foods_per_week, about 30 by default), and
 * a long plan's weeks rotate through different foods instead of repeating
 * the same 55. The offline planner plans each week from its menu; the
 * balance step holds any model's week to one (weekMenuFromDays).
 */

export const DAYS_PER_WEEK = 7;

/** The week (0 for days 1-7) a plan day falls in. */
export function weekOf(dayNumber: number): number {
  return Math.floor((dayNumber - 1) / DAYS_PER_WEEK);
}

/**
 * What every week's menu holds first, so each meal pattern can be met from
 * it: foods of these roles that suit these meals (how many of each).
 */
const COVERAGE: readonly { type: MealType; role: PlateRole; count: number }[] = [
  { type: "breakfast", role: "protein_side", count: 2 },
  { type: "breakfast", role: "starch", count: 2 },
  { type: "breakfast", role: "fruit", count: 2 },
  { type: "breakfast", role: "supplement", count: 1 },
  { type: "breakfast", role: "drink", count: 1 },
  { type: "lunch", role: "main_protein", count: 3 },
  { type: "lunch", role: "protein_side", count: 2 },
  { type: "lunch", role: "starch", count: 3 },
  { type: "lunch", role: "vegetable", count: 4 },
  { type: "lunch", role: "fat", count: 1 },
  { type: "snack", role: "protein_side", count: 1 },
  { type: "snack", role: "fat", count: 1 },
];

/** How the rest of a week's foods are shared among the roles. */
const ROLE_SHARES: readonly [PlateRole, number][] = [
  ["main_protein", 0.17],
  ["protein_side", 0.17],
  ["starch", 0.2],
  ["vegetable", 0.2],
  ["fruit", 0.13],
  ["fat", 0.07],
  ["drink", 0.03],
  ["supplement", 0.03],
];

/**
 * At most `size` of the candidates for week `week`: each role's share of the
 * menu, taken from a per-plan order of its candidates that moves on by a
 * week's worth each week (so week 2 brings other foods), then any room left
 * filled from the rest. Deterministic for the same candidates, week and seed.
 */
export function weekMenu(candidates: readonly CatalogueFood[], week: number, size: number, seed = ""): CatalogueFood[] {
  if (candidates.length <= size) return [...candidates];
  const chosen: CatalogueFood[] = [];
  const take = (pool: readonly CatalogueFood[], count: number) => {
    const ordered = [...pool].sort(
      (a, b) => stableHash(`${seed}:${a.id}`) - stableHash(`${seed}:${b.id}`) || (a.id < b.id ? -1 : 1),
    );
    const wanted = Math.min(ordered.length, count);
    const start = (week * wanted) % Math.max(1, ordered.length);
    for (let i = 0; i < wanted; i++) chosen.push(ordered[(start + i) % ordered.length] as CatalogueFood);
  };
  for (const need of COVERAGE) {
    take(
      candidates.filter((food) => food.plate_role === need.role && suitsMeal(food, need.type)),
      need.count,
    );
  }
  for (const [role, share] of ROLE_SHARES) {
    take(
      candidates.filter((food) => food.plate_role === role),
      Math.max(1, Math.round(size * share)),
    );
  }
  const menu = [...new Set(chosen)].slice(0, size);
  for (const food of candidates) {
    if (menu.length >= size) break;
    if (!menu.includes(food)) menu.push(food);
  }
  return menu;
}

/**
 * The menu a model's week is held to: the foods its days use most (by the
 * number of days each appears on), leaving room for `reserve` foods a meal
 * pattern may need, then filled to `size` from the week's planned menu. A week
 * already within `size - reserve` keeps every food it chose.
 */
export function weekMenuFromDays(
  days: readonly PlannedDay[],
  candidates: readonly CatalogueFood[],
  week: number,
  size: number,
  options: { reserve: number; seed?: string },
): CatalogueFood[] {
  const byId = new Map(candidates.map((food) => [food.id, food]));
  const daysUsing = new Map<string, number>();
  for (const day of days) {
    for (const id of new Set(day.meals.flatMap((meal) => meal.items.map((item) => item.food_id)))) {
      daysUsing.set(id, (daysUsing.get(id) ?? 0) + 1);
    }
  }
  const used = [...daysUsing.entries()]
    .filter(([id]) => byId.has(id))
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, Math.max(0, size - options.reserve))
    .map(([id]) => byId.get(id) as CatalogueFood);
  const menu = [...used];
  for (const food of weekMenu(candidates, week, size, options.seed)) {
    if (menu.length >= size) break;
    if (!menu.includes(food)) menu.push(food);
  }
  return menu;
}
