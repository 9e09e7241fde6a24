import { type CatalogueFood, familyKey } from "@/generation/catalogue/catalogue";
import { type Restrictions, restrictionViolations } from "@/generation/catalogue/food-restrictions";
import { DEFAULT_GENERATION_CONFIG, type GenerationConfig } from "@/generation/generation-config";
import type { PlanSpec } from "@/generation/intake/plan-spec";
import { withDishTitles } from "@/generation/meals/dish-titles";
import type { MealMiss } from "@/generation/meals/meal-patterns";
import { mealTypeOf, suitsMeal } from "@/generation/meals/plate";
import { plannedItem } from "@/generation/nutrition/item-nutrition";
import type { PlannedItem, PlannedMeal } from "@/generation/nutrition/planned-day";
import { balanceDay, type MacroMiss } from "./balance-day";
import { fixedItemKey } from "./fixed-items";
import type { ItemPosition } from "./swap-food";

/**
 * A coach's hand edits to a saved day: set an item's grams, add a food to a
 * meal, remove an item, move it to another meal, lock it, and rebalance the
 * unlocked items onto the day's targets. Pure: the caller reads the day
 * (item ids and locks included), and writes what comes back. Each edit
 * answers the whole day, its changed meals re-titled and its misses judged
 * again, or a refusal in a coach's words.
 */

/** A saved item as an edit sees it: its id (null until written) and whether the coach locked it. */
export type EditableItem = PlannedItem & { id: string | null; locked: boolean };
export type EditableMeal = Omit<PlannedMeal, "items"> & { items: EditableItem[] };
export type EditableDay = { day: number; meals: EditableMeal[] };

export type EditTargets = Pick<PlanSpec, "calorieTarget" | "macroSplit" | "mealsPerDay"> & Restrictions;

export type EditedDay = { day: EditableDay; miss: MacroMiss | null; mealMisses: MealMiss[] };

/** Why an edit was refused: `field` names the request's field at fault. */
export type EditRefusal = { message: string; field?: string };

export type EditResult = ({ ok: true } & EditedDay) | { ok: false; refusal: EditRefusal };

export type DayEdit =
  | { kind: "grams"; position: ItemPosition; grams: number }
  | { kind: "add"; meal: number; food: CatalogueFood; grams?: number }
  | { kind: "remove"; position: ItemPosition }
  | { kind: "move"; position: ItemPosition; toMeal: number }
  | { kind: "lock"; position: ItemPosition; locked: boolean }
  | { kind: "rebalance" };

/**
 * The grams an item of this food may weigh: at least the balance step's
 * smallest item, at most the food group's cap, the food's per-meal cap and
 * the largest item a plan holds.
 */
export function gramLimits(
  food: CatalogueFood,
  config: GenerationConfig = DEFAULT_GENERATION_CONFIG,
): { lower: number; upper: number } {
  const caps = [config.maxItemGrams, config.balance.maxGramsByGroup[food.food_group], food.max_per_meal_g];
  const upper = Math.min(...caps.filter((cap): cap is number => typeof cap === "number"));
  return { lower: config.balance.minItemGrams, upper };
}

/** Applies one edit; refuses it (nothing changed) when it breaks the plan or the item's limits. */
// Size: 5 parameters: the day, the edit, and the three things every edit is judged against.
export async function editDay(
  day: EditableDay,
  edit: DayEdit,
  foods: ReadonlyMap<string, CatalogueFood>,
  targets: EditTargets,
  config: GenerationConfig = DEFAULT_GENERATION_CONFIG,
): Promise<EditResult> {
  const changed = applyEdit(day, edit, foods, targets, config);
  if ("refusal" in changed) return { ok: false, refusal: changed.refusal };
  if (edit.kind === "rebalance") return { ok: true, ...(await rebalance(day, foods, targets, config)) };
  const known = edit.kind === "add" ? new Map(foods).set(edit.food.id, edit.food) : foods;
  return { ok: true, ...(await judged(changed.day, day, known, targets, config)) };
}

