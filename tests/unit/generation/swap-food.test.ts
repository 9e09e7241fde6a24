import { describe, expect, it } from "vitest";
import { rankAlternatives, swapFood } from "@/generation/adjust/swap-food";
import { indexFoodsById } from "@/generation/catalogue/catalogue";
import { deriveDish } from "@/generation/meals/dish-titles";
import { dayTotals } from "@/generation/nutrition/day-totals";
import { worstMacroPoints } from "@/generation/nutrition/macros";
import { foodNamed, makeDay, makeSpec, realisticCatalogue } from "../../support/food-factory";

const catalogue = realisticCatalogue();
const foods = indexFoodsById(catalogue);
const food = (name: string) => foodNamed(catalogue, name);

/** A 2000 kcal-ish day: oats breakfast, chicken and rice lunch, salmon dinner. */
function sampleDay() {
  return makeDay(2, {
    Breakfast: [[food("Oats, rolled, dry"), 120]],
    Lunch: [
      [food("Chicken breast, meat only, roasted"), 200],
      [food("Rice, white, long-grain, cooked"), 350],
    ],
    Dinner: [
      [food("Salmon, Atlantic, farmed, cooked, dry heat"), 180],
      [food("Quinoa, cooked"), 300],
    ],
  });
}
const chickenSlot = { meal: 1, item: 0 };
const noRestrictions = { diet: [], allergies: [] };

describe("alternatives to a food in a day", () => {
  it("are foods of the same role on the plate, suited to the meal, that the day does not use yet, by id or family", async () => {
    const alternatives = rankAlternatives(sampleDay(), chickenSlot, catalogue, noRestrictions, { limit: 100 });
    const names = alternatives.map((alternative) => alternative.food.name);
    expect(alternatives.length).toBeGreaterThan(5);
    for (const { food: candidate } of alternatives) {
      expect(candidate.plate_role, candidate.name).toBe("main_protein");
      expect(candidate.meal_types, candidate.name).toContain("lunch");
    }
    expect(names).not.toContain("Chicken breast, meat only, roasted");
    // Salmon is in the day already (dinner), under two names.
    expect(names.some((name) => name.startsWith("Salmon"))).toBe(false);
    // Another chicken may replace chicken: the replaced item's own family is free.
    expect(names).toContain("Chicken thigh, meat only, roasted");
    // Beans are in the protein group too, but a side on the plate, not the meal's main protein.
    expect(names).not.toContain("Black beans, cooked, boiled");
  });

  it("go by the plate role, not the food group: eggs may replace yoghurt at breakfast, lentils may not", async () => {
    const day = makeDay(1, {
      Breakfast: [
        [food("Greek yogurt, plain, nonfat"), 200],
        [food("Oats, rolled, dry"), 60],
      ],
    });
    const alternatives = rankAlternatives(day, { meal: 0, item: 0 }, catalogue, noRestrictions, { limit: 100 });
    const names = alternatives.map((alternative) => alternative.food.name);
    expect(names).toContain("Egg, whole, poached");
    expect(names).toContain("Cottage cheese, low fat, 2%");
    expect(names).not.toContain("Lentils, cooked, boiled");
    expect(names).not.toContain("Rice milk, unsweetened");
    for (const { food: candidate } of alternatives) expect(candidate.meal_types, candidate.name).toContain("breakfast");
  });

  it("offer a breakfast starch only the starches that suit breakfast", async () => {
    const day = makeDay(1, { Breakfast: [[food("Oats, rolled, dry"), 80]] });
    const names = rankAlternatives(day, { meal: 0, item: 0 }, catalogue, noRestrictions, { limit: 100 }).map(
      (alternative) => alternative.food.name,
    );
    expect(names).toContain("Bread, whole-wheat");
    expect(names).toContain("Buckwheat groats, roasted, cooked");
    expect(names).not.toContain("Rice, white, long-grain, cooked");
  });

  it("respect the plan's diet and allergies", async () => {
    const alternatives = rankAlternatives(
      sampleDay(),
      chickenSlot,
      catalogue,
      { diet: ["vegan"], allergies: ["gluten"] },
      {
        limit: 100,
      },
    );
    // Tofu is a vegan main protein without gluten (seitan is wheat).
    expect(alternatives.map((alternative) => alternative.food.name)).toContain("Tofu, firm, raw");
    for (const { food: candidate } of alternatives) {
      expect(candidate.diet_tags).toContain("vegan");
      expect(candidate.allergens).not.toContain("gluten");
    }
  });

  it("come closest-macros first, each at the replaced item's energy", async () => {
    const day = sampleDay();
    const chicken = day.meals[1]?.items[0];
    const alternatives = rankAlternatives(day, chickenSlot, catalogue, noRestrictions, { limit: 100 });
    const distance = (item: { protein: number; carbs: number; fat: number }) =>
      Math.hypot(
        (item.protein - (chicken?.protein ?? 0)) * 4,
        (item.carbs - (chicken?.carbs ?? 0)) * 4,
        (item.fat - (chicken?.fat ?? 0)) * 9,
      );
    const distances = alternatives.map((alternative) => distance(alternative.item));
    expect(distances).toEqual([...distances].sort((a, b) => a - b));
    for (const alternative of alternatives) {
      expect(alternative.item.kcal).toBeCloseTo(chicken?.kcal ?? 0, -1);
      expect(alternative.item.grams).toBe(Math.round(((chicken?.kcal ?? 0) * 100) / alternative.food.kcal_per_100g));
    }
    // Lean poultry is closer to chicken breast than tofu is.
    const names = alternatives.map((alternative) => alternative.food.name);
    expect(names.indexOf("Turkey breast, meat only, roasted")).toBeGreaterThanOrEqual(0);
    expect(names.indexOf("Turkey breast, meat only, roasted")).toBeLessThan(names.indexOf("Tofu, firm, raw"));
  });

  it("are limited to the number asked for", async () => {
    expect(rankAlternatives(sampleDay(), chickenSlot, catalogue, noRestrictions, { limit: 3 })).toHaveLength(3);
  });

  it("are none for a position the day does not have", async () => {
    expect(rankAlternatives(sampleDay(), { meal: 9, item: 0 }, catalogue, noRestrictions, { limit: 3 })).toEqual([]);
  });
});

