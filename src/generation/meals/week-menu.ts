import { weekOfDay } from "@/generation/calendar/plan-calendar";
import type { CatalogueFood } from "@/generation/catalogue/catalogue";
import { energyShares } from "@/generation/nutrition/macros";
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

/** The week (0 for days 1-7) a plan day falls in: plan-calendar's week, counted from 0 for indexing. */
export function weekOf(dayNumber: number): number {
  return weekOfDay(dayNumber) - 1;
}

/**
 * What every week's menu holds first, so each meal pattern can be met from
 * it: foods of these roles that suit these meals, `count` of each for a
 * 30-food week, scaled to the week's size but never under `least` (a lunch and
 * a dinner need two starches and two vegetables of different families).
 */
/** `rich`: the need takes only foods nearly all fat (oils, butter) or with a good share of protein (eggs, cottage cheese). */
type CoverageNeed = { type: MealType; role: PlateRole; count: number; least: number; rich?: "fat" | "protein" };

const COVERAGE: readonly CoverageNeed[] = [
  // Protein-rich ones first (a yoghurt of coconut or soy leaves a breakfast short of its protein),
  // then any (a vegan catalogue has no rich one), and a main protein served at breakfast (tofu).
  { type: "breakfast", role: "protein_side", count: 2, least: 1, rich: "protein" },
  { type: "breakfast", role: "protein_side", count: 2, least: 1 },
  { type: "breakfast", role: "main_protein", count: 1, least: 0, rich: "protein" },
  { type: "breakfast", role: "starch", count: 2, least: 1 },
  { type: "breakfast", role: "fruit", count: 2, least: 1 },
  { type: "breakfast", role: "supplement", count: 1, least: 1 },
  { type: "breakfast", role: "drink", count: 1, least: 0 },
  { type: "lunch", role: "main_protein", count: 3, least: 2 },
  { type: "lunch", role: "protein_side", count: 2, least: 1 },
  // Three: breakfast may take one that suits dinner too (a tortilla), and lunch another family.
  { type: "dinner", role: "starch", count: 4, least: 3 },
  { type: "dinner", role: "vegetable", count: 4, least: 2 },
  { type: "lunch", role: "fat", count: 2, least: 1 },
  // A cooking fat (oil, butter) for the main meals: seeds and nut butters alone, one of each a day
  // and capped per meal, cannot carry a 3,800 kcal day's fat.
  { type: "dinner", role: "fat", count: 2, least: 1, rich: "fat" },
  { type: "snack", role: "protein_side", count: 1, least: 1 },
  { type: "snack", role: "fat", count: 1, least: 1 },
];

/** The coverage a week of `size` foods holds first (candidate selection holds a 30-food week's). */
export function coverage(size: number) {
  return COVERAGE.map((need) => ({ ...need, count: Math.max(need.least, Math.round((need.count * size) / 30)) }));
}

/** How the rest of a week's foods are shared among the roles. */
const ROLE_SHARES: readonly [PlateRole, number][] = [
  ["main_protein", 0.17],
  ["protein_side", 0.17],
  ["starch", 0.2],
  ["vegetable", 0.2],
  ["fruit", 0.13],
  ["fat", 0.1],
  ["drink", 0.03],
  ["supplement", 0.03],
];

/**
 * At most `size` of the candidates for week `week`: first what every meal
 * pattern needs, then each role's share of the menu, each taken from a
 * per-plan order of its candidates that moves on by a week's worth each week
 * (so week 2 brings other foods), then any room left filled from the rest.
 * Deterministic for the same candidates, week and seed.
 */
