import type { CatalogueFood } from "@/generation/catalogue/catalogue";
import { DEFAULT_GENERATION_CONFIG, type GenerationConfig } from "@/generation/generation-config";
import { isPlatedMeal, mealAmountCap, PATTERN_LIMITS, vegetableRealGrams } from "@/generation/meals/meal-patterns";
import type { MealType } from "@/generation/meals/plate";
import { type PortionRange, portionRange } from "./portion-program";

/**
 * How many grams of a food an item may weigh. Bounds are multiples of the
 * food's usual portion scaled to the day (meals/usual-portion.ts): never under
 * 0.25x or over 3x (hard), kept within 0.5x-2x (natural) unless a rule needs
 * more. At a meal, a food's per-meal amount caps both, a lunch or dinner's
 * vegetable is at least a real amount, and nuts carry a snack only in one.
 */

/** The hard bounds of a food's portion: 0.25x-3x of its usual portion on this day, within group and item limits. */
export function hardRange(
  food: CatalogueFood,
  config: GenerationConfig = DEFAULT_GENERATION_CONFIG,
  scale = 1,
): PortionRange {
  return portionRange(
    { ...food, default_portion_g: food.default_portion_g * scale },
    {
      factor: config.balance.portionFactor,
      minGrams: config.balance.minItemGrams,
      maxGramsForGroup: config.balance.maxGramsByGroup[food.food_group],
      maxGrams: config.maxItemGrams,
    },
  );
}

/** The range a portion looks natural in (0.5x-2x of its usual portion on this day), inside the hard bounds. */
export function naturalRange(
  food: CatalogueFood,
  config: GenerationConfig = DEFAULT_GENERATION_CONFIG,
  scale = 1,
): PortionRange {
  const hard = hardRange(food, config, scale);
  const usual = food.default_portion_g * scale;
  const upper = Math.min(hard.upper, usual * config.balance.naturalPortionFactor.max);
  const lower = Math.min(upper, Math.max(hard.lower, usual * config.balance.naturalPortionFactor.min));
  return { lower, upper };
}

/** A food's bounds and natural range at a meal of this type: the meal's rules applied to both. */
export function rangesAtMeal(
  food: CatalogueFood,
  type: MealType | undefined,
  config: GenerationConfig,
  scale: number,
): { bounds: PortionRange; natural: PortionRange } {
  const bounds = atMeal(hardRange(food, config, scale), food, type, scale);
  const natural = atMeal(naturalRange(food, config, scale), food, type, scale);
  // The natural range never leaves the bounds the meal set.
  const lower = Math.min(bounds.upper, Math.max(bounds.lower, natural.lower));
  return { bounds, natural: { lower, upper: Math.max(lower, Math.min(bounds.upper, natural.upper)) } };
}

function atMeal(range: PortionRange, food: CatalogueFood, type: MealType | undefined, scale: number): PortionRange {
  let { lower, upper } = range;
  const cap = mealAmountCap(food, scale);
  if (cap !== null) {
    upper = Math.min(upper, cap);
    lower = Math.min(lower, upper);
  }
  const atLeast = (grams: number) => {
    if (grams <= upper) lower = Math.max(lower, grams);
  };
  if (type !== undefined && isPlatedMeal(type) && food.plate_role === "vegetable") atLeast(vegetableRealGrams(food));
  if (type === "snack" && food.plate_role === "fat") atLeast(PATTERN_LIMITS.snackFatMinGrams);
  return { lower, upper };
}
