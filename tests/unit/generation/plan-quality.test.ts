import { beforeAll, describe, expect, it } from "vitest";
import { balanceDays } from "@/generation/adjust/balance-plan";
import { type CatalogueFood, indexFoodsById } from "@/generation/catalogue/catalogue";
import { DEFAULT_GENERATION_CONFIG } from "@/generation/generation-config";
import type { IntakeData } from "@/generation/intake/intake";
import { resolvePlanSpec } from "@/generation/intake/resolve-plan-spec";
import { plannedItem } from "@/generation/nutrition/item-nutrition";
import type { PlannedDay } from "@/generation/nutrition/planned-day";
import { CARELESS_KINDS, type CarelessKind, carelessModel } from "../../support/careless-models";
import { brokenRulesText, measurePlan, type PlanQuality, QUALITY_RULES } from "../../support/plan-quality";
import { EVALUATION_DISLIKES, seedCatalogue, seedFoodIds } from "../../support/seed-catalogue";
import { runWorkflowInMemory } from "../../support/workflow-in-memory";

/**
 * The plan a coach would send as it is, whatever the model answers: the
 * workflow's own story (in memory) with the offline planner and with every
 * careless model (tests/support/careless-models.ts, built from the raw
 * candidates), over small intakes that are hard for different reasons and
 * one 7-day plan for the week's bound on distinct foods. Each rule is one
 * test, measured as `npm run eval:planner` measures it
 * (tests/support/plan-quality.ts); a failure names each plan that breaks the
 * rule, and for the meal patterns the meals themselves.
 */

const catalogue = seedCatalogue();

const INTAKES: { label: string; days: number; intake: IntakeData }[] = [
  { label: "omnivore 2000, 3 days", days: 3, intake: { calorie_target: 2000 } },
  {
    label: "vegan 40 % protein 2200, 2 days",
    days: 2,
    intake: { calorie_target: 2200, diet: ["vegan"], macro_split: { protein_pct: 40, carb_pct: 35, fat_pct: 25 } },
  },
  {
    label: "nut allergy 3000, 5 meals, 2 days",
    days: 2,
    intake: { calorie_target: 3000, allergies: ["peanut", "tree_nut"], meals_per_day: 5 },
  },
  {
    label: "dislikes oats, bread, yogurt, salmon, chicken, mushrooms, 1800, 2 days",
    days: 2,
    intake: { calorie_target: 1800, disliked_foods: seedFoodIds(EVALUATION_DISLIKES) },
  },
  {
    label: "leftovers 2000, 4 meals, 2 days",
    days: 2,
    intake: { calorie_target: 2000, meals_per_day: 4, leftovers: true },
  },
  { label: "20 foods a week 1800, 7 days", days: 7, intake: { calorie_target: 1800, foods_per_week: 20 } },
];
const PLANNERS: readonly ("offline" | CarelessKind)[] = ["offline", ...CARELESS_KINDS];

type Measured = {
  label: string;
  planner: "offline" | CarelessKind;
  days: number;
  saved: number;
  quality: PlanQuality;
  /** Why the workflow failed the plan, when it did. */
  error?: string;
  /** The days as balance found them, measured (the plans balanced here). */
  before?: PlanQuality;
};
const plans: Measured[] = [];
/**
 * Plans on their macros but not yet balanced, so the solver really runs on
 * them: each offline plan's days before balance (already balanced by the
 * offline planner, so balance would leave them untouched) with every portion
 * 6 % larger (within its per-meal amount), off the calorie band but on the
 * split and the meal patterns, balanced as the
 * `balance` step balances them.
 */
const onMacrosOffCalories: Measured[] = [];
const foods = indexFoodsById(catalogue);

/** Every portion of the days `factor` times as large, within its per-meal amount (the macro shares stay, the calories move). */
function scaledDays(days: readonly PlannedDay[], factor: number): PlannedDay[] {
  return days.map((day) => ({
    day: day.day,
    meals: day.meals.map((meal) => ({
      name: meal.name,
      items: meal.items.map((item) => {
        const food = foods.get(item.food_id) as CatalogueFood;
        // An oil or a milk already at its per-meal amount stays there, so the meal still meets its pattern.
        return plannedItem(food, Math.min(item.grams * factor, food.max_per_meal_g ?? Number.POSITIVE_INFINITY));
      }),
    })),
  }));
}