// Size: 5 parameters: editDay's own, passed on to the one edit it applies.
function applyEdit(
  day: EditableDay,
  edit: DayEdit,
  foods: ReadonlyMap<string, CatalogueFood>,
  targets: Restrictions,
  config: GenerationConfig,
): { day: EditableDay } | { refusal: EditRefusal } {
  if (edit.kind === "rebalance") return { day };
  if (edit.kind === "add") return addFood(day, edit.meal, edit.food, edit.grams, foods, targets, config);
  const item = day.meals[edit.position.meal]?.items[edit.position.item];
  const food = item ? foods.get(item.food_id) : undefined;
  if (!item || !food) return { refusal: { message: "Item not found in this day" } };
  switch (edit.kind) {
    case "grams": {
      const refusal = gramsRefusal(food, edit.grams, config);
      if (refusal) return { refusal };
      return { day: replaceItem(day, edit.position, { ...item, ...plannedItem(food, edit.grams) }) };
    }
    case "lock":
      return { day: replaceItem(day, edit.position, { ...item, locked: edit.locked }) };
    case "remove": {
      if (day.meals[edit.position.meal]?.items.length === 1) {
        return { refusal: { message: `${food.name} is the only food of its meal; a meal keeps at least one` } };
      }
      return { day: withoutItem(day, edit.position) };
    }
    case "move": {
      const target = day.meals[edit.toMeal];
      if (!target) return { refusal: { message: "No such meal in this day", field: "meal_position" } };
      if (edit.toMeal === edit.position.meal) {
        return { refusal: { message: `${food.name} is already in ${target.name}`, field: "meal_position" } };
      }
      if (day.meals[edit.position.meal]?.items.length === 1) {
        return { refusal: { message: `${food.name} is the only food of its meal; a meal keeps at least one` } };
      }
      const unsuited = unsuitedRefusal(food, target.name);
      if (unsuited) return { refusal: unsuited };
      const moved = withoutItem(day, edit.position);
      return { day: withItem(moved, edit.toMeal, item) };
    }
  }
}

// Size: 7 parameters: the add edit's three fields unpacked beside editDay's four.
function addFood(
  day: EditableDay,
  mealIndex: number,
  food: CatalogueFood,
  grams: number | undefined,
  foods: ReadonlyMap<string, CatalogueFood>,
  restrictions: Restrictions,
  config: GenerationConfig,
): { day: EditableDay } | { refusal: EditRefusal } {
  const meal = day.meals[mealIndex];
  if (!meal) return { refusal: { message: "No such meal in this day", field: "meal_position" } };
  const violations = restrictionViolations(food, restrictions);
  if (violations.length > 0) {
    return {
      refusal: { message: `${food.name} breaks the plan's restrictions: ${violations.join(", ")}`, field: "food_id" },
    };
  }
  const items = day.meals.flatMap((each) => each.items);
  const families = new Set(
    items.map((item) => (foods.get(item.food_id) ? familyKey(foods.get(item.food_id) as CatalogueFood) : item.food_id)),
  );
  if (items.some((item) => item.food_id === food.id) || families.has(familyKey(food))) {
    return { refusal: { message: `${food.name} (or a food of its family) is already in this day`, field: "food_id" } };
  }
  const unsuited = unsuitedRefusal(food, meal.name);
  if (unsuited) return { refusal: unsuited };
  const limits = gramLimits(food, config);
  const chosen = grams ?? Math.min(limits.upper, Math.max(limits.lower, food.default_portion_g));
  const refusal = gramsRefusal(food, chosen, config);
  if (refusal) return { refusal };
  return { day: withItem(day, mealIndex, { id: null, locked: false, ...plannedItem(food, chosen) }) };
}

function gramsRefusal(food: CatalogueFood, grams: number, config: GenerationConfig): EditRefusal | undefined {
  const { lower, upper } = gramLimits(food, config);
  if (grams >= lower && grams <= upper) return undefined;
  return { message: `${food.name} must weigh between ${lower} g and ${upper} g`, field: "grams" };
}

