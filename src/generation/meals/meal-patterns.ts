import { z } from "zod";
import type { CatalogueFood } from "@/generation/catalogue/catalogue";
import type { MacroSplit } from "@/generation/generation-config";
import { macroTargetGrams } from "@/generation/nutrition/macros";
import type { PlannedDay, PlannedMeal } from "@/generation/nutrition/planned-day";
import { isMainMealType, type MealType, mealTypeOf, PLATE_ROLE_LABELS, type PlateRole, suitsMeal } from "./plate";
import { portionScale } from "./usual-portion";

/**
 * Meal patterns: how a dietitian plates each meal type, written once. The
 * prompt states them (patternRulesText), sanitising moves or drops foods that
 * do not suit a meal, the balance step's program holds them as its first
 * rules (portion-program.ts reads PATTERN_LIMITS), the offline planner chooses
 * by them, and the evaluation judges every saved meal with judgeDay.
 *
 *   breakfast       a base (a breakfast starch, or dairy / eggs), optional
 *                   fruit; no main-course meat or fish
 *   lunch, dinner   one main protein (a second protein only as a side), a
 *                   starch unless the split leaves no room for carbohydrate,
 *                   a vegetable in a real amount, an optional fat
 *   snack           one or two foods, not only fats, drinks or condiments
 *   every meal      foods that suit it; no more than two starches and two
 *                   protein sides (eggs, dairy, legumes); drinks,
 *                   oils, powders and condiments within their per-meal amount
 *   the day         every main meal carries a useful amount of protein (in
 *                   grams, not by group), no meal carries most of the day's
 *                   protein, and no meal a disproportionate share of its energy
 */

export type MealRule =
  | "suits-meal"
  | "per-meal-amount"
  | "breakfast-base"
  | "one-main-protein"
  | "protein-food"
  | "starch"
  | "two-starches-at-most"
  | "two-protein-sides-at-most"
  | "vegetable"
  | "snack-size"
  | "snack-substance"
  | "useful-protein"
  | "protein-spread"
  | "energy-share";

/** One rule a meal breaks, in a coach's words ("no vegetable of at least 75 g"). */
export type BrokenRule = { rule: MealRule; text: string };

const MEAL_RULES = [
  "suits-meal",
  "per-meal-amount",
  "breakfast-base",
  "one-main-protein",
  "protein-food",
  "starch",
  "two-starches-at-most",
  "two-protein-sides-at-most",
  "vegetable",
  "snack-size",
  "snack-substance",
  "useful-protein",
  "protein-spread",
  "energy-share",
] as const satisfies readonly MealRule[];

/**
 * A rule a saved day's meal could not meet with the foods the plan may use,
 * and why: stored with the day (meal_plan_days.meal_misses) and shown on the
 * day card beside a macro miss.
 */
export const MealMissSchema = z.object({
  meal: z.string().min(1).max(80),
  rule: z.enum(MEAL_RULES),
  text: z.string().max(300),
  why: z.string().max(300).optional(),
});
export type MealMiss = z.infer<typeof MealMissSchema>;
export const MealMissesSchema = z.array(MealMissSchema).max(60);

/** The numbers the patterns are held to. */
export const PATTERN_LIMITS = {
  /** A lunch or dinner's vegetable counts from this many grams, or its usual portion if less (a garnish is not a vegetable). */
  vegetableMinGrams: 75,
  maxStarchesPerMeal: 2,
  /** Eggs, dairy and legumes beside each other: two make a meal, five beans in one lunch do not. */
  maxProteinSidesPerMeal: 2,
  maxMainProteinsPerMeal: 1,
  snackMaxFoods: 2,
  /** A fat (nuts, seeds) carries a snack from this many grams; a smear of nut butter does not. */
  snackFatMinGrams: 20,
  /** A main meal's useful protein: this share of the day's protein target, within the bounds below. */
  usefulProteinShare: 0.15,
  usefulProteinGrams: { min: 10, max: 30 },
  /** No meal carries more than this share of the day's protein. */
  maxProteinShare: 0.5,
  /** A meal's energy stays under share × factor + allowance of the day's (a 25 % breakfast under 38 %). */
  energyShare: { factor: 1.4, allowance: 0.03 },
  /** Below this carbohydrate share a lunch or dinner needs no starch (a low-carb split). */
  starchOptionalBelowCarbPct: 25,
} as const;

