import { type CatalogueFood, familyKey, uniqueFoods } from "@/generation/catalogue/catalogue";
import type { GenerationConfig } from "@/generation/generation-config";
import { type MealType, mealTypeOf, type PlateRole, suitsMeal } from "@/generation/meals/plate";
import { meetsNeed } from "@/generation/meals/week-menu";
import { energyShares } from "@/generation/nutrition/macros";
import type { PlannedDay } from "@/generation/nutrition/planned-day";
import { stableHash } from "@/generation/shared/stable-hash";
import type { PortionSlot } from "./portion-program";
import { rangesAtMeal } from "./portion-ranges";

/**
 * The foods a day may bring in, meal by meal, from the run's candidates: what
 * each meal's pattern may need (a breakfast base, a lunch's protein, starch
 * and vegetables, a snack's fruit or yoghurt) and what moves the macros. A
 * few per meal keeps the program to a few dozen 0/1 choices; a "wide" offer,
 * for a day the few cannot repair, offers more of each. Which of the richest
 * foods are offered rotates with the day and the meal, so days differ.
 */

type Rank = "protein" | "carbs" | "fat" | "rotation";
type Need = {
  roles: readonly PlateRole[];
  rankBy: Rank | "short";
  few: number;
  wide: number;
  /** In the few, offered only when the meal has no such food and the day could bring none in. */
  onlyWithout?: (food: CatalogueFood) => boolean;
};

/** An egg, cottage cheese or skyr: a breakfast's protein at a natural portion (week-menu.ts meetsNeed). */
const proteinRichBreakfastSide = (food: CatalogueFood) =>
  meetsNeed(food, { type: "breakfast", role: "protein_side", rich: "protein" });

const PLATED: readonly Need[] = [
  { roles: ["main_protein"], rankBy: "protein", few: 2, wide: 3 },
  { roles: ["main_protein"], rankBy: "short", few: 0, wide: 1 },
  { roles: ["protein_side"], rankBy: "protein", few: 1, wide: 2 },
  { roles: ["starch"], rankBy: "carbs", few: 2, wide: 3 },
  { roles: ["vegetable"], rankBy: "rotation", few: 2, wide: 4 },
  { roles: ["fat"], rankBy: "fat", few: 1, wide: 2 },
];

/** What each meal type is offered, in the order a dietitian fills the plate. */
const MEAL_OFFERS: Readonly<Record<MealType, readonly Need[]>> = {
  breakfast: [
    { roles: ["protein_side"], rankBy: "protein", few: 2, wide: 3 },
    // A main protein the catalogue serves at breakfast (tofu): a vegan breakfast's protein; beside
    // eggs or ricotta ("tofu with ricotta" is an odd breakfast) only when nothing else repairs the day.
    { roles: ["main_protein"], rankBy: "protein", few: 1, wide: 1, onlyWithout: proteinRichBreakfastSide },
    { roles: ["starch"], rankBy: "carbs", few: 1, wide: 2 },
    { roles: ["fruit"], rankBy: "rotation", few: 1, wide: 2 },
    { roles: ["supplement"], rankBy: "protein", few: 1, wide: 1 },
    { roles: ["drink"], rankBy: "protein", few: 0, wide: 1 },
    { roles: ["fat"], rankBy: "fat", few: 0, wide: 1 },
    { roles: ["fat", "protein_side"], rankBy: "short", few: 1, wide: 1 },
  ],
  lunch: PLATED,
  dinner: PLATED,
  snack: [
    { roles: ["protein_side"], rankBy: "protein", few: 1, wide: 2 },
    { roles: ["fruit"], rankBy: "rotation", few: 1, wide: 2 },
    { roles: ["fat"], rankBy: "fat", few: 1, wide: 1 },
    { roles: ["starch", "supplement"], rankBy: "protein", few: 0, wide: 2 },
  ],
};

/** Of each need's richest foods, the offer rotates among this many times as many as it takes. */
const ROTATION_DEPTH = 3;

/**
 * Slots for foods the day may bring in: each food offered to one meal only,
 * taken at most once per family, never a food whose id or family the day
 * already has, nor one that does not suit the meal.
 */
// Size: 8 parameters, each one input of the offer; its one caller (balance-day.ts) holds them apart.
export function additionSlots(
  day: PlannedDay,
  foods: ReadonlyMap<string, CatalogueFood>,
  candidates: readonly CatalogueFood[],
  offer: "few" | "wide",
  config: GenerationConfig,
  scale: number,
  /** Meals that take nothing more (a leftover lunch, kept as it was served). */
  closed: (meal: number) => boolean = () => false,
  /** The macro the day is shortest of at its planned grams: "short" needs rank by it (a fatty fish for a day short of fat). */
  short: "protein" | "carbs" | "fat" = "protein",
): PortionSlot[] {
  const dayFoods = day.meals.flatMap((meal) => meal.items.flatMap((item) => foods.get(item.food_id) ?? []));
  const usedIds = new Set(dayFoods.map((food) => food.id));
  const usedFamilies = new Set(dayFoods.map(familyKey));
  const pool = uniqueFoods(candidates).filter((food) => !usedIds.has(food.id) && !usedFamilies.has(familyKey(food)));
  const offered = new Set<string>();
  return day.meals.flatMap((meal, m) => {
    if (closed(m)) return [];
    const type = mealTypeOf(meal.name);
    const mealFoods = meal.items.flatMap((item) => foods.get(item.food_id) ?? []);
    return MEAL_OFFERS[type].flatMap((need, n) => {
      const count = offer === "few" ? need.few : need.wide;
      if (count === 0) return [];
      const without = need.onlyWithout;
      // Held back from the few (the wide offer, for a day the few cannot repair, still has it).
      if (without && offer === "few" && (mealFoods.some(without) || pool.some(without))) return [];
      const ranked = pool
        .filter((food) => need.roles.includes(food.plate_role) && suitsMeal(food, type) && !offered.has(food.id))
        .sort((a, b) => {
          const by = need.rankBy === "short" ? short : need.rankBy;
          return rank(b, by) - rank(a, by) || (a.id < b.id ? -1 : 1);
        })
        .slice(0, count * ROTATION_DEPTH);
      const chosen = rotate(ranked, stableHash(`${day.day}:${m}:${n}`)).slice(0, count);
      return chosen.map((food): PortionSlot => {
        offered.add(food.id);
        const ranges = rangesAtMeal(food, type, config, scale);
        return {
          food,
          meal: m,
          kind: "addable",
          preferredGrams: Math.min(
            ranges.natural.upper,
            Math.max(ranges.natural.lower, food.default_portion_g * scale),
          ),
          ...ranges,
          exclusiveKey: `family:${familyKey(food)}`,
        };
      });
    });
  });
}

/** How rich a food is in what it is brought in for; "rotation" ranks by a stable hash, so days take turns. */
function rank(food: CatalogueFood, by: Rank): number {
  if (by === "rotation") return -(stableHash(food.id) % 1000);
  const shares = energyShares(food);
  return by === "protein" ? shares.protein_pct : by === "carbs" ? shares.carb_pct : shares.fat_pct;
}

function rotate<T>(items: readonly T[], by: number): T[] {
  if (items.length === 0) return [];
  const offset = ((by % items.length) + items.length) % items.length;
  return [...items.slice(offset), ...items.slice(0, offset)];
}
