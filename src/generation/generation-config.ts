import type { FoodGroup } from "@/generation/catalogue/catalogue";

// The pure core's tunable defaults (model choice, output budgets, tolerances,
// portion bounds, defaults and caps on free text), in one table so a reviewer sees
// them together and tests and the env mapping override them in one place. The
// workflow engine's limits (retries, concurrency, step budget) are in inngest.config.ts.

export type MacroSplit = { protein_pct: number; carb_pct: number; fat_pct: number };

export type GenerationConfig = {
  models: {
    /** Plans of up to 3 days: the original route uses Sonnet, whose quality matters most when output is small. */
    shortPlan: string;
    /** Plans of 4+ days: the original route uses Haiku, fast enough for long outputs within the step budget. */
    longPlan: string;
  };
  maxTokens: {
    /** A 1-day plan (the original route: 2048). */
    oneDay: number;
    /** 2 to 4 days (the original route: 4096). */
    upToFourDays: number;
    /** 5+ days (the original route: 8192). */
    longer: number;
  };
  /** FIRST_PASS_MAX in the original route: pass one plans days 1..5, pass two the rest. */
  firstPassMaxDays: number;
  /**
   * "two": the original route's passes (pass two is told what pass one used, so it waits
   * for it). "one": variety planned up front (one-wave.ts), every chunk at once.
   */
  waves: "one" | "two";
  /** The original route's calorie scaler: a day is rescaled when |target/actual - 1| exceeds this (3 %). */
  calorieTolerance: number;
  /**
   * A day the model planned so far off target that it would need scaling outside
   * this factor range is rejected (retryably): what is left of it is not a day
   * (most of its items had unknown ids, or were repeats). Within the range the
   * balance step repairs the day, bringing foods in where scaling alone would
   * blow portions up (one apple is never scaled to 2000 kcal: portions stay
   * within balance.portionFactor).
   */
  plausibleScaleRange: { min: number; max: number };
  /**
   * The balance step (and the offline planner's portions): each day is
   * re-solved as one mixed-integer program (HiGHS) that keeps its calories on
   * target and every macro within the tolerance of the split, with a protein
   * food at every main meal, staying as close as it can to the foods and grams
   * chosen (portion-program.ts).
   */
  balance: {
    /** Hard: no item under or over these multiples of its food's usual portion. */
    portionFactor: { min: number; max: number };
    /** Soft: portions are kept within these multiples of the usual portion unless a rule needs otherwise. */
    naturalPortionFactor: { min: number; max: number };
    /** No item is planned below this (a 2 g garnish is not a portion). */
    minItemGrams: number;
    /** Largest sensible portion per food group, in grams (a plate, not a pot). */
    maxGramsByGroup: Readonly<Record<FoodGroup, number>>;
    /** The program keeps kcal this close to target, so rounding grams leaves a saved day within 1 %. */
    calorieBand: number;
    /** A day whose worst macro is further than this from the split (in energy points) misses it. */
    macroTolerancePoints: number;
    /**
     * The program aims every macro within this many points: a margin under the
     * tolerance, so rounding grams to presentable portions (or another
     * reader's energy denominator) does not put a day at 4.9 over 5.
     */
    macroAimPoints: number;
    /**
     * A day already within this many points of the split (and meeting every
     * other rule) is left as it is: between the aim and the tolerance, so a
     * balanced day is never solved twice, and no day is kept at 4.9.
     */
    macroKeepPoints: number;
  };
  /** Most grams one item may weigh: the model's answer is rejected above it and scaling never exceeds it (meal_plan_items.grams allows 0 < g <= 2000). */
  maxItemGrams: number;
  /** Values used when neither the request nor the stored plan gives one. */
  defaults: {
    /** kcal/day. */
    calorieTarget: number;
    /** Percent of energy; must add up to 100. */
    macroSplit: MacroSplit;
    /** Breakfast, lunch, dinner. */
    mealsPerDay: number;
    /** Distinct foods a week may use: a shopping list of about 30 items. */
    foodsPerWeek: number;
  };
  /** Caps on free text that reaches the prompt (defence against huge or hostile input). */
  limits: {
    /** Each extra intake_data value, serialised. */
    extraValueMaxChars: number;
    /** Number of intake_data keys the code does not understand. */
    maxExtraKeys: number;
    /** Length of an extra key's name. */
    extraKeyMaxChars: number;
    /** intake_data.notes. */
    notesMaxChars: number;
    /** goal (intake or legacy). */
    goalMaxChars: number;
    /** Legacy dietary_restrictions free text. */
    legacyRestrictionsMaxChars: number;
  };
};

export const DEFAULT_GENERATION_CONFIG: GenerationConfig = {
  models: { shortPlan: "claude-sonnet-4-6", longPlan: "claude-haiku-4-5-20251001" },
  maxTokens: { oneDay: 2048, upToFourDays: 4096, longer: 8192 },
  firstPassMaxDays: 5,
  waves: "two",
  calorieTolerance: 0.03,
  plausibleScaleRange: { min: 0.1, max: 10 },
  balance: {
    portionFactor: { min: 0.25, max: 3 },
    naturalPortionFactor: { min: 0.5, max: 2 },
    minItemGrams: 5,
    maxGramsByGroup: {
      breakfast: 400,
      protein: 350,
      starch: 450,
      vegetable: 400,
      fruit: 350,
      dairy: 500,
      fat: 100,
      snack: 150,
    },
    calorieBand: 0.008,
    macroTolerancePoints: 5,
    macroAimPoints: 2.5,
    macroKeepPoints: 4,
  },
  maxItemGrams: 2000,
  defaults: {
    calorieTarget: 2000,
    macroSplit: { protein_pct: 30, carb_pct: 40, fat_pct: 30 },
    mealsPerDay: 3,
    foodsPerWeek: 30,
  },
  limits: {
    extraValueMaxChars: 500,
    maxExtraKeys: 20,
    extraKeyMaxChars: 60,
    notesMaxChars: 2000,
    goalMaxChars: 500,
    legacyRestrictionsMaxChars: 500,
  },
};

/** Override only the model names (what the env mapping needs) and keep every other default. */
export function withModels(
  models: Partial<GenerationConfig["models"]>,
  base = DEFAULT_GENERATION_CONFIG,
): GenerationConfig {
  return { ...base, models: { ...base.models, ...models } };
}

/**
 * Model and output budget for a plan, preserved from the original route:
 *   model     = requestedDays <= 3 ? "claude-sonnet-4-6" : "claude-haiku-4-5-20251001"
 *   maxTokens = requestedDays <= 1 ? 2048 : requestedDays <= 4 ? 4096 : 8192
 * `requestedDays` is the plan's total length (as in the original route), not the pass's,
 * so both passes of a plan use the same model and budget.
 */
export function chooseModel(
  requestedDays: number,
  config: GenerationConfig = DEFAULT_GENERATION_CONFIG,
): { model: string; maxTokens: number } {
  const model = requestedDays <= 3 ? config.models.shortPlan : config.models.longPlan;
  const maxTokens =
    requestedDays <= 1
      ? config.maxTokens.oneDay
      : requestedDays <= 4
        ? config.maxTokens.upToFourDays
        : config.maxTokens.longer;
  return { model, maxTokens };
}
