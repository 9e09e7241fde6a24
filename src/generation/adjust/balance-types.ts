import type { CatalogueFood } from "@/generation/catalogue/catalogue";
import type { Restrictions } from "@/generation/catalogue/food-restrictions";
import type { GenerationConfig, MacroSplit } from "@/generation/generation-config";
import type { MealMiss } from "@/generation/meals/meal-patterns";
import type { PlannedDay } from "@/generation/nutrition/planned-day";
import type { MacroMiss } from "./day-misses";
import type { LinearProgramSolver } from "./linear-program";

/** What the balance step is given and gives back, for one day (balance-day.ts) and a plan's days (balance-plan.ts). */

/** A day's targets; `mealsPerDay` (the plan's) sizes usual portions and names the meals a day should have. */
export type BalanceTargets = { calorieTarget: number; macroSplit: MacroSplit; mealsPerDay?: number };

/** A food the balance step brought into the day, or took out of it. */
export type DayChange = { kind: "added" | "dropped"; foodId: string; meal: string };

export type BalancedDay = {
  /**
   * false when no foods and portions within bounds reach the calorie target:
   * the day comes back unchanged (in the workflow it is already within 3 %,
   * from the scale and dedup steps).
   */
  solved: boolean;
  day: PlannedDay;
  /** null when every macro is within the tolerance of the split. */
  miss: MacroMiss | null;
  /** Foods brought in or taken out, meal by meal (empty when only grams moved). */
  changes: DayChange[];
  /** Meal rules the day could not meet with the foods at hand, and why (empty when every meal meets its pattern). */
  mealMisses: MealMiss[];
};

export type BalanceOptions = {
  /**
   * Foods that may be brought in (the run's candidates, already fitting the
   * plan). Without them the day's own foods are only re-portioned, or dropped.
   */
  candidates?: readonly CatalogueFood[];
  /** The plan's diet, allergies and dislikes: a food breaking them is never brought in. */
  restrictions?: Restrictions;
  /** Keep every food of the day (a coach's swap: the coach chose them); only grams move. */
  keepFoods?: boolean;
  /** Items ("meal name:item index") whose food and grams stay as they are (leftovers); by name, since a meal the day lacked may be put back before them. */
  fixedItems?: ReadonlySet<string>;
  /** The week's menu (week-menu.ts): a food outside it is dropped, unless it must stay. */
  menu?: ReadonlySet<string>;
  config?: GenerationConfig;
  /** The solver (default: HiGHS with DEFAULT_SOLVER_OPTIONS); the benchmark compares settings with it. */
  solver?: LinearProgramSolver;
};

/** What one day's solve needs besides its slots. */
export type DayContext = {
  solve: LinearProgramSolver;
  day: PlannedDay;
  foods: ReadonlyMap<string, CatalogueFood>;
  candidates: readonly CatalogueFood[];
  targets: BalanceTargets;
  config: GenerationConfig;
  /** Usual portions on this day, as a multiple of the catalogue's (meals/usual-portion.ts). */
  scale: number;
};

/** A day the program solved, before its meal misses and changes are added. */
export type SolvedDay = Omit<BalancedDay, "mealMisses" | "changes">;