function unsuitedRefusal(food: CatalogueFood, mealName: string): EditRefusal | undefined {
  const type = mealTypeOf(mealName);
  return suitsMeal(food, type) ? undefined : { message: `${food.name} is not a food for ${type}`, field: "food_id" };
}

function replaceItem(day: EditableDay, position: ItemPosition, item: EditableItem): EditableDay {
  return mapMeal(day, position.meal, (items) => items.map((each, index) => (index === position.item ? item : each)));
}

function withoutItem(day: EditableDay, position: ItemPosition): EditableDay {
  return mapMeal(day, position.meal, (items) => items.filter((_, index) => index !== position.item));
}

function withItem(day: EditableDay, mealIndex: number, item: EditableItem): EditableDay {
  return mapMeal(day, mealIndex, (items) => [...items, item]);
}

function mapMeal(day: EditableDay, mealIndex: number, change: (items: EditableItem[]) => EditableItem[]): EditableDay {
  return {
    ...day,
    meals: day.meals.map((meal, index) => (index === mealIndex ? { ...meal, items: change(meal.items) } : meal)),
  };
}

/** Where the day's locked items sit, as balanceDay's fixedItems ("meal name:item index"). */
function lockedPositions(day: EditableDay): Set<string> {
  return new Set(
    day.meals.flatMap((meal) => meal.items.flatMap((item, i) => (item.locked ? [fixedItemKey(meal.name, i)] : []))),
  );
}

/**
 * The day's unlocked items re-solved onto its targets by the balance step's
 * program, its own foods kept (only grams move), the locked items fixed at
 * their grams. A day no grams bring onto its calories comes back as it was,
 * with its misses.
 */
async function rebalance(
  day: EditableDay,
  foods: ReadonlyMap<string, CatalogueFood>,
  targets: EditTargets,
  config: GenerationConfig,
): Promise<EditedDay> {
  const balanced = await balanceDay(day, foods, targets, { keepFoods: true, fixedItems: lockedPositions(day), config });
  const carried = carryItems(day, balanced.day);
  return carried
    ? { day: carried, miss: balanced.miss, mealMisses: balanced.mealMisses }
    : judged(day, day, foods, targets, config);
}

/**
 * The edited day with its misses judged as the balance step judges them: the
 * program run with every item fixed moves nothing (an infeasible one answers
 * the day unchanged), so only the verdict is taken from it. Changed meals are
 * titled from their foods first.
 */
// Size: 5 parameters: the day before and after, and what both are judged against.
async function judged(
  edited: EditableDay,
  before: EditableDay,
  foods: ReadonlyMap<string, CatalogueFood>,
  targets: EditTargets,
  config: GenerationConfig,
): Promise<EditedDay> {
  const titled = withDishTitles(edited, before, foods) as EditableDay;
  const everything = new Set(titled.meals.flatMap((meal) => meal.items.map((_, i) => fixedItemKey(meal.name, i))));
  const verdict = await balanceDay(titled, foods, targets, { keepFoods: true, fixedItems: everything, config });
  return { day: titled, miss: verdict.miss, mealMisses: verdict.mealMisses };
}

/**
 * The solved day with each item's id and lock carried over by position: with
 * the day's foods kept the program changes grams only, so meals and items
 * stay where they were. Undefined for a solve that moved them (the caller keeps the day).
 */
function carryItems(before: EditableDay, solved: { day: number; meals: PlannedMeal[] }): EditableDay | undefined {
  const sameShape =
    solved.meals.length === before.meals.length &&
    solved.meals.every(
      (meal, m) =>
        meal.items.every((item, i) => before.meals[m]?.items[i]?.food_id === item.food_id) &&
        meal.items.length === before.meals[m]?.items.length,
    );
  if (!sameShape) return undefined;
  return {
    day: before.day,
    meals: solved.meals.map((meal, m) => ({
      ...meal,
      items: meal.items.map((item, i) => {
        const earlier = before.meals[m]?.items[i];
        return { ...item, id: earlier?.id ?? null, locked: earlier?.locked ?? false };
      }),
    })),
  };
}