beforeAll(async () => {
  for (const planner of PLANNERS) {
    for (const [index, { label, days, intake }] of INTAKES.entries()) {
      const stored = { plan_length_days: days, intake_data: intake };
      const spec = resolvePlanSpec(stored, {});
      let run: Awaited<ReturnType<typeof runWorkflowInMemory>>;
      try {
        run = await runWorkflowInMemory({
          stored,
          catalogue,
          generationId: `quality-${index}`,
          stepBudgetSeconds: 20,
          ...(planner === "offline" ? {} : { model: carelessModel(planner) }),
        });
      } catch (error) {
        // A plan the workflow failed is measured as saved with no days; the first test names the error.
        const quality = measurePlan([], undefined, spec, catalogue);
        plans.push({
          label: `${planner}, ${label}`,
          planner,
          days,
          saved: 0,
          quality,
          error: (error as Error).message,
        });
        continue;
      }
      const saved = run.saved?.days ?? [];
      if (planner === "offline") {
        const pass = run.passes[0];
        const before = scaledDays(run.steps.dedup as PlannedDay[], 1.06);
        const balanced = await balanceDays(before, foods, spec, {
          candidates: pass?.candidates ?? [],
          ...(pass ? { restrictions: pass.restrictions } : {}),
        });
        onMacrosOffCalories.push({
          label: `offline x1.06, ${label}`,
          planner,
          days,
          saved: balanced.length,
          before: measurePlan(before, undefined, spec, catalogue),
          quality: measurePlan(
            balanced.map((result) => result.day),
            before,
            spec,
            catalogue,
          ),
        });
      }
      plans.push({
        label: `${planner}, ${label}`,
        planner,
        days,
        saved: saved.length,
        quality: measurePlan(saved, run.steps.dedup as PlannedDay[] | undefined, spec, catalogue),
      });
    }
  }
}, 240_000);

/** The plans (with their figure) that break a rule, for a failure message that names them. */
function breaking(
  figure: (quality: PlanQuality) => number,
  ok: (value: number, quality: PlanQuality) => boolean,
  which: readonly Measured[] = plans,
): string[] {
  return which.flatMap(({ label, quality }) => {
    const value = figure(quality);
    return ok(value, quality) ? [] : [`${label}: ${Number.isInteger(value) ? value : value.toFixed(3)}`];
  });
}

/** Plans whose meals meet their pattern less often than `share`, each with its broken rules and worst meals. */
function mealsOffPattern(which: readonly Measured[], share: number): string[] {
  return which.flatMap(({ label, quality }) =>
    quality.mealPatternShare >= share
      ? []
      : [
          `${label}: ${quality.mealsMeetingPattern} of ${quality.meals} meals (${brokenRulesText(quality)})`,
          ...quality.worstMeals.map((meal) => `  ${meal.text}`),
        ],
  );
}

describe("a plan a coach would send as it is, whatever the model answers", () => {
  it("saves every day asked, whatever dish text the model wrote (a link, 300 characters, a number, HTML)", () => {
    expect(
      plans
        .filter((plan) => plan.saved !== plan.days)
        .map(({ label, saved, error }) => `${label}: ${saved} days saved${error ? `, failed: ${error}` : ""}`),
    ).toEqual([]);
  });

  it("saves no link and no markup in a dish title or preparation", () => {
    expect(
      breaking(
        (q) => q.unsafeTexts,
        (v) => v === 0,
      ),
    ).toEqual([]);
  });

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

  it("keeps at least 95 % of each planner's portions within 0.5x-2x of the usual portion scaled to the day", () => {
    // Per planner over its plans, as the meal rule: a 2-day vegan plan at 40 % protein has a dozen items, and
    // its protein foods must be large to carry the split (each still within 3x, as the next rule holds).
    const unnatural = PLANNERS.flatMap((planner) => {
      const days = plans.filter((plan) => plan.planner === planner).flatMap((plan) => plan.quality.days);
      const items = days.reduce((sum, day) => sum + day.items, 0);
      const natural = days.reduce((sum, day) => sum + day.naturalItems, 0);
      return natural >= items * QUALITY_RULES.minNaturalShare ? [] : [`${planner}: ${natural} of ${items} items`];
    });
    expect(unnatural).toEqual([]);
  });

  it("never serves a portion under 0.25x or over 3x of the usual portion scaled to the day", () => {
    expect(
      breaking(
        (q) => q.outsideHardItems,
        (v) => v === 0,
      ),
    ).toEqual([]);
  });

  it("plans every meal of the offline planner to its pattern", () => {
    expect(
      mealsOffPattern(
        plans.filter((plan) => plan.planner === "offline"),
        QUALITY_RULES.minMealsMeetingPattern.offline,
      ),
    ).toEqual([]);
  });

  it("repairs at least 97 % of each careless model's meals to their pattern, over all its plans", () => {
    // Per model, not per plan: a 2-day plan has 6 meals, where 97 % would mean every one.
    const offPattern = CARELESS_KINDS.flatMap((kind) => {
      const own = plans.filter((plan) => plan.planner === kind);
      const meals = own.reduce((sum, plan) => sum + plan.quality.meals, 0);
      const meeting = own.reduce((sum, plan) => sum + plan.quality.mealsMeetingPattern, 0);
      return meeting >= meals * QUALITY_RULES.minMealsMeetingPattern.careless
        ? []
        : [`${kind}: ${meeting} of ${meals} meals`, ...mealsOffPattern(own, 1)];
    });
    expect(offPattern).toEqual([]);
  });

  it("serves no more distinct foods in a week than the plan allows (20 or the default 30), and at least 10", () => {
    expect(
      breaking(
        (q) => q.maxDistinctPerWeek,
        (v, q) => v <= q.foodsPerWeek,
      ),
    ).toEqual([]);
    expect(
      breaking(
        (q) => q.minDistinctPer7Days,
        (v, q) => q.days.length < 7 || v >= QUALITY_RULES.minDistinctPer7Days,
      ),
    ).toEqual([]);
  });

  it("serves no day twice in a week unless the plan asked for leftovers", () => {
    expect(
      breaking(
        (q) => q.identicalDays,
        (v, q) => q.leftovers || v === 0,
      ),
    ).toEqual([]);
  });

  it("serves each dinner again as the next day's lunch when the plan asks for leftovers", () => {
    const leftovers = plans.filter((plan) => plan.quality.leftovers);
    expect(leftovers.length).toBeGreaterThan(0);
    expect(
      breaking(
        (q) => q.leftoverLunchesMissed,
        (v) => v === 0,
        leftovers,
      ),
    ).toEqual([]);
  });

  it("changes at most one food a day on average in a plan that was already on its macros and patterns", () => {
    // As planned, the offline plans are already balanced (balance leaves them be); 6 % over their calories,
    // on their split, they make the solver choose between moving grams and changing foods.
    expect(
      onMacrosOffCalories
        // A leftovers plan, or one whose chunks planned the same day twice, is not met before balance:
        // balance is what serves each dinner again at lunch and varies the repeated day.
        // An offline day the planner's own solve left between the rubric's 4 points and the program's
        // tolerance (5) is re-solved by balance too (it keeps only days within 4): not a failure of the premise.
        .filter(
          ({ quality, before }) =>
            !quality.metBeforeBalance &&
            !quality.leftovers &&
            before?.identicalDays === 0 &&
            !(
              before.worstMacroPoints <= DEFAULT_GENERATION_CONFIG.balance.macroTolerancePoints &&
              Object.keys(before.brokenRules).length === 0
            ),
        )
        .map(
          ({ label, before }) =>
            `${label}, before balance: ${before?.worstMacroPoints.toFixed(1)} points off; ${before ? brokenRulesText(before) : ""}; ${before?.worstMeals.map((meal) => meal.text).join(" / ")}`,
        ),
    ).toEqual([]);
    expect(
      breaking(
        (q) => q.worstKcalErrorPct,
        (v) => v <= QUALITY_RULES.maxKcalErrorPct,
        onMacrosOffCalories,
      ),
    ).toEqual([]);
    const met = [...plans, ...onMacrosOffCalories].filter(({ quality }) => quality.metBeforeBalance);
    expect(met.length).toBeGreaterThan(0);
    expect(
      breaking(
        (q) => q.meanChangedFoods,
        (v) => v <= QUALITY_RULES.maxMeanChangesWhenAlreadyMet,
        met,
      ),
    ).toEqual([]);
  });
});

