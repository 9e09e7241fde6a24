import { type CatalogueFood, familyKey, uniqueFoods } from "@/generation/catalogue/catalogue";
import { fitsRestrictions } from "@/generation/catalogue/food-restrictions";
import { mealTypeOf, type PlateRole, suitsMeal } from "@/generation/meals/plate";
import { weekMenuFromDays, weekOf } from "@/generation/meals/week-menu";
import { dayFoodsKey, type PlannedDay, type PlannedItem } from "@/generation/nutrition/planned-day";
import { balanceDayWith } from "./balance-day";
import type { BalancedDay, BalanceOptions, BalanceTargets } from "./balance-types";
import { fixedItemKey } from "./fixed-items";
import { loadLinearProgramSolver } from "./linear-program";

/** What the whole plan's balance adds to a day's: the week bound and leftovers (PlanSpec). */
export type PlanBalanceOptions = BalanceOptions & {
  /** Most distinct foods a week may use; without it (or without candidates) weeks are not bounded. */
  foodsPerWeek?: number;
  /** Each day's lunch is the day before's dinner, as it was saved. */
  leftovers?: boolean;
  /**
   * The menu of each week when it is planned ahead (the offline planner's, the same for every chunk of a
   * plan); without it a week's menu is drawn from the foods its days use (weekMenuFromDays).
   */
  menuOfWeek?: (week: number) => CatalogueFood[];
};

/**
 * balanceDay for every day of a plan (the `balance` step), solver loaded
 * once. Each week is held to a menu of at most `foodsPerWeek` foods
 * (week-menu.ts: the foods its days use most, then what the patterns need),
 * and with `leftovers` each lunch is the day before's dinner, kept as it is
 * while the rest of the day is solved around it.
 */
export async function balanceDays(
  days: readonly PlannedDay[],
  foods: ReadonlyMap<string, CatalogueFood>,
  targets: BalanceTargets,
  options: PlanBalanceOptions = {},
): Promise<BalancedDay[]> {
  const solver = options.solver ?? (await loadLinearProgramSolver());
  const candidates = uniqueFoods(options.candidates ?? []).filter(
    (food) => !options.restrictions || fitsRestrictions(food, options.restrictions),
  );
  const bounded = options.foodsPerWeek !== undefined && candidates.length > 0 && !options.keepFoods;
  const menus = new Map<number, CatalogueFood[]>();
  const menuOf = (dayNumber: number) => {
    const week = weekOf(dayNumber);
    if (!menus.has(week)) {
      const ofWeek = days.filter((day) => weekOf(day.day) === week);
      const size = options.foodsPerWeek as number;
      menus.set(week, options.menuOfWeek?.(week) ?? weekMenuFromDays(ofWeek, candidates, week, size));
    }
    return menus.get(week) as CatalogueFood[];
  };
  const results: BalancedDay[] = [];
  const seen = new Map<number, Set<string>>();
  for (const day of [...days].sort((a, b) => a.day - b.day)) {
    const menu = bounded ? menuOf(day.day) : undefined;
    const previous = results[results.length - 1];
    const leftover =
      options.leftovers && previous?.day.day === day.day - 1 ? withLeftoverLunch(day, previous.day, foods) : null;
    const solveWith = (allowed: readonly CatalogueFood[] | undefined, input: PlannedDay = leftover?.day ?? day) => {
      const dayOptions: BalanceOptions = {
        ...options,
        ...(allowed ? { candidates: allowed, menu: new Set(allowed.map((food) => food.id)) } : {}),
        ...(leftover ? { fixedItems: new Set([...(options.fixedItems ?? []), ...leftover.fixed]) } : {}),
      };
      return balanceDayWith(input, foods, targets, { ...dayOptions, solver });
    };
    let result = solveWith(menu);
    const week = seen.get(weekOf(day.day)) ?? new Set<string>();
    if (week.has(dayFoodsKey(result.day)) && candidates.length > 0 && !options.keepFoods) {
      // A leftover lunch is yesterday's dinner as it was: its plate is not recombined.
      result = varied(result, solveWith, { week, allowed: menu ?? candidates, foods, recombine: !leftover });
    }
    week.add(dayFoodsKey(result.day));
    seen.set(weekOf(day.day), week);
    results.push(result);
  }
  const order = new Map(days.map((day, index) => [day.day, index]));
  return results.sort((a, b) => (order.get(a.day.day) ?? 0) - (order.get(b.day.day) ?? 0));
}

/**
 * The same day twice in a week is no plan: the repeat is solved again without one of its foods (its
 * proteins first, then its starches and vegetables), then without two, and so on (a week may hold the
 * one-food variants already), the first that makes a new day and breaks no more rules. A week whose
 * menu is too small for that (15 foods) recombines the plates instead, as a dietitian does with a
 * short shopping list: lunch's starch with dinner's protein and the other way round, then the
 * vegetables, then both. Else the day stays as it was.
 */
