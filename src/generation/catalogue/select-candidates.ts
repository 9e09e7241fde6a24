import type { MacroSplit } from "@/generation/generation-config";
import { starchRequired } from "@/generation/meals/meal-patterns";
import { coverage, isFatDense, meetsNeed } from "@/generation/meals/week-menu";
import { energyShares } from "@/generation/nutrition/macros";
import { seededOrder } from "@/generation/shared/stable-hash";
import { type CatalogueFood, FOOD_GROUPS, type FoodGroup, familyKey, uniqueFoods } from "./catalogue";
import { fitsRestrictions, type Restrictions } from "./food-restrictions";

/** A plan asking for at least this share of energy from protein is "high-protein". */
const HIGH_PROTEIN_PCT = 35;
const PROTEIN_BEARING: ReadonlySet<FoodGroup> = new Set(["protein", "dairy", "snack"]);
/** A plan asking for at least this share of energy from fat is "high-fat" (keto, low-carb). */
const HIGH_FAT_PCT = 45;

/** At least 45 % of the food's energy comes from fat (salmon, whole eggs, cheese, regular tofu). */
function isFatRich(food: CatalogueFood): boolean {
  return energyShares(food).fat_pct >= 45;
}

/** At least 40 % of the food's energy comes from protein (chicken, fish, tofu, skyr; not beans). */
function isProteinDense(food: CatalogueFood): boolean {
  return energyShares(food).protein_pct >= 40;
}

const FAT_DENSE_QUOTA = 2;

/**
 * How many foods of each group go into the prompt. ~55 foods keeps the prompt
 * small (roughly 2k tokens of catalogue) while leaving enough choice for a
 * 28-day plan to rotate.
 */
export const TARGET_GROUPS: Readonly<Record<FoodGroup, number>> = {
  breakfast: 6,
  protein: 10,
  starch: 8,
  vegetable: 10,
  fruit: 6,
  dairy: 5,
  fat: 5,
  snack: 5,
};

/**
 * At most this many foods of one family (e.g. two 'chicken' items) so a
 * group's slots are not all variations of the same food.
 */
export const FAMILY_CAP = 2;

export type SelectCandidatesOptions = {
  /** Makes the choice reproducible (use the generation id); a different seed varies the menu. */
  seed: string;
  targetGroups?: Readonly<Record<FoodGroup, number>>;
};

/**
 * The foods the model may use for one plan. Restrictions are applied FIRST,
 * so a forbidden food can never take a slot; then each group is filled in a
 * seeded order (protein-dense foods promoted, see below), first with one food
 * per family (variety), then up to the family cap. Pass the PlanSpec as
 * `plan` so its macro split is seen. Output is sorted by group and name so
 * the prompt is stable. Then any need of the meal patterns the groups left
 * unmet (no breakfast protein, one starch for lunch and dinner) is filled.
 */
export function selectCandidates(
  catalogue: readonly CatalogueFood[],
  plan: Restrictions & { macroSplit?: MacroSplit },
  options: SelectCandidatesOptions,
): CatalogueFood[] {
  const targets = options.targetGroups ?? groupsForSplit(plan.macroSplit);
  const allowed = uniqueFoods(catalogue).filter((food) => fitsRestrictions(food, plan));
  const highProtein = (plan.macroSplit?.protein_pct ?? 0) >= HIGH_PROTEIN_PCT;
  const highFat = (plan.macroSplit?.fat_pct ?? 0) >= HIGH_FAT_PCT;

  const chosen: CatalogueFood[] = [];
  for (const group of FOOD_GROUPS) {
    const seeded = seededOrder(
      allowed.filter((food) => food.food_group === group),
      `${options.seed}:${group}`,
      (food) => food.id,
    );
    const count = targets[group];
    // Protein-dense foods first, up to a quota: most of the protein group
    // (beans alone cannot carry a plan's protein), and every protein-bearing
    // group's slots when the plan is high-protein.
    const quota = highProtein && PROTEIN_BEARING.has(group) ? count : group === "protein" ? Math.ceil(count * 0.6) : 0;
    // Two of the fats are nearly all fat (a cooking oil, butter): what a big day's fat share is made of.
    // A high-fat plan's proteins and dairy are its fat too: fat-rich ones first (salmon, eggs, cheese).
    const dense =
      group === "fat"
        ? seeded.filter(isFatDense).slice(0, FAT_DENSE_QUOTA)
        : highFat && (group === "protein" || group === "dairy")
          ? seeded.filter(isFatRich).slice(0, group === "dairy" ? count : quota)
          : seeded.filter(isProteinDense).slice(0, quota);
    const ordered = [...dense, ...seeded.filter((food) => !dense.includes(food))];
    chosen.push(...pickVaried(ordered, count, FAMILY_CAP));
  }
  // Every meal pattern must be possible from the list: a breakfast protein, two lunch and dinner starches
  // and vegetables, ... (the coverage a 30-food week holds), whatever the groups brought.
  for (const need of coverage(30)) {
    const meeting = (food: CatalogueFood) => meetsNeed(food, need);
    const missing = need.count - chosen.filter(meeting).length;
    if (missing <= 0) continue;
    const extra = seededOrder(
      allowed.filter((food) => meeting(food) && !chosen.includes(food)),
      `${options.seed}:${need.type}:${need.role}`,
      (food) => food.id,
    );
    chosen.push(...extra.slice(0, missing));
  }
  return chosen.sort(
    (a, b) =>
      FOOD_GROUPS.indexOf(a.food_group) - FOOD_GROUPS.indexOf(b.food_group) ||
      a.name.localeCompare(b.name) ||
      (a.id < b.id ? -1 : 1),
  );
}

/**
 * The group sizes for a split: a plan too low in carbohydrate to need a
 * starch at every meal (meal-patterns.ts starchRequired) trades most of its
 * starches for fats, so the list the model reads leans the way the plan does.
 */
function groupsForSplit(split: MacroSplit | undefined): Readonly<Record<FoodGroup, number>> {
  if (!split || starchRequired(split)) return TARGET_GROUPS;
  return {
    ...TARGET_GROUPS,
    starch: LOW_CARB_STARCHES,
    fat: TARGET_GROUPS.fat + TARGET_GROUPS.starch - LOW_CARB_STARCHES,
  };
}

/** Starches a low-carbohydrate plan's list keeps: a breakfast's and a few for the days that have room. */
const LOW_CARB_STARCHES = 3;

/** Take up to `count` foods: one per family first, then more per family up to its cap. */
function pickVaried(ordered: readonly CatalogueFood[], count: number, familyCap: number): CatalogueFood[] {
  const picked: CatalogueFood[] = [];
  const perFamily = new Map<string, number>();
  for (let round = 1; round <= familyCap && picked.length < count; round++) {
    for (const food of ordered) {
      if (picked.length >= count) break;
      const family = familyKey(food);
      const used = perFamily.get(family) ?? 0;
      if (picked.includes(food) || used >= round) continue;
      picked.push(food);
      perFamily.set(family, used + 1);
    }
  }
  return picked;
}
