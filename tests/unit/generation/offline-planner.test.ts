import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { sanitizePlan } from "@/generation/answer/sanitize-plan";
import { ALLERGENS, type CatalogueFood, DIETS, familyKey, indexFoodsById } from "@/generation/catalogue/catalogue";
import { fitsRestrictions } from "@/generation/catalogue/food-restrictions";
import { selectCandidates } from "@/generation/catalogue/select-candidates";
import { parseModelReply } from "@/generation/model/parse-model-reply";
import { dayTotals } from "@/generation/nutrition/day-totals";
import { macroError } from "@/generation/nutrition/macros";
import type { PlannedDay } from "@/generation/nutrition/planned-day";
import { createOfflineModel } from "@/generation/offline/offline-model";
import { type PassBrief, planOffline } from "@/generation/offline/offline-planner";
import { modelRequestFor } from "@/generation/prompt/pass-prompt";
import { foodNamed, makeBrief, makePass, makeSpec, realisticCatalogue } from "../../support/food-factory";

const catalogue = realisticCatalogue();

/** A brief offering the candidate list production would for these restrictions. */
function brief(overrides: Partial<PassBrief> = {}): PassBrief {
  const restrictions = { diet: overrides.diet ?? [], allergies: overrides.allergies ?? [] };
  return makeBrief({ candidates: selectCandidates(catalogue, restrictions, { seed: "offline" }), ...overrides });
}

/** Plan offline, then read the answer exactly as a Claude answer is read. */
async function planDays(input: PassBrief): Promise<PlannedDay[]> {
  const parsed = parseModelReply({ text: await planOffline(input), stopReason: "end_turn" }, input.dayNumbers);
  if (!parsed.ok) throw new Error(parsed.error.message);
  const sanitized = sanitizePlan(parsed.plan, input.candidates, input, input.mealsPerDay, input.calorieTarget);
  expect(sanitized.removed).toEqual({ unknownFood: 0, restrictedFood: 0, unsuitedFood: 0 });
  return sanitized.days;
}

const within = (kcal: number, target: number, tolerance = 0.03) => Math.abs(kcal / target - 1) <= tolerance;