/** What the patterns read of a plan: its targets and, where known, its meals a day (portions scale with both). */
export type PatternTargets = { calorieTarget: number; macroSplit: MacroSplit; mealsPerDay?: number };

/**
 * The most of a food one meal holds on a day this size: its per-meal amount
 * (written for a 2,000 kcal day), grown with the day's usual portions
 * (usual-portion.ts), never shrunk; null where no cap applies.
 */
export function mealAmountCap(food: Pick<CatalogueFood, "max_per_meal_g">, scale: number): number | null {
  return food.max_per_meal_g === null ? null : food.max_per_meal_g * Math.max(1, scale);
}

/** Grams of protein a main meal must carry to count (the day's protein target spread over the day). */
export function usefulProteinGrams(targets: PatternTargets): number {
  const { usefulProteinShare, usefulProteinGrams: bounds } = PATTERN_LIMITS;
  const dayProtein = macroTargetGrams(targets.calorieTarget, targets.macroSplit).protein;
  return Math.min(bounds.max, Math.max(bounds.min, Math.round(dayProtein * usefulProteinShare)));
}

/** Whether lunches and dinners need a starch under this split. */
export function starchRequired(split: MacroSplit): boolean {
  return split.carb_pct >= PATTERN_LIMITS.starchOptionalBelowCarbPct;
}

/** The most of the day's energy a meal with this planned share may carry. */
export function maxEnergyShare(plannedShare: number): number {
  const { factor, allowance } = PATTERN_LIMITS.energyShare;
  return Math.min(1, plannedShare * factor + allowance);
}

/** The grams from which a vegetable is a real amount on a plate: 75 g, or its usual portion if that is less. */
export function vegetableRealGrams(food: Pick<CatalogueFood, "default_portion_g">): number {
  return Math.min(PATTERN_LIMITS.vegetableMinGrams, food.default_portion_g);
}

/** True when the item can carry a snack on its own (fruit, dairy, a starch, a bar; nuts in a real amount). */
export function carriesSnack(role: PlateRole, grams: number): boolean {
  if (role === "fat") return grams >= PATTERN_LIMITS.snackFatMinGrams;
  return role !== "drink" && role !== "condiment";
}

/** A breakfast base: a starch, or a protein side (dairy, eggs). */
export function isBreakfastBase(role: PlateRole): boolean {
  return role === "starch" || role === "protein_side";
}

/** Lunch and dinner: the meals plated as protein, starch and vegetable. */
export function isPlatedMeal(type: MealType): boolean {
  return type === "lunch" || type === "dinner";
}

type Item = { food: CatalogueFood; grams: number; protein: number; kcal: number };

/**
 * The rules each meal of the day breaks (an empty list for a meal that meets
 * its pattern), in meal order. `shares` are the meals' planned shares of the
 * day's energy (meal slots); foods missing from `foods` are ignored.
 */
