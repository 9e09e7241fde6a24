import { type Allergen, type Diet, familyKey } from "@/generation/catalogue/catalogue";
import { fitsRestrictions } from "@/generation/catalogue/food-restrictions";
import { MAX_DISLIKED_FOODS } from "@/generation/intake/intake";
import type { CatalogueFoodOption } from "@/ui/api/api-types";
import { matchesWordStart } from "./word-start";

// The disliked-foods picker's rules, pure: which catalogue foods match what
// the coach typed, which of them can still be added, and the chosen list with
// its cap (the API's own MAX_DISLIKED_FOODS).

export { MAX_DISLIKED_FOODS };

/** Most matches the picker lists at once; the rest are counted, and typing more narrows them. */
export const MAX_SHOWN_MATCHES = 12;

export type FoodMatch = {
  food: CatalogueFoodOption;
  /** Why the food cannot be added (the plan leaves it out already), or null when it can. */
  leftOutBecause: string | null;
};

export type FoodSearch = { matches: FoodMatch[]; total: number };

export type PickerContext = {
  /** The foods chosen so far, by id, in the order chosen. */
  chosenIds: readonly string[];
  diet: readonly Diet[];
  allergies: readonly Allergen[];
};

/**
 * The catalogue foods with a word of the name starting with `query` (trimmed,
 * any case: "ric" finds "Rice cakes", not "Licorice"; matchesWordStart), not
 * counting those already chosen. Foods the plan leaves out anyway (the ticked
 * diets or allergies rule them out, or a chosen food of the same family takes
 * them along) are listed after the others, with the reason, and cannot be
 * added. Within each part, names that start with the query come first, then
 * by name. At most `limit` matches; `total` counts them all.
 */
export function searchFoods(
  foods: readonly CatalogueFoodOption[],
  query: string,
  context: PickerContext,
  limit: number = MAX_SHOWN_MATCHES,
): FoodSearch {
  const needle = query.trim().toLowerCase();
  if (needle === "") return { matches: [], total: 0 };
  const chosen = new Set(context.chosenIds);
  const chosenFamilies = new Map(
    foods.filter((food) => chosen.has(food.id)).map((food) => [familyKey(food), food.name] as const),
  );

  const matches = foods
    .filter((food) => !chosen.has(food.id) && matchesWordStart(food.name, needle))
    .map((food) => ({ food, leftOutBecause: leftOutBecause(food, context, chosenFamilies) }))
    .sort(
      (a, b) =>
        Number(a.leftOutBecause !== null) - Number(b.leftOutBecause !== null) ||
        Number(!startsWith(a.food, needle)) - Number(!startsWith(b.food, needle)) ||
        a.food.name.localeCompare(b.food.name, "en", { sensitivity: "base" }),
    );
  return { matches: matches.slice(0, limit), total: matches.length };
}

function leftOutBecause(
  food: CatalogueFoodOption,
  context: PickerContext,
  chosenFamilies: ReadonlyMap<string, string>,
): string | null {
  const sameFamilyAs = chosenFamilies.get(familyKey(food));
  if (sameFamilyAs !== undefined) return `Left out already with ${sameFamilyAs} (same family)`;
  if (!fitsRestrictions(food, { diet: context.diet, allergies: context.allergies })) {
    return "Left out already by the diet or allergies";
  }
  return null;
}

function startsWith(food: CatalogueFoodOption, needle: string): boolean {
  return food.name.toLowerCase().startsWith(needle);
}

/** True while another food may be chosen. */
export function canChooseMore(chosenIds: readonly string[]): boolean {
  return chosenIds.length < MAX_DISLIKED_FOODS;
}

/** The list with `id` added at the end; unchanged when it is there already or the list is full. */
export function chooseFood(chosenIds: readonly string[], id: string): string[] {
  if (chosenIds.includes(id) || !canChooseMore(chosenIds)) return [...chosenIds];
  return [...chosenIds, id];
}

/** The list without `id`. */
export function unchooseFood(chosenIds: readonly string[], id: string): string[] {
  return chosenIds.filter((chosen) => chosen !== id);
}

/**
 * The option the arrow keys move to from `current` (-1: none), `step` +1 down
 * or -1 up, wrapping round and passing over foods that cannot be added; -1
 * when none can.
 */
export function moveActive(matches: readonly FoodMatch[], current: number, step: 1 | -1): number {
  const count = matches.length;
  // From "none", down starts at the first option and up at the last.
  const from = current === -1 && step === -1 ? count : current;
  for (let moved = 1; moved <= count; moved += 1) {
    const index = (((from + step * moved) % count) + count) % count;
    if (matches[index]?.leftOutBecause === null) return index;
  }
  return -1;
}

/** The first option that can be added (what Enter adds before the arrows are used), or -1. */
export function firstChoosable(matches: readonly FoodMatch[]): number {
  return matches.findIndex((match) => match.leftOutBecause === null);
}