/**
 * Plans the full evaluation (`npm run eval:planner`) once found missing a
 * target, each run as it ran there (same intake, same generation id), so the
 * case stays fixed.
 */
describe("the cases the full evaluation found", () => {
  const runCase = async (intake: IntakeData, days: number, generationId: string, kind?: CarelessKind) => {
    const stored = { plan_length_days: days, intake_data: intake };
    const run = await runWorkflowInMemory({
      stored,
      catalogue,
      generationId,
      stepBudgetSeconds: 20,
      ...(kind ? { model: carelessModel(kind) } : {}),
    });
    return measurePlan(run.saved?.days ?? [], undefined, resolvePlanSpec(stored, {}), catalogue);
  };

  it("serves no day twice in a week when the offline planner repeats days of a 20-food week", async () => {
    const quality = await runCase({ calorie_target: 1800, foods_per_week: 20 }, 14, "eval-13");
    expect(quality.days).toHaveLength(14);
    expect(quality.identicalDays).toBe(0);
  }, 60_000);

  it("serves no day twice in a week of only 15 foods: lunch and dinner trade their sides instead", async () => {
    // Too few foods to leave one out (the held-out probe's 14-day vegetarian plan): the plates are recombined.
    const quality = await runCase({ calorie_target: 2000, diet: ["vegetarian"], foods_per_week: 15 }, 14, "probe-8");
    expect(quality.days).toHaveLength(14);
    expect(quality.identicalDays).toBe(0);
    expect(quality.mealPatternShare).toBe(1);
  }, 60_000);

  it("saves a 3,800 kcal plan of six meals from a model that serves meals of milks and drinks", async () => {
    // The sanitised day was so light that scaling would put one item past 2,000 g: the scaler now holds it there.
    const quality = await runCase({ calorie_target: 3800, meals_per_day: 6 }, 2, "eval-6", "drinks-as-meals");
    expect(quality.days).toHaveLength(2);
    expect(quality.worstKcalErrorPct).toBeLessThanOrEqual(QUALITY_RULES.maxKcalErrorPct);
    expect(quality.worstMacroPoints).toBeLessThanOrEqual(QUALITY_RULES.maxMacroPoints);
  }, 60_000);
});