export function weekMenu(candidates: readonly CatalogueFood[], week: number, size: number, seed = ""): CatalogueFood[] {
  if (candidates.length <= size) return [...candidates];
  const menu: CatalogueFood[] = [];
  // Up to `count` of the pool on the menu, from this week's place in the plan's order of it.
  const take = (pool: readonly CatalogueFood[], count: number) => {
    const ordered = inPlanOrder(pool, seed);
    const start = (week * count) % Math.max(1, ordered.length);
    let have = ordered.filter((food) => menu.includes(food)).length;
    for (let i = 0; i < ordered.length && have < count && menu.length < size; i++) {
      const food = ordered[(start + i) % ordered.length] as CatalogueFood;
      if (menu.includes(food)) continue;
      menu.push(food);
      have += 1;
    }
  };
  for (const need of coverage(size))
    take(
      candidates.filter((food) => meetsNeed(food, need)),
      need.count,
    );
  for (const [role, share] of ROLE_SHARES) {
    take(
      candidates.filter((food) => food.plate_role === role),
      Math.max(1, Math.round(size * share)),
    );
  }
  for (const food of inPlanOrder(candidates, seed)) {
    if (menu.length >= size) break;
    if (!menu.includes(food)) menu.push(food);
  }
  return menu;
}

/**
 * The menu a model's week is held to: for each need of the patterns, the
 * foods the week used most that meet it (or the planned menu's, where it used
 * none), then its other foods by use, then the planned menu, up to `size`. A
 * week within `size` that meets every need keeps every food it chose.
 */
// Size: 5 parameters: the week's days, its foods, which week, its size, and the seed that keeps it stable.
export function weekMenuFromDays(
  days: readonly PlannedDay[],
  candidates: readonly CatalogueFood[],
  week: number,
  size: number,
  seed = "",
): CatalogueFood[] {
  const byId = new Map(candidates.map((food) => [food.id, food]));
  const daysUsing = new Map<string, number>();
  for (const day of days) {
    for (const id of new Set(day.meals.flatMap((meal) => meal.items.map((item) => item.food_id)))) {
      if (byId.has(id)) daysUsing.set(id, (daysUsing.get(id) ?? 0) + 1);
    }
  }
  const used = [...daysUsing.entries()]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .map(([id]) => byId.get(id) as CatalogueFood);
  const planned = weekMenu(candidates, week, size, seed);
  const menu: CatalogueFood[] = [];
  const add = (food: CatalogueFood) => {
    if (menu.length < size && !menu.includes(food)) menu.push(food);
  };
  for (const need of coverage(size)) {
    const fromDays = used.filter((food) => meetsNeed(food, need)).slice(0, need.count);
    const fromMenu = planned.filter((food) => meetsNeed(food, need) && !fromDays.includes(food));
    [...fromDays, ...fromMenu].slice(0, need.count).forEach(add);
  }
  // A lopsided week (a model that served only starches) keeps no more of a role than its share of the
  // menu, so the planned menu still brings what the split needs (the fats of a 3,800 kcal week).
  const perRole = new Map<PlateRole, number>();
  for (const food of menu) perRole.set(food.plate_role, (perRole.get(food.plate_role) ?? 0) + 1);
  for (const food of used) {
    const share = ROLE_SHARES.find(([role]) => role === food.plate_role)?.[1] ?? 0.05;
    const most = Math.max(1, Math.round(size * share));
    if (menu.includes(food) || (perRole.get(food.plate_role) ?? 0) >= most) continue;
    add(food);
    perRole.set(food.plate_role, (perRole.get(food.plate_role) ?? 0) + 1);
  }
  planned.forEach(add);
  used.forEach(add);
  return menu;
}

/** Whether `food` fills a coverage need: its role, at that meal, and rich in what the need asks. */
export function meetsNeed(food: CatalogueFood, need: Pick<CoverageNeed, "type" | "role" | "rich">): boolean {
  if (food.plate_role !== need.role || !suitsMeal(food, need.type)) return false;
  if (need.rich === "fat") return isFatDense(food);
  if (need.rich === "protein") return energyShares(food).protein_pct >= PROTEIN_RICH_PCT;
  return true;
}

/** At least 85 % of the food's energy comes from fat (oils, butter). */
export function isFatDense(food: CatalogueFood): boolean {
  return energyShares(food).fat_pct >= 85;
}

/** A breakfast protein side this rich in protein carries a breakfast's useful protein at a natural portion (whole eggs: 35 %). */
const PROTEIN_RICH_PCT = 30;

function inPlanOrder(foods: readonly CatalogueFood[], seed: string): CatalogueFood[] {
  return [...foods].sort(
    (a, b) => stableHash(`${seed}:${a.id}`) - stableHash(`${seed}:${b.id}`) || (a.id < b.id ? -1 : 1),
  );
}