function varied(
  result: BalancedDay,
  solveWith: (allowed: readonly CatalogueFood[], input?: PlannedDay) => BalancedDay,
  {
    week,
    allowed,
    foods,
    recombine,
  }: {
    week: ReadonlySet<string>;
    allowed: readonly CatalogueFood[];
    foods: ReadonlyMap<string, CatalogueFood>;
    recombine: boolean;
  },
): BalancedDay {
  const noWorse = (next: BalancedDay) =>
    next.solved && next.mealMisses.length <= result.mealMisses.length && (next.miss === null || result.miss !== null);
  const leftOut: string[] = [];
  for (const foodId of exchangeable(result.day, foods).slice(0, VARIATION_TRIES)) {
    const next = solveWith(allowed.filter((food) => food.id !== foodId && !leftOut.includes(food.id)));
    if (!noWorse(next)) continue;
    if (!week.has(dayFoodsKey(next.day))) return next;
    leftOut.push(foodId);
  }
  if (!recombine) return result;
  for (const roles of RECOMBINED) {
    const input = withSidesExchanged(result.day, roles, foods);
    if (!input) continue;
    const next = solveWith(allowed, input);
    if (noWorse(next) && !week.has(dayFoodsKey(next.day))) return next;
  }
  return result;
}

/** Which sides lunch and dinner trade when a repeated day is recombined, in the order tried. */
const RECOMBINED: readonly (readonly PlateRole[])[] = [["starch"], ["vegetable"], ["starch", "vegetable"]];

/**
 * The day with lunch's and dinner's items of these roles exchanged (grams
 * with them: the program re-solves them), or null when either meal lacks
 * one, or a side does not suit the meal it moves to.
 */
function withSidesExchanged(
  day: PlannedDay,
  roles: readonly PlateRole[],
  foods: ReadonlyMap<string, CatalogueFood>,
): PlannedDay | null {
  const lunch = day.meals.findIndex((meal) => mealTypeOf(meal.name) === "lunch");
  const dinner = day.meals.findIndex((meal) => mealTypeOf(meal.name) === "dinner");
  if (lunch < 0 || dinner < 0) return null;
  const moving = (m: number) =>
    (day.meals[m]?.items ?? []).filter((item) => roles.includes(foods.get(item.food_id)?.plate_role as PlateRole));
  const fromLunch = moving(lunch);
  const fromDinner = moving(dinner);
  if (fromLunch.length === 0 || fromDinner.length === 0) return null;
  const suits = (items: readonly PlannedItem[], type: "lunch" | "dinner") =>
    items.every((item) => {
      const food = foods.get(item.food_id);
      return food !== undefined && suitsMeal(food, type);
    });
  if (!suits(fromLunch, "dinner") || !suits(fromDinner, "lunch")) return null;
  return {
    ...day,
    meals: day.meals.map((meal, m) => {
      if (m !== lunch && m !== dinner) return meal;
      const [out, incoming] = m === lunch ? [fromLunch, fromDinner] : [fromDinner, fromLunch];
      // A new plate: its title and preparation are derived again from its foods.
      return { name: meal.name, items: [...meal.items.filter((item) => !out.includes(item)), ...incoming] };
    }),
  };
}

/** How many foods a repeated day tries leaving out before it is kept as it is. */
const VARIATION_TRIES = 10;

/** The day's foods in the order a repeated day leaves them out: proteins, then starches, then vegetables. */
function exchangeable(day: PlannedDay, foods: ReadonlyMap<string, CatalogueFood>): string[] {
  const order: PlateRole[] = ["main_protein", "protein_side", "starch", "vegetable", "fruit", "fat"];
  const items = day.meals.flatMap((meal) => meal.items.map((item) => foods.get(item.food_id)));
  return order.flatMap((role) => items.flatMap((food) => (food?.plate_role === role ? [food.id] : [])));
}

/**
 * The day with its lunch replaced by yesterday's dinner (same foods, grams,
 * title), fixed, and the day's other foods of those families taken out; null
 * when either meal is missing.
 */
function withLeftoverLunch(
  day: PlannedDay,
  yesterday: PlannedDay,
  foods: ReadonlyMap<string, CatalogueFood>,
): { day: PlannedDay; fixed: Set<string> } | null {
  const dinner = yesterday.meals.find((meal) => mealTypeOf(meal.name) === "dinner");
  const lunchIndex = day.meals.findIndex((meal) => mealTypeOf(meal.name) === "lunch");
  if (!dinner || lunchIndex < 0 || !dinner.items.every((item) => foods.has(item.food_id))) return null;
  const families = new Set(dinner.items.map((item) => familyKey(foods.get(item.food_id) as CatalogueFood)));
  const meals = day.meals.map((meal, m) =>
    m === lunchIndex
      ? { ...dinner, name: meal.name, preparation: "Leftovers from yesterday's dinner." }
      : {
          ...meal,
          items: meal.items.filter((item) => {
            const food = foods.get(item.food_id);
            return !food || !families.has(familyKey(food));
          }),
        },
  );
  return {
    day: { ...day, meals },
    fixed: new Set(dinner.items.map((_, i) => fixedItemKey(day.meals[lunchIndex]?.name ?? "", i))),
  };
}