describe("the offline planner", () => {
  // The file's first plan loads the solver: on a busy two-core machine that alone can take seconds.
  it("answers with the JSON Claude is asked for, for exactly the brief's days", async () => {
    const days = await planDays(brief({ dayNumbers: [6, 7, 8] }));
    expect(days.map((day) => day.day)).toEqual([6, 7, 8]);
  }, 20_000);

  it("is deterministic for the same brief", async () => {
    expect(await planOffline(brief())).toBe(await planOffline(brief()));
  });

  it("lands every day on the calorie target", async () => {
    for (const day of await planDays(brief({ dayNumbers: [1, 2, 3, 4, 5, 6, 7] })))
      expect(within(dayTotals(day).kcal, 2000, 0.01)).toBe(true);
  });

  it("gets close to the macro split", async () => {
    const days = await planDays(
      brief({ dayNumbers: [1, 2, 3, 4, 5, 6, 7], macroSplit: { protein_pct: 30, carb_pct: 40, fat_pct: 30 } }),
    );
    const errors = days.map((day) => macroError(dayTotals(day), { protein_pct: 30, carb_pct: 40, fat_pct: 30 }) / 3);
    expect(errors.reduce((a, b) => a + b, 0) / errors.length).toBeLessThan(6);
  });

  it.each([3, 4, 5, 6])("plans %i named meals a day", async (mealsPerDay) => {
    const day = (await planDays(brief({ mealsPerDay, dayNumbers: [1] })))[0];
    expect(day?.meals).toHaveLength(mealsPerDay);
    expect(day?.meals[0]?.name).toBe("Breakfast");
    expect(day?.meals.map((meal) => meal.name)).toContain("Dinner");
  });

  it("builds lunch and dinner from a protein, a starch and a vegetable", async () => {
    const byId = indexFoodsById(catalogue);
    const day = (await planDays(brief({ dayNumbers: [1] })))[0];
    for (const name of ["Lunch", "Dinner"]) {
      const groups = day?.meals
        .find((meal) => meal.name === name)
        ?.items.map((item) => byId.get(item.food_id)?.food_group);
      expect(groups).toEqual(expect.arrayContaining(["protein", "starch", "vegetable"]));
    }
  });

  it("never repeats a food or a family within a day", async () => {
    const byId = indexFoodsById(catalogue);
    for (const day of await planDays(brief({ dayNumbers: [1, 2, 3, 4, 5], mealsPerDay: 6 }))) {
      const ids = day.meals.flatMap((meal) => meal.items.map((item) => item.food_id));
      expect(new Set(ids).size).toBe(ids.length);
      expect(new Set(ids.map((id) => familyKey(byId.get(id) as CatalogueFood))).size).toBe(ids.length);
    }
  });

  it("varies the menu across days, within a week a person can shop for, and rotates it week to week", async () => {
    const days = await planDays(brief({ dayNumbers: Array.from({ length: 14 }, (_, i) => i + 1) }));
    const foodsOf = (list: typeof days) =>
      new Set(list.flatMap((day) => day.meals.flatMap((meal) => meal.items.map((item) => item.food_id))));
    const menus = days.map((day) => [...foodsOf([day])].sort().join());
    expect(new Set(menus.slice(0, 7)).size).toBe(7);
    const [first, second] = [foodsOf(days.slice(0, 7)), foodsOf(days.slice(7))];
    for (const week of [first, second]) {
      expect(week.size).toBeGreaterThanOrEqual(15);
      expect(week.size).toBeLessThanOrEqual(30);
    }
    // The second week is not the first again: a third of its foods at least are new.
    expect([...second].filter((id) => !first.has(id)).length).toBeGreaterThanOrEqual(second.size / 3);
  });

  it("prefers foods an earlier pass did not use", async () => {
    const first = await planDays(brief({ dayNumbers: [1] }));
    const used = first.flatMap((day) => day.meals.flatMap((meal) => meal.items.map((item) => item.food_id)));
    const next = await planDays(brief({ dayNumbers: [2], avoidFoodIds: used }));
    const reused = next
      .flatMap((day) => day.meals.flatMap((meal) => meal.items.map((item) => item.food_id)))
      .filter((id) => used.includes(id));
    // A week's menu may hold one or two foods of a role (a breakfast dairy, a fat), and balance may bring one
    // back to reach the split: most of the day is new, not all of it.
    const dayTwo = next.flatMap((day) => day.meals.flatMap((meal) => meal.items));
    expect(reused.length).toBeLessThanOrEqual(dayTwo.length / 2);
  });

  it("uses only the brief's foods and re-checks restrictions itself", async () => {
    const vegan = brief({ candidates: catalogue, diet: ["vegan"], allergies: ["soy"] });
    const byId = indexFoodsById(catalogue);
    for (const day of await planDays(vegan)) {
      for (const item of day.meals.flatMap((meal) => meal.items)) {
        const food = byId.get(item.food_id) as CatalogueFood;
        expect(fitsRestrictions(food, { diet: ["vegan"], allergies: ["soy"] })).toBe(true);
      }
    }
  });

  it("keeps portions near usual sizes and presentable", async () => {
    const byId = indexFoodsById(catalogue);
    for (const day of await planDays(brief({ dayNumbers: [1, 2, 3, 4, 5, 6, 7] }))) {
      for (const item of day.meals.flatMap((meal) => meal.items)) {
        const usual = (byId.get(item.food_id) as CatalogueFood).default_portion_g;
        expect(item.grams).toBeGreaterThanOrEqual(usual * 0.3);
        expect(item.grams).toBeLessThanOrEqual(usual * 3);
        expect(Number.isInteger(item.grams)).toBe(true);
      }
    }
  });

  it("answers with empty meals rather than failing when no food fits", async () => {
    const text = await planOffline(
      brief({ candidates: [foodNamed(catalogue, "Chicken breast, meat only, roasted")], diet: ["vegan"] }),
    );
    expect(JSON.parse(text)).toEqual({ days: [1, 2, 3].map((day) => ({ day, meals: [] })) });
  });

  it("respects any diet and allergies and lands within 3 % (property)", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.subarray([...DIETS]),
        fc.subarray([...ALLERGENS], { maxLength: 4 }),
        fc.integer({ min: 1200, max: 4000 }),
        fc.integer({ min: 3, max: 6 }),
        fc.integer({ min: 1, max: 24 }),
        async (diet, allergies, calorieTarget, mealsPerDay, firstDay) => {
          const restrictions = { diet, allergies };
          const candidates = selectCandidates(catalogue, restrictions, { seed: `${firstDay}` });
          // Some combinations leave too little to build a day (e.g. vegan + no gluten + no soy + few starches).
          fc.pre(
            candidates.some((food) => food.food_group === "protein") &&
              candidates.some((food) => food.food_group === "starch"),
          );
          // The candidate list production sends, and the whole catalogue (the
          // planner must filter by itself whatever it is handed).
          const inputs = [candidates, catalogue].map((offered) =>
            brief({
              candidates: offered,
              diet,
              allergies,
              calorieTarget,
              mealsPerDay,
              dayNumbers: [firstDay, firstDay + 1],
            }),
          );
          const byId = indexFoodsById(catalogue);
          for (const day of (await Promise.all(inputs.map(planDays))).flat()) {
            expect(within(dayTotals(day).kcal, calorieTarget)).toBe(true);
            for (const item of day.meals.flatMap((meal) => meal.items)) {
              expect(fitsRestrictions(byId.get(item.food_id) as CatalogueFood, restrictions)).toBe(true);
              expect(item.grams).toBeGreaterThan(0);
              expect(item.grams).toBeLessThanOrEqual(2000);
            }
          }
        },
      ),
      { numRuns: 40 },
    );
    // 160 planned days, each a program solved by HiGHS: a generous ceiling for a loaded CI machine, not a timing claim.
  }, 30_000);
});

describe("the offline model port", () => {
  const spec = makeSpec({ days: 1 });
  const pass = makePass({ spec, candidates: brief().candidates, dayNumbers: [1], maxTokens: 10 });

  it("replies like Claude, naming itself and estimating usage", async () => {
    const reply = await createOfflineModel().planPass(pass);
    const prompt = modelRequestFor(pass);
    expect(reply.model).toBe("offline-planner");
    expect(reply.stopReason).toBe("end_turn");
    expect(reply.usage).toEqual({
      inputTokens: Math.ceil(prompt.system.length / 4) + Math.ceil(prompt.user.length / 4),
      outputTokens: Math.ceil(reply.text.length / 4),
      cacheReadInputTokens: 0,
      cacheCreationInputTokens: 0,
    });
    expect(parseModelReply(reply, [1]).ok).toBe(true);
  });

  it("is named offline", async () => {
    expect(createOfflineModel().name).toBe("offline");
  });

  it("honours an aborted signal", async () => {
    await expect(createOfflineModel().planPass(pass, { signal: AbortSignal.abort() })).rejects.toThrow();
  });
});