describe("swapping a food", () => {
  const spec = makeSpec({ calorieTarget: 2000 });

  it("replaces only that item and keeps the day within 3 % of the calorie target", async () => {
    const tofu = food("Tofu, firm, raw");
    const result = await swapFood(sampleDay(), chickenSlot, tofu, foods, spec);
    if (!result.ok) throw new Error(JSON.stringify(result));
    const ids = result.day.meals.map((meal) => meal.items.map((item) => item.food_id));
    expect(ids).toEqual([
      [food("Oats, rolled, dry").id],
      [tofu.id, food("Rice, white, long-grain, cooked").id],
      [food("Salmon, Atlantic, farmed, cooked, dry heat").id, food("Quinoa, cooked").id],
    ]);
    expect(result.day.day).toBe(2);
    expect(Math.abs(dayTotals(result.day).kcal / 2000 - 1)).toBeLessThanOrEqual(0.03);
    // Re-solved by the balance step's program: on the split too, not only on calories.
    expect(result.miss).toBeNull();
    expect(worstMacroPoints(dayTotals(result.day), spec.macroSplit)).toBeLessThanOrEqual(5);
  });

  it("titles the changed meal from its new foods and keeps the other meals' titles", async () => {
    const titled = sampleDay();
    titled.meals = titled.meals.map((meal) => ({
      ...meal,
      title: `${meal.name} as planned`,
      preparation: "As planned.",
    }));
    const tofu = food("Tofu, firm, raw");
    const result = await swapFood(titled, chickenSlot, tofu, foods, spec);
    if (!result.ok) throw new Error(JSON.stringify(result));
    const [breakfast, lunch, dinner] = result.day.meals;
    expect(breakfast).toMatchObject({ title: "Breakfast as planned", preparation: "As planned." });
    expect(dinner).toMatchObject({ title: "Dinner as planned", preparation: "As planned." });
    // The lunch's foods changed: its title and preparation are derived from them, as the planner titles a meal.
    expect(lunch).toMatchObject(deriveDish("lunch", [tofu, food("Rice, white, long-grain, cooked")]));
    expect(lunch?.title).toMatch(/tofu/i);
  });

  it("says which meal rules the re-solved day misses, as the balance step judges them", async () => {
    // The coach's foods are kept, so a lunch and dinner with no vegetable stay without one.
    const result = await swapFood(sampleDay(), chickenSlot, food("Tofu, firm, raw"), foods, spec);
    if (!result.ok) throw new Error(JSON.stringify(result));
    expect(result.mealMisses).toContainEqual(expect.objectContaining({ meal: "Lunch", rule: "vegetable" }));
    expect(result.mealMisses).toContainEqual(expect.objectContaining({ meal: "Dinner", rule: "vegetable" }));
  });

  it("rescales a day that the swap would leave off target", async () => {
    // Swapping to a very different energy density at equal energy keeps kcal,
    // so start from a day that is already off target: the swap re-solves it.
    const offTarget = makeDay(1, {
      Lunch: [
        [food("Chicken breast, meat only, roasted"), 100],
        [food("Rice, white, long-grain, cooked"), 200],
      ],
    });
    const result = await swapFood(
      offTarget,
      { meal: 0, item: 0 },
      food("Turkey breast, meat only, roasted"),
      foods,
      spec,
    );
    if (!result.ok) throw new Error(JSON.stringify(result));
    expect(Math.abs(dayTotals(result.day).kcal / 2000 - 1)).toBeLessThanOrEqual(0.03);
  });

  it("refuses a food the plan's restrictions forbid, naming the restriction", async () => {
    const vegan = makeSpec({ diet: ["vegan"], allergies: ["fish"] });
    const result = await swapFood(
      sampleDay(),
      chickenSlot,
      food("Tuna, light, canned in water, drained"),
      foods,
      vegan,
    );
    expect(result).toEqual({
      ok: false,
      refusal: { reason: "restricted", violations: expect.arrayContaining(["not vegan", "contains fish"]) },
    });
  });

  it("refuses a food whose family the day already has", async () => {
    const result = await swapFood(
      sampleDay(),
      chickenSlot,
      food("Salmon, Atlantic, wild, cooked, dry heat"),
      foods,
      spec,
    );
    expect(result).toEqual({
      ok: false,
      refusal: { reason: "already_in_day", food: "Salmon, Atlantic, wild, cooked, dry heat" },
    });
  });

  it("refuses swapping a food for itself and a position the day does not have", async () => {
    const chicken = food("Chicken breast, meat only, roasted");
    expect(await swapFood(sampleDay(), chickenSlot, chicken, foods, spec)).toEqual({
      ok: false,
      refusal: { reason: "same_food" },
    });
    expect(await swapFood(sampleDay(), { meal: 0, item: 5 }, chicken, foods, spec)).toEqual({
      ok: false,
      refusal: { reason: "no_such_item" },
    });
  });
});
