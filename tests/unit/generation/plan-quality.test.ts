import { beforeAll, describe, expect, it } from "vitest";
import { balanceDays } from "@/generation/adjust/balance-day";
import { type CatalogueFood, indexFoodsById } from "@/generation/catalogue/catalogue";
import type { IntakeData } from "@/generation/intake/intake";
import { resolvePlanSpec } from "@/generation/intake/resolve-plan-spec";
import { plannedItem } from "@/generation/nutrition/item-nutrition";
import type { PlannedDay } from "@/generation/nutrition/planned-day";
import { CARELESS_KINDS, type CarelessKind, carelessModel } from "../../support/careless-models";
import { measurePlan, type PlanQuality, QUALITY_RULES } from "../../support/plan-quality";
import { EVALUATION_DISLIKES, seedCatalogue, seedFoodIds } from "../../support/seed-catalogue";
import { runWorkflowInMemory } from "../../support/workflow-in-memory";

/**
 * The plan a coach would send as it is, whatever the model answers: the
 * workflow's own story (in memory) with the offline planner and with every
 * careless model (tests/support/careless-models.ts), over intakes that are
 * hard for different reasons. Each rule is one test, measured as
 * `npm run eval:planner` measures it (tests/support/plan-quality.ts).
 */

const catalogue = seedCatalogue();

const INTAKES: { label: string; intake: IntakeData }[] = [
  { label: "omnivore 2000", intake: { calorie_target: 2000 } },
  {
    label: "vegan 40 % protein 2200",
    intake: { calorie_target: 2200, diet: ["vegan"], macro_split: { protein_pct: 40, carb_pct: 35, fat_pct: 25 } },
  },
  {
    label: "nut allergy 3000, 5 meals",
    intake: { calorie_target: 3000, allergies: ["peanut", "tree_nut"], meals_per_day: 5 },
  },
  {
    label: "dislikes oats, bread, yogurt, salmon, chicken, mushrooms",
    intake: {
      calorie_target: 1800,
      disliked_foods: seedFoodIds(EVALUATION_DISLIKES),
    },
  },
];
const PLANNERS: readonly ("offline" | CarelessKind)[] = ["offline", ...CARELESS_KINDS];

type Measured = { label: string; quality: PlanQuality };
const plans: Measured[] = [];
/**
 * Plans on their macros but not yet balanced, so the solver really runs on
 * them: each offline plan's days before balance (already balanced by the
 * offline planner, so balance would leave them untouched) with every portion
 * 6 % larger, off the calorie band but on the split, balanced as the
 * `balance` step balances them.
 */
const onMacrosOffCalories: Measured[] = [];
const foods = indexFoodsById(catalogue);

/** Every portion of the days `factor` times as large (the macro shares stay, the calories move). */
function scaledDays(days: readonly PlannedDay[], factor: number): PlannedDay[] {
  return days.map((day) => ({
    day: day.day,
    meals: day.meals.map((meal) => ({
      name: meal.name,
      items: meal.items.map((item) => plannedItem(foods.get(item.food_id) as CatalogueFood, item.grams * factor)),
    })),
  }));
}

beforeAll(async () => {
  for (const planner of PLANNERS) {
    for (const [index, { label, intake }] of INTAKES.entries()) {
      const stored = { plan_length_days: 7, intake_data: intake };
      const spec = resolvePlanSpec(stored, {});
      const run = await runWorkflowInMemory({
        stored,
        catalogue,
        generationId: `quality-${index}`,
        stepBudgetSeconds: 20,
        ...(planner === "offline" ? {} : { model: carelessModel(planner) }),
      });
      const saved = run.saved?.days ?? [];
      expect(saved).toHaveLength(7);
      if (planner === "offline") {
        const pass = run.passes[0];
        const before = scaledDays(run.steps.dedup as PlannedDay[], 1.06);
        const balanced = await balanceDays(before, foods, spec, {
          candidates: pass?.candidates ?? [],
          ...(pass ? { restrictions: pass.restrictions } : {}),
        });
        onMacrosOffCalories.push({
          label: `offline x1.06, ${label}`,
          quality: measurePlan(
            balanced.map((result) => result.day),
            before,
            spec,
            { diet: spec.diet, allergies: spec.allergies, dislikedFoodIds: spec.dislikedFoodIds },
            catalogue,
          ),
        });
      }
      plans.push({
        label: `${planner}, ${label}`,
        quality: measurePlan(
          saved,
          run.steps.dedup as PlannedDay[],
          spec,
          { diet: spec.diet, allergies: spec.allergies, dislikedFoodIds: spec.dislikedFoodIds },
          catalogue,
        ),
      });
    }
  }
}, 180_000);

