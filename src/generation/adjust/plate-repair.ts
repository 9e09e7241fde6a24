import { type CatalogueFood, familyKey } from "@/generation/catalogue/catalogue";
import {
  isBreakfastBase,
  isPlatedMeal,
  mealAmountCap,
  PATTERN_LIMITS,
  type PatternTargets,
  starchRequired,
} from "@/generation/meals/meal-patterns";
import { type MealType, mealTypeOf, type PlateRole, suitsMeal } from "@/generation/meals/plate";
import { plannedItem } from "@/generation/nutrition/item-nutrition";
import { energyShares } from "@/generation/nutrition/macros";
import type { PlannedDay, PlannedItem } from "@/generation/nutrition/planned-day";
import { stableHash } from "@/generation/shared/stable-hash";

/**
 * Puts each meal's plate in order before the balance program sets its grams,
 * the way a dietitian would fix a draft: a food that does not suit its meal
 * leaves it, a second main protein or a third starch goes, a snack keeps its
 * two most substantial foods, and what a pattern lacks (a breakfast base, a
 * lunch's protein, starch or vegetable, a snack's fruit or yoghurt) comes in
 * from the plan's candidates at its usual portion. The program then only
 * trades grams and the odd food, so it solves fast; it still holds every
 * pattern rule, in case grams alone cannot.
 */
// Size: 83 lines and 6 parameters: one pass over the meals, each rule's repair beside the rule it mends.
export function repairPlates(
  day: PlannedDay,
  foods: ReadonlyMap<string, CatalogueFood>,
  candidates: readonly CatalogueFood[],
  targets: PatternTargets,
  scale: number,
  keep: {
    fixed: (meal: number, item: number) => boolean;
    allowed: (food: CatalogueFood) => boolean;
    /** Meals that take nothing more (a leftover lunch, kept as it was served). */
    closed: (meal: number) => boolean;
  },
): PlannedDay {
  const used = new Set<string>();
  const families = new Set<string>();
  const foodOf = (item: PlannedItem) => foods.get(item.food_id);
  const kept = day.meals.map((meal, m) => {
    const type = mealTypeOf(meal.name);
    // Items that must stay (leftovers) lead the meal and are never trimmed.
    const fixed = meal.items.filter((_, i) => keep.fixed(m, i));
    const free = meal.items.filter((item, i) => {
      const food = foodOf(item);
      return !keep.fixed(m, i) && food !== undefined && suitsMeal(food, type) && keep.allowed(food);
    });
    const items = [...fixed, ...trimmed(type, free, foodOf)];
    for (const item of items) {
      const food = foodOf(item) as CatalogueFood;
      used.add(food.id);
      families.add(familyKey(food));
    }
    return { ...meal, items };
  });
  return {
    ...day,
    meals: kept.map((meal, m) => {
      if (keep.closed(m)) return meal;
      const type = mealTypeOf(meal.name);
      const add = (roles: readonly PlateRole[], rank: (food: CatalogueFood) => number): PlannedItem | null => {
        const options = candidates
          .filter(
            (food) =>
              roles.includes(food.plate_role) &&
              suitsMeal(food, type) &&
              !used.has(food.id) &&
              !families.has(familyKey(food)),
          )
          .sort((a, b) => rank(b) - rank(a) || (a.id < b.id ? -1 : 1))
          .slice(0, 4);
        const food = options[stableHash(`${day.day}:${m}:${roles.join()}`) % Math.max(1, options.length)];
        if (!food) return null;
        used.add(food.id);
        families.add(familyKey(food));
        const cap = mealAmountCap(food, scale) ?? Number.POSITIVE_INFINITY;
        return plannedItem(food, Math.round(Math.min(cap, food.default_portion_g * scale)));
      };
      const has = (test: (role: PlateRole) => boolean) =>
        meal.items.some((item) => {
          const food = foodOf(item);
          return food !== undefined && test(food.plate_role);
        });
      const added: PlannedItem[] = [];
      // Roles in order of preference: the first that has a food left brings it in.
      const need = (
        missing: boolean,
        roles: readonly (readonly PlateRole[])[],
        rank: (food: CatalogueFood) => number,
      ) => {
        if (!missing) return;
        for (const each of roles) {
          const item = add(each, rank);
          if (item) return void added.push(item);
        }
      };
      if (type === "breakfast") need(!has(isBreakfastBase), [["protein_side", "starch"]], proteinShare);
      if (isPlatedMeal(type)) {
        // A main protein, or when the day has used every one the plan may eat, a protein side (lentils).
        need(
          !has((role) => role === "main_protein" || role === "protein_side"),
          [["main_protein"], ["protein_side"]],
          proteinShare,
        );
        need(starchRequired(targets.macroSplit) && !has((role) => role === "starch"), [["starch"]], carbShare);
        need(!has((role) => role === "vegetable"), [["vegetable"]], () => 0);
      }
      if (type === "snack" && meal.items.length < PATTERN_LIMITS.snackMaxFoods) {
        need(
          !has((role) => role === "fruit" || role === "protein_side" || role === "starch" || role === "supplement"),
          [["fruit", "protein_side"]],
          () => 0,
        );
      }
      return added.length === 0 ? meal : { ...meal, items: [...meal.items, ...added] };
    }),
  };
}

/** The meal's own foods within its pattern's counts: the largest of each kept (by energy). */
function trimmed(
  type: MealType,
  items: readonly PlannedItem[],
  foodOf: (item: PlannedItem) => CatalogueFood | undefined,
): PlannedItem[] {
  const byEnergy = [...items].sort((a, b) => b.kcal - a.kcal);
  const role = (item: PlannedItem) => foodOf(item)?.plate_role;
  const keep = new Set<PlannedItem>(byEnergy);
  const limit = (test: (item: PlannedItem) => boolean, most: number) => {
    for (const item of byEnergy.filter(test).slice(most)) keep.delete(item);
  };
  limit((item) => role(item) === "starch", PATTERN_LIMITS.maxStarchesPerMeal);
  limit((item) => role(item) === "protein_side", PATTERN_LIMITS.maxProteinSidesPerMeal);
  if (isPlatedMeal(type)) limit((item) => role(item) === "main_protein", PATTERN_LIMITS.maxMainProteinsPerMeal);
  if (type === "snack") {
    // Two foods, the ones that carry a snack first (a drink or a condiment only beside one).
    const carrying = byEnergy.filter((item) => keep.has(item) && role(item) !== "drink" && role(item) !== "condiment");
    const rest = byEnergy.filter((item) => keep.has(item) && !carrying.includes(item));
    return [...carrying, ...rest]
      .slice(0, PATTERN_LIMITS.snackMaxFoods)
      .sort((a, b) => items.indexOf(a) - items.indexOf(b));
  }
  return items.filter((item) => keep.has(item));
}

const proteinShare = (food: CatalogueFood) => energyShares(food).protein_pct;
const carbShare = (food: CatalogueFood) => energyShares(food).carb_pct;
