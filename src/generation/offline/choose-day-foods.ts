import { type CatalogueFood, familyKey } from "@/generation/catalogue/catalogue";
import type { MealSlot } from "@/generation/catalogue/meal-slots";
import type { MacroSplit } from "@/generation/generation-config";
import { mealTypeOf, type PlateRole, suitsMeal } from "@/generation/meals/plate";
import { type MacroGrams, macroError } from "@/generation/nutrition/macros";
import { minBy } from "@/generation/shared/min-by";
import { stableHash } from "@/generation/shared/stable-hash";

/** A meal of a planned day before portions are solved. */
export type ChosenMeal = { slot: MealSlot; foods: CatalogueFood[] };

/**
 * Remembers how often each food has been used across the days planned so
 * far, so each new day prefers the least-used foods (rotation). Foods an
 * earlier pass used start at one use: "avoid" is a preference, not a ban,
 * because a small catalogue may have nothing else. Foods the prompt plans the
 * days around start below zero, so they are picked first.
 */
export class FoodUsage {
  private readonly counts = new Map<string, number>();
  constructor(previouslyUsedIds: readonly string[] = [], preferredIds: readonly string[] = []) {
    for (const id of previouslyUsedIds) this.counts.set(id, 1);
    // Preferred foods (one-wave mode's planned foods) come first, until used once.
    for (const id of preferredIds) this.counts.set(id, -1);
  }
  count(id: string): number {
    return this.counts.get(id) ?? 0;
  }
  record(id: string): void {
    this.counts.set(id, this.count(id) + 1);
  }
}

/**
 * Choose the foods of one day, slot by slot and component by component: for
 * each component, gather the least-used foods (rotation order, so equal
 * foods take turns) of each of its roles that suit the meal and whose id and
 * family are unused today, and pick the one that brings the day's macros (at
 * usual portions) closest to the split, so a high-protein plan gets lean
 * proteins rather than beans (fallback roles carry a penalty, or are not
 * considered at all for strictOrder components). A component with nothing
 * usable is skipped (the balance step brings in what the pattern lacks).
 */
// Size: 5 parameters: the day, its slots, the foods by role, and what the plan used and aims at.
export function chooseDayFoods(
  dayNumber: number,
  slots: readonly MealSlot[],
  foodsByRole: ReadonlyMap<PlateRole, readonly CatalogueFood[]>,
  usage: FoodUsage,
  macroSplit: MacroSplit,
): ChosenMeal[] {
  const usedIds = new Set<string>();
  const usedFamilies = new Set<string>();
  const running = { protein: 0, carbs: 0, fat: 0 };
  return slots.map((slot, slotIndex) => {
    const foods: CatalogueFood[] = [];
    for (const component of slot.components) {
      const all = optionsForComponent(
        component.roles,
        (food) => suitsMeal(food, mealTypeOf(slot.name)),
        dayNumber,
        slotIndex,
        foodsByRole,
        usage,
        usedIds,
        usedFamilies,
      );
      const options = component.strictOrder ? all.filter((option) => option.penalty === all[0]?.penalty) : all;
      const food = minBy(
        options,
        (option) => macroError(addUsualPortion(running, option.food), macroSplit) + option.penalty,
      )?.food;
      if (!food) continue;
      foods.push(food);
      Object.assign(running, addUsualPortion(running, food));
      usedIds.add(food.id);
      usedFamilies.add(familyKey(food));
      usage.record(food.id);
    }
    return { slot, foods };
  });
}

/** How many of the least-used foods compete on macro fit: enough to steer, few enough to keep rotating. */
const MACRO_CHOICES = 3;
/** Macro points a fallback group's food must beat the preferred group's by (per rank). */
const FALLBACK_GROUP_PENALTY = 15;

function addUsualPortion(total: MacroGrams, food: CatalogueFood): MacroGrams {
  const factor = food.default_portion_g / 100;
  return {
    protein: total.protein + food.protein_per_100g * factor,
    carbs: total.carbs + food.carbs_per_100g * factor,
    fat: total.fat + food.fat_per_100g * factor,
  };
}

/**
 * The foods that may fill a component, each with a preference penalty: from
 * every role of the component that has a food suiting the meal whose id and
 * family are unused today, its least-used foods in per-day rotation order (at
 * most MACRO_CHOICES per role). Later roles are fallbacks, so they carry a
 * penalty in macro points and win only when they fit the split clearly better
 * (a high-protein plan's snack becomes yoghurt rather than fruit).
 */
// Size: 8 parameters: chooseDayFoods' state for one component, passed as it holds it.
function optionsForComponent(
  roles: readonly PlateRole[],
  suits: (food: CatalogueFood) => boolean,
  dayNumber: number,
  slotIndex: number,
  foodsByRole: ReadonlyMap<PlateRole, readonly CatalogueFood[]>,
  usage: FoodUsage,
  usedIds: ReadonlySet<string>,
  usedFamilies: ReadonlySet<string>,
): { food: CatalogueFood; penalty: number }[] {
  let rank = 0;
  const out: { food: CatalogueFood; penalty: number }[] = [];
  for (const role of roles) {
    const pool = (foodsByRole.get(role) ?? []).filter(suits);
    const options = pool.filter((food) => !usedIds.has(food.id) && !usedFamilies.has(familyKey(food)));
    if (options.length === 0) continue;
    // Rotation offset differs per day and per slot so lunch and dinner do not mirror each other.
    const offset = stableHash(`${dayNumber}:${slotIndex}`) % pool.length;
    const rotation = (food: CatalogueFood) => (pool.indexOf(food) - offset + pool.length) % pool.length;
    const leastUsed = Math.min(...options.map((food) => usage.count(food.id)));
    const penalty = rank * FALLBACK_GROUP_PENALTY;
    out.push(
      ...options
        .filter((food) => usage.count(food.id) === leastUsed)
        .sort((a, b) => rotation(a) - rotation(b))
        .slice(0, MACRO_CHOICES)
        .map((food) => ({ food, penalty })),
    );
    rank += 1;
  }
  return out;
}