/** The plans (with their figure) that break a rule, for a failure message that names them. */
function breaking(figure: (quality: PlanQuality) => number, ok: (value: number) => boolean): string[] {
  return plans.flatMap(({ label, quality }) => {
    const value = figure(quality);
    return ok(value) ? [] : [`${label}: ${value.toFixed(2)}`];
  });
}

describe("a plan a coach would send as it is, whatever the model answers", () => {
  it(`lands every day within ${QUALITY_RULES.maxKcalErrorPct} % of its calories`, () => {
    expect(
      breaking(
        (q) => q.worstKcalErrorPct,
        (v) => v <= QUALITY_RULES.maxKcalErrorPct,
      ),
    ).toEqual([]);
  });

  it(`keeps every macro of every day within ${QUALITY_RULES.maxMacroPoints} points of the split`, () => {
    expect(
      breaking(
        (q) => q.worstMacroPoints,
        (v) => v <= QUALITY_RULES.maxMacroPoints,
      ),
    ).toEqual([]);
  });

  it("contains no food that breaks the diet or allergies", () => {
    expect(
      breaking(
        (q) => q.restrictionViolations,
        (v) => v === 0,
      ),
    ).toEqual([]);
  });

  it("contains no food the client dislikes, nor one of its family", () => {
    expect(
      breaking(
        (q) => q.dislikeViolations,
        (v) => v === 0,
      ),
    ).toEqual([]);
  });

  it("keeps at least 90 % of portions within 0.5x-2x of the usual portion", () => {
    expect(
      breaking(
        (q) => q.naturalShare,
        (v) => v >= QUALITY_RULES.minNaturalShare,
      ),
    ).toEqual([]);
  });

  it("never serves a portion under 0.25x or over 3x of the usual portion", () => {
    expect(
      breaking(
        (q) => q.outsideHardItems,
        (v) => v === 0,
      ),
    ).toEqual([]);
  });

  it("puts a protein food in at least 95 % of breakfasts, lunches and dinners", () => {
    expect(
      breaking(
        (q) => q.mainMealsWithProteinShare,
        (v) => v >= QUALITY_RULES.minMainMealsWithProtein,
      ),
    ).toEqual([]);
  });

  it("serves at least 10 distinct foods a week", () => {
    expect(
      breaking(
        (q) => q.minDistinctPer7Days,
        (v) => v >= QUALITY_RULES.minDistinctPer7Days,
      ),
    ).toEqual([]);
  });

  it("changes at most one food a day on average in a plan that was already on its macros", () => {
    // As planned, the offline plans are already balanced (balance leaves them be); 6 % over their calories,
    // on their split, they make the solver choose between moving grams and changing foods.
    expect(onMacrosOffCalories.map(({ quality }) => quality.metBeforeBalance)).toEqual(INTAKES.map(() => true));
    expect(onMacrosOffCalories.every(({ quality }) => quality.worstKcalErrorPct <= QUALITY_RULES.maxKcalErrorPct)).toBe(
      true,
    );
    const met = [...plans, ...onMacrosOffCalories].filter(({ quality }) => quality.metBeforeBalance);
    expect(met.length).toBeGreaterThan(0);
    expect(
      met.flatMap(({ label, quality }) =>
        quality.meanChangedFoods <= QUALITY_RULES.maxMeanChangesWhenAlreadyMet
          ? []
          : [`${label}: ${quality.meanChangedFoods}`],
      ),
    ).toEqual([]);
  });
});
