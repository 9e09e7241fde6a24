import { FOOD_GROUPS } from "@/generation/catalogue/catalogue";
import type { PlanMeal } from "@/ui/api/api-types";

export type GroceryItem = { food_id: string; food_name: string; grams: number };
export type GroceryGroup = { food_group: string; label: string; items: GroceryItem[] };

/** Shop-aisle names for the catalogue's food groups. */
const GROUP_LABELS: Record<string, string> = {
  breakfast: "Breakfast staples",
  protein: "Protein",
  starch: "Grains and starches",
  vegetable: "Vegetables",
  fruit: "Fruit",
  dairy: "Dairy",
  fat: "Fats, oils, nuts and seeds",
  snack: "Snacks",
};

/**
 * Everything the plan needs for its whole length: the grams of each food
 * summed across every meal of every day, grouped by food group in catalogue
 * order (groups the catalogue does not know come last, alphabetically), and
 * alphabetical within a group so a shopper can find a food quickly.
 */
export function buildGroceryList(
  days: readonly { meals: readonly Pick<PlanMeal, "name" | "items">[] }[],
): GroceryGroup[] {
  const gramsByFood = new Map<string, GroceryItem & { food_group: string }>();
  for (const day of days) {
    for (const meal of day.meals) {
      for (const item of meal.items) {
        const grams = Number(item.grams);
        if (!Number.isFinite(grams) || grams <= 0) continue;
        const existing = gramsByFood.get(item.food_id);
        if (existing) existing.grams += grams;
        else
          gramsByFood.set(item.food_id, {
            food_id: item.food_id,
            food_name: item.food_name,
            food_group: item.food_group,
            grams,
          });
      }
    }
  }

  const groups = new Map<string, GroceryItem[]>();
  for (const { food_group, ...item } of gramsByFood.values()) {
    const items = groups.get(food_group) ?? [];
    // Whole grams: a kitchen scale shows nothing finer, and sums of decimals read badly.
    items.push({ ...item, grams: Math.round(item.grams) });
    groups.set(food_group, items);
  }

  return [...groups.entries()]
    .sort(([first], [second]) => compareFoodGroups(first, second))
    .map(([foodGroup, items]) => ({
      food_group: foodGroup,
      label: foodGroupLabel(foodGroup),
      items: items.sort((first, second) => first.food_name.localeCompare(second.food_name, "en")),
    }));
}

export function foodGroupLabel(foodGroup: string): string {
  const known = GROUP_LABELS[foodGroup];
  if (known) return known;
  const words = foodGroup.replaceAll("_", " ").trim();
  return words === "" ? "Other" : words.charAt(0).toUpperCase() + words.slice(1);
}

function compareFoodGroups(first: string, second: string): number {
  const order: readonly string[] = FOOD_GROUPS;
  const firstIndex = order.indexOf(first);
  const secondIndex = order.indexOf(second);
  if (firstIndex !== -1 && secondIndex !== -1) return firstIndex - secondIndex;
  if (firstIndex !== -1) return -1;
  if (secondIndex !== -1) return 1;
  return first.localeCompare(second, "en");
}

/** "850 g" below a kilogram, "1.25 kg" from one kilogram up (the way a shop labels weight). */
export function formatGrams(grams: number): string {
  const whole = Math.round(grams);
  if (whole < 1000) return `${whole} g`;
  const kilograms = Math.round(whole / 10) / 100;
  return `${kilograms} kg`;
}