export function judgeDay(
  day: PlannedDay,
  foods: ReadonlyMap<string, CatalogueFood>,
  targets: PatternTargets,
  shares: readonly number[],
): BrokenRule[][] {
  const meals = day.meals.map((meal) => itemsOf(meal, foods));
  const dayProtein = meals.flat().reduce((sum, item) => sum + item.protein, 0);
  const dayKcal = meals.flat().reduce((sum, item) => sum + item.kcal, 0);
  return day.meals.map((meal, m) => {
    const items = meals[m] ?? [];
    const scale = portionScale(targets.calorieTarget, targets.mealsPerDay ?? Math.max(3, day.meals.length));
    const broken = judgeMeal(mealTypeOf(meal.name), items, targets, scale);
    const type = mealTypeOf(meal.name);
    const protein = items.reduce((sum, item) => sum + item.protein, 0);
    const kcal = items.reduce((sum, item) => sum + item.kcal, 0);
    const useful = usefulProteinGrams(targets);
    if (isMainMealType(type) && protein < useful - 0.5) {
      broken.push({ rule: "useful-protein", text: `${Math.round(protein)} g of protein, under ${useful} g` });
    }
    if (day.meals.length > 1 && dayProtein > 0 && protein > dayProtein * PATTERN_LIMITS.maxProteinShare + 0.5) {
      broken.push({
        rule: "protein-spread",
        text: `${Math.round((protein / dayProtein) * 100)} % of the day's protein in one meal`,
      });
    }
    const share = shares[m];
    if (share !== undefined && dayKcal > 0 && kcal > dayKcal * maxEnergyShare(share) + 1) {
      broken.push({
        rule: "energy-share",
        text: `${((kcal / dayKcal) * 100).toFixed(1)} % of the day's energy (at most ${(maxEnergyShare(share) * 100).toFixed(1)} %)`,
      });
    }
    return broken;
  });
}

/** The rules of the meal's own pattern (not the day's spread) that these items break. */
// Size: 63 lines: one check per pattern rule, listed together.
export function judgeMeal(type: MealType, items: readonly Item[], targets: PatternTargets, scale = 1): BrokenRule[] {
  const broken: BrokenRule[] = [];
  const roles = (role: PlateRole) => items.filter((item) => item.food.plate_role === role);
  const names = (list: readonly Item[]) => list.map((item) => shortFoodName(item.food)).join(", ");

  const unsuited = items.filter((item) => !suitsMeal(item.food, type));
  if (unsuited.length > 0) broken.push({ rule: "suits-meal", text: `${names(unsuited)} does not suit ${type}` });
  const capOf = (item: Item) => mealAmountCap(item.food, scale);
  const over = items.filter((item) => {
    const cap = capOf(item);
    return cap !== null && item.grams > cap + 0.5;
  });
  if (over.length > 0) {
    broken.push({
      rule: "per-meal-amount",
      text: over
        .map(
          (item) =>
            `${Math.round(item.grams)} g of ${shortFoodName(item.food)} (at most ${Math.round(capOf(item) ?? 0)} g)`,
        )
        .join(", "),
    });
  }
  const starches = roles("starch");
  if (starches.length > PATTERN_LIMITS.maxStarchesPerMeal) {
    broken.push({ rule: "two-starches-at-most", text: `${starches.length} starches (${names(starches)})` });
  }
  const sides = roles("protein_side");
  if (sides.length > PATTERN_LIMITS.maxProteinSidesPerMeal) {
    broken.push({ rule: "two-protein-sides-at-most", text: `${sides.length} protein sides (${names(sides)})` });
  }

  if (type === "breakfast" && !items.some((item) => isBreakfastBase(item.food.plate_role))) {
    broken.push({ rule: "breakfast-base", text: "no breakfast base (a breakfast starch, dairy or eggs)" });
  }
  if (isPlatedMeal(type)) {
    const mains = roles("main_protein");
    if (mains.length > PATTERN_LIMITS.maxMainProteinsPerMeal) {
      broken.push({ rule: "one-main-protein", text: `${mains.length} main proteins (${names(mains)})` });
    }
    if (mains.length === 0 && roles("protein_side").length === 0) {
      broken.push({ rule: "protein-food", text: "no protein food (meat, fish, tofu, eggs, dairy or legumes)" });
    }
    if (starchRequired(targets.macroSplit) && starches.length === 0) {
      broken.push({ rule: "starch", text: "no starch" });
    }
    if (!roles("vegetable").some((item) => item.grams >= vegetableRealGrams(item.food) - 0.5)) {
      broken.push({ rule: "vegetable", text: "no vegetable in a real amount (75 g, or its usual portion)" });
    }
  }
  if (type === "snack") {
    if (items.length > PATTERN_LIMITS.snackMaxFoods) {
      broken.push({ rule: "snack-size", text: `${items.length} foods (a snack has one or two)` });
    }
    if (!items.some((item) => carriesSnack(item.food.plate_role, item.grams))) {
      broken.push({
        rule: "snack-substance",
        text: `only ${[...new Set(items.map((item) => PLATE_ROLE_LABELS[item.food.plate_role]))].join(" and ")}`,
      });
    }
  }
  return broken;
}

function itemsOf(meal: PlannedMeal, foods: ReadonlyMap<string, CatalogueFood>): Item[] {
  return meal.items.flatMap((item) => {
    const food = foods.get(item.food_id);
    return food ? [{ food, grams: item.grams, protein: item.protein, kcal: item.kcal }] : [];
  });
}

/** Qualifiers a catalogue name carries that a dish name leaves out (how it was weighed or cooked, plain, raw). */
const UNSAID_QUALIFIERS =
  /^(raw|cooked|dry|dried|boiled|roasted|baked|broiled|grilled|steamed|prepared|plain|unsweetened|unflavoured|drained|meat only|lean only|without skin|with skin|flesh and skin|whole|regular|hulled|dry heat|moist heat|pan-broiled|pan-browned|frozen|ready-to-serve|salted|unsalted|seedless|hard|fresh|in skin|baked in skin|from recipe|prepared from recipe|nonfat|low fat|full fat|reduced fat|part-skim|whole milk|peeled|ripe|homemade|sliced|boneless|smooth|air-popped|whey-based|oats|soybean|blue|canned|\d.*%.*|.*\d+ ?%.*)$/i;

/**
 * A food's name as a person says it: the catalogue name's head with its one
 * telling qualifier in front ("Rice, white, long-grain, cooked" → "White
 * rice", "Cereal, corn flakes" → "Corn flakes cereal", "Chicken breast, meat
 * only, roasted" → "Chicken breast"), without parentheses.
 */
export function shortFoodName(food: Pick<CatalogueFood, "name">): string {
  const [head = food.name, ...qualifiers] = food.name.split(",").map((part) => part.trim());
  const name = head.replace(/\s*\([^)]*\)\s*/g, " ").trim() || food.name;
  const telling = qualifiers.find(
    (part) =>
      part !== "" &&
      !UNSAID_QUALIFIERS.test(part) &&
      part.split(" ").length <= 2 &&
      !part
        .toLowerCase()
        .split(" ")
        .some((word) => name.toLowerCase().includes(word)),
  );
  if (!telling) return name;
  return `${telling.charAt(0).toUpperCase()}${telling.slice(1)} ${keepsCapital(name) ? name : name.charAt(0).toLowerCase() + name.slice(1)}`;
}

/** Words that keep their capital inside a name or title ("Greek yogurt", "Atlantic salmon"). */
const PROPER_WORDS = new Set(["Greek", "Atlantic", "English", "French", "Swiss", "Brazil", "Medjool"]);

/** True when a name starts with a word that keeps its capital mid-sentence. */
export function keepsCapital(name: string): boolean {
  return PROPER_WORDS.has(name.split(" ")[0] ?? "");
}

/** The patterns as the prompt states them, one rule a line. */
export function patternRulesText(targets: PatternTargets): string[] {
  const useful = usefulProteinGrams(targets);
  const starch = starchRequired(targets.macroSplit) ? "a starch, " : "";
  return [
    "Each food lists the meals it suits (meals:) and its role on the plate (role:); serve a food only at a meal it suits.",
    "Breakfast: a breakfast starch or a dairy/egg base, optional fruit; never main-course meat or fish.",
    `Lunch and dinner: one main protein (a second protein only as a small side), ${starch}at least one vegetable of ${PATTERN_LIMITS.vegetableMinGrams} g or more (or its usual portion), an optional fat.`,
    "Snacks: one or two foods from fruit, dairy, nuts or snack foods; never only fats, drinks or condiments.",
    `Every breakfast, lunch and dinner carries at least ${useful} g of protein; no meal carries half the day's protein or a disproportionate share of its calories.`,
    "At most two starches and two protein sides (eggs, dairy, legumes) per meal; milks and drinks, oils, nuts, powders and condiments within their per-meal amount (max/meal:); protein powders only at breakfast or snacks.",
  ];
}
