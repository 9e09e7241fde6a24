import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { balanceDay, hardRange, naturalRange } from "@/generation/adjust/balance-day";
import { balanceDays } from "@/generation/adjust/balance-plan";
import { loadLinearProgramSolver } from "@/generation/adjust/linear-program";
import { solvePortionProgram } from "@/generation/adjust/portion-program";
import { type CatalogueFood, familyKey, indexFoodsById } from "@/generation/catalogue/catalogue";
import { fitsRestrictions } from "@/generation/catalogue/food-restrictions";
import { selectCandidates } from "@/generation/catalogue/select-candidates";
import { DEFAULT_GENERATION_CONFIG, type MacroSplit } from "@/generation/generation-config";
import { judgeDay } from "@/generation/meals/meal-patterns";
import { portionScale } from "@/generation/meals/usual-portion";
import { dayTotals } from "@/generation/nutrition/day-totals";
import { worstMacroPoints } from "@/generation/nutrition/macros";
import type { PlannedDay } from "@/generation/nutrition/planned-day";
import { foodNamed, makeDay, makeFood, realisticCatalogue } from "../../support/food-factory";

const catalogue = realisticCatalogue();
const foods = indexFoodsById(catalogue);
const food = (name: string) => foodNamed(catalogue, name);
const SPLIT: MacroSplit = { protein_pct: 30, carb_pct: 40, fat_pct: 30 };
const HIGH_PROTEIN: MacroSplit = { protein_pct: 40, carb_pct: 35, fat_pct: 25 };
const config = DEFAULT_GENERATION_CONFIG;
const everyone = { diet: [], allergies: [] };

const kcalOff = (day: PlannedDay, target: number) => Math.abs(dayTotals(day).kcal / target - 1);
const worstMacro = (day: PlannedDay, split: MacroSplit) => worstMacroPoints(dayTotals(day), split);
const foodIds = (day: PlannedDay) => day.meals.flatMap((meal) => meal.items.map((item) => item.food_id));
const items = (day: PlannedDay) => day.meals.flatMap((meal) => meal.items);
const ratio = (item: { food_id: string; grams: number }, known = foods) =>
  item.grams / (known.get(item.food_id) as CatalogueFood).default_portion_g;
/** Lunches and dinners without a protein food (meat, fish, tofu, eggs, dairy or legumes), as the meal patterns judge it. */
const mainMealsWithoutProtein = (day: PlannedDay, known = foods) =>
  judgeDay(day, known, { calorieTarget: 2000, macroSplit: SPLIT }, [])
    .flat()
    .filter((rule) => rule.rule === "protein-food").length;

/** A day at the grams a careless model writes: every item at its usual portion times `factor`. */
function carelessDay(dayNumber: number, meals: Record<string, string[]>, factor = 1): PlannedDay {
  return makeDay(
    dayNumber,
    Object.fromEntries(
      Object.entries(meals).map(([name, names]) => [
        name,
        names.map((foodName): [CatalogueFood, number] => [food(foodName), food(foodName).default_portion_g * factor]),
      ]),
    ),
  );
}

const omnivoreDay = carelessDay(1, {
  Breakfast: ["Oats, rolled, dry", "Greek yogurt, plain, nonfat", "Banana, raw"],
  Lunch: ["Chicken breast, meat only, roasted", "Rice, white, long-grain, cooked", "Broccoli, raw", "Olive oil"],
  Dinner: [
    "Salmon, Atlantic, farmed, cooked, dry heat",
    "Potatoes, boiled, without skin",
    "Spinach, raw",
    "Avocado, raw",
  ],
});

/** What a careless model writes when it fills meals from a list of starches: no protein anywhere. */
const starchDay = carelessDay(2, {
  Breakfast: ["Oats, rolled, dry", "Banana, raw", "Rice, white, long-grain, cooked"],
  Lunch: ["Pita bread, whole-wheat", "Bulgur, cooked", "Couscous, cooked"],
  Dinner: ["Potatoes, boiled, without skin", "Pasta, cooked", "Quinoa, cooked"],
});

const noProteinDay = carelessDay(3, {
  Breakfast: ["Oats, rolled, certified gluten-free, dry", "Banana, raw"],
  Lunch: ["Rice, white, long-grain, cooked", "Broccoli, raw", "Olive oil"],
  Dinner: ["Potatoes, boiled, without skin", "Spinach, raw", "Avocado, raw"],
});

describe("the day's portion program (HiGHS)", () => {
  it("keeps portions where they were chosen when the chosen grams already meet the targets, instead of on a bound", async () => {
    // An LP without a pull toward the chosen grams lands on a vertex: items at 0.25x or 3x.
    const solve = await loadLinearProgramSolver();
    const target = dayTotals(omnivoreDay).kcal;
    const split = (() => {
      const totals = dayTotals(omnivoreDay);
      const energy = totals.protein * 4 + totals.carbs * 4 + totals.fat * 9;
      const protein = Math.round((totals.protein * 400) / energy);
      const fat = Math.round((totals.fat * 900) / energy);
      return { protein_pct: protein, fat_pct: fat, carb_pct: 100 - protein - fat };
    })();
    const slots = omnivoreDay.meals.flatMap((meal, m) =>
      meal.items.map((item) => {
        const f = foods.get(item.food_id) as CatalogueFood;
        return {
          food: f,
          meal: m,
          kind: "planned" as const,
          preferredGrams: item.grams,
          bounds: hardRange(f),
          natural: naturalRange(f),
        };
      }),
    );
    const solution = solvePortionProgram(
      {
        slots,
        // Bare meals (no type): the portion program's own rules, no meal pattern.
        meals: omnivoreDay.meals.map((meal) => ({
          maxEnergyShare: 1,
          usefulProtein: 0,
          starchRequired: false,
          energyShare: meal.items.reduce((sum, item) => sum + item.kcal, 0) / target,
        })),
        calorieTarget: target,
        macroSplit: split,
        calorieBand: 0.01,
        macroAimPoints: 3,
      },
      solve,
    );
    expect(solution.status).toBe("solved");
    if (solution.status !== "solved") return;
    solution.grams.forEach((grams, j) => {
      expect(Math.abs(grams / (slots[j]?.preferredGrams ?? 1) - 1)).toBeLessThan(0.05);
    });
  });

  it("keeps every portion within 0.25x-3x and calories within the band, whatever the foods (property)", async () => {
    const solve = await loadLinearProgramSolver();
    const pool = selectCandidates(catalogue, everyone, { seed: "lp-property" });
    await fc.assert(
      fc.asyncProperty(
        fc.uniqueArray(fc.constantFrom(...pool), { minLength: 2, maxLength: 14, selector: (f) => f.id }),
        fc.integer({ min: 1200, max: 3800 }),
        fc.record({ protein: fc.integer({ min: 15, max: 45 }), fat: fc.integer({ min: 15, max: 40 }) }),
        async (chosen, target, shares) => {
          const split = {
            protein_pct: shares.protein,
            fat_pct: shares.fat,
            carb_pct: 100 - shares.protein - shares.fat,
          };
          const slots = chosen.map((f, i) => ({
            food: f,
            meal: i % 3,
            kind: "planned" as const,
            preferredGrams: f.default_portion_g,
            bounds: hardRange(f),
            natural: naturalRange(f),
          }));
          const solution = solvePortionProgram(
            {
              slots,
              meals: [0, 1, 2].map(() => ({
                energyShare: 1 / 3,
                maxEnergyShare: 1,
                usefulProtein: 0,
                starchRequired: false,
              })),
              calorieTarget: target,
              macroSplit: split,
              calorieBand: 0.01,
              macroAimPoints: 3,
            },
            solve,
          );
          const maxKcal = chosen.reduce((sum, f) => sum + (f.kcal_per_100g * hardRange(f).upper) / 100, 0);
          if (maxKcal < target * 0.99) expect(solution.status).toBe("infeasible");
          if (solution.status !== "solved") return;
          solution.grams.forEach((grams, j) => {
            const bounds = slots[j]?.bounds ?? { lower: Number.NaN, upper: Number.NaN };
            if (grams === 0) return; // dropped
            expect(grams).toBeGreaterThanOrEqual(bounds.lower - 1e-6);
            expect(grams).toBeLessThanOrEqual(bounds.upper + 1e-6);
          });
          const kcal = slots.reduce(
            (sum, { food: f }, j) => sum + (f.kcal_per_100g * (solution.grams[j] ?? 0)) / 100,
            0,
          );
          expect(Math.abs(kcal / target - 1)).toBeLessThanOrEqual(0.01 + 1e-6);
        },
      ),
      { numRuns: 60 },
    );
  }, 60_000);
});

describe("balancing a day", () => {
  it("re-solves a careless day onto its calories and split with natural portions, keeping its foods and meals", async () => {
    const result = await balanceDay(omnivoreDay, foods, { calorieTarget: 2000, macroSplit: SPLIT });
    expect(result.miss).toBeNull();
    expect(result.changes).toEqual([]);
    expect(kcalOff(result.day, 2000)).toBeLessThanOrEqual(0.03);
    expect(worstMacro(result.day, SPLIT)).toBeLessThanOrEqual(5);
    expect(result.day.meals.map((meal) => meal.name)).toEqual(["Breakfast", "Lunch", "Dinner"]);
    expect(foodIds(result.day)).toEqual(foodIds(omnivoreDay));
    for (const item of items(result.day)) {
      expect(Number.isInteger(item.grams)).toBe(true);
      expect(ratio(item)).toBeGreaterThanOrEqual(0.5);
      expect(ratio(item)).toBeLessThanOrEqual(2);
    }
  });

  it("leaves a day that already meets every rule untouched", async () => {
    const first = await balanceDay(omnivoreDay, foods, { calorieTarget: 2000, macroSplit: SPLIT });
    const again = await balanceDay(first.day, foods, { calorieTarget: 2000, macroSplit: SPLIT });
    expect(again.day).toEqual(first.day);
    expect(again.changes).toEqual([]);
  });

  it("rescues a day of starches: on its split, every meal on its pattern, every portion natural", async () => {
    const candidates = selectCandidates(catalogue, everyone, { seed: "starch" });
    const result = await balanceDay(
      starchDay,
      foods,
      { calorieTarget: 2400, macroSplit: HIGH_PROTEIN },
      { candidates },
    );
    expect(result.miss).toBeNull();
    expect(kcalOff(result.day, 2400)).toBeLessThanOrEqual(0.03);
    expect(worstMacro(result.day, HIGH_PROTEIN)).toBeLessThanOrEqual(5);
    expect(judgeDay(result.day, foods, { calorieTarget: 2400, macroSplit: HIGH_PROTEIN }, []).flat()).toEqual([]);
    expect(result.mealMisses).toEqual([]);
    // Natural against the usual portion of a 2,400 kcal day.
    const scale = portionScale(2400, 3);
    for (const item of items(result.day)) {
      expect(ratio(item) / scale).toBeGreaterThanOrEqual(0.5);
      expect(ratio(item) / scale).toBeLessThanOrEqual(2);
    }
    // It changed foods to get there, and says which.
    expect(result.changes.some((change) => change.kind === "added")).toBe(true);
    for (const change of result.changes) {
      const inDay = foodIds(result.day).includes(change.foodId);
      expect(inDay).toBe(change.kind === "added");
    }
  });

  it("keeps two protein sides at a meal, not the five beans a careless model piles beside seitan", async () => {
    const candidates = selectCandidates(catalogue, { diet: ["vegan"], allergies: [] }, { seed: "beans" });
    const beans = carelessDay(4, {
      Breakfast: ["Oats, rolled, dry", "Soy yogurt, plain", "Banana, raw"],
      Lunch: [
        "Seitan (wheat gluten), prepared",
        "Split peas, cooked, boiled",
        "White beans (cannellini), cooked, boiled",
        "Black-eyed peas, cooked, boiled",
        "Fava beans, cooked, boiled",
        "Mung beans, cooked, boiled",
        "Cauliflower, cooked, boiled",
      ],
      Dinner: ["Tofu, firm, raw", "Quinoa, cooked", "Spinach, cooked, boiled"],
    });
    const result = await balanceDay(beans, foods, { calorieTarget: 2200, macroSplit: HIGH_PROTEIN }, { candidates });
    for (const meal of result.day.meals) {
      const sides = meal.items.filter((item) => foods.get(item.food_id)?.plate_role === "protein_side");
      expect(sides.length, meal.name).toBeLessThanOrEqual(2);
    }
    expect(result.mealMisses.filter((miss) => miss.rule === "two-protein-sides-at-most")).toEqual([]);
  });

  it("never brings tofu to a breakfast beside ricotta, nor while an egg or cottage cheese could come instead", async () => {
    // A breakfast short of its protein: 60 g of ricotta with rye bread and fruit.
    const day = carelessDay(4, {
      Breakfast: ["Ricotta, part-skim", "Bread, rye", "Apricots, raw"],
      Lunch: ["Chicken breast, meat only, roasted", "Egg noodles, cooked", "Onions, raw", "Olive oil"],
      Dinner: [
        "Trout, rainbow, farmed, cooked, dry heat",
        "Sweet potato, baked in skin",
        "Green beans, cooked, boiled",
      ],
    });
    const candidates = [
      ...foodIds(day).map((id) => foods.get(id) as CatalogueFood),
      food("Tofu, regular, raw"),
      food("Tofu, firm, raw"),
      food("Egg, whole, poached"),
      food("Cottage cheese, low fat, 2%"),
    ];
    for (const split of [SPLIT, HIGH_PROTEIN]) {
      const result = await balanceDay(day, foods, { calorieTarget: 2100, macroSplit: split }, { candidates });
      const breakfast = result.day.meals.find((meal) => meal.name === "Breakfast");
      const roles = (breakfast?.items ?? []).map((item) => foods.get(item.food_id)?.plate_role);
      expect(roles, JSON.stringify(split)).not.toContain("main_protein");
    }
  });

  it("brings a legume into a dinner when the day already serves every main protein the plan may eat", async () => {
    // A careless model's vegan day: tofu at breakfast, soy protein at lunch, a dinner of millet and vegetables.
    const day = carelessDay(9, {
      Breakfast: ["Amaranth, cooked", "Tofu, regular, raw", "Pea protein powder, unflavoured"],
      Lunch: ["Buckwheat groats, roasted, cooked", "Bok choy, cooked, boiled", "Textured soy protein (TVP), dry"],
      Dinner: ["Millet, cooked", "Cabbage, green, raw", "Asparagus, cooked, boiled"],
    });
    const candidates = [
      ...foodIds(day).map((id) => foods.get(id) as CatalogueFood),
      food("Tofu, firm, raw"),
      food("Lentils, cooked, boiled"),
      food("Olive oil"),
    ];
    const restrictions = { diet: ["vegan" as const, "gluten_free" as const], allergies: [] };
    const result = await balanceDay(
      day,
      foods,
      { calorieTarget: 2200, macroSplit: SPLIT },
      { candidates, restrictions },
    );
    expect(mainMealsWithoutProtein(result.day)).toBe(0);
    expect(result.mealMisses.filter((miss) => miss.rule === "protein-food")).toEqual([]);
  });

  it("brings a protein into every main meal that lacks one, from the candidates the plan allows", async () => {
    const candidates = selectCandidates(catalogue, { diet: ["vegan"], allergies: [] }, { seed: "swap" });
    const restrictions = { diet: ["vegan" as const], allergies: [] };
    const result = await balanceDay(
      noProteinDay,
      foods,
      { calorieTarget: 2000, macroSplit: SPLIT },
      { candidates, restrictions },
    );
    expect(mainMealsWithoutProtein(result.day)).toBe(0);
    for (const change of result.changes.filter((c) => c.kind === "added")) {
      expect(fitsRestrictions(foods.get(change.foodId) as CatalogueFood, restrictions)).toBe(true);
    }
    // Still no repeated food or family within the day.
    const dayFoods = foodIds(result.day).map((id) => foods.get(id) as CatalogueFood);
    expect(new Set(dayFoods.map(familyKey)).size).toBe(dayFoods.length);
    expect(kcalOff(result.day, 2000)).toBeLessThanOrEqual(0.03);
  });

  it("never brings in a food the plan forbids or the client dislikes, even when it is a candidate", async () => {
    const chicken = food("Chicken breast, meat only, roasted");
    const tofu = food("Tofu, firm, raw");
    const cousin = makeFood({ ...tofu, id: "tofu-cousin", name: "Tofu, smoked" });
    const known = new Map([...foods, [cousin.id, cousin]]);
    const result = await balanceDay(
      noProteinDay,
      known,
      { calorieTarget: 2000, macroSplit: SPLIT },
      {
        candidates: [chicken, tofu, cousin],
        restrictions: { diet: ["vegan"], allergies: [], dislikedFamilies: [familyKey(tofu)] },
      },
    );
    expect(foodIds(result.day)).not.toContain(chicken.id);
    expect(foodIds(result.day)).not.toContain(tofu.id);
    expect(foodIds(result.day)).not.toContain(cousin.id);
  });

  it("saves the best day it can and says why when no food at hand reaches the split", async () => {
    // Vegan, gluten-free and no soy: no seitan, tofu or tempeh; nothing reaches a split this rich in protein.
    const restrictions = { diet: ["vegan" as const, "gluten_free" as const], allergies: ["soy" as const] };
    const pool = selectCandidates(catalogue, restrictions, { seed: "vegan" });
    const share = (f: CatalogueFood) =>
      (f.protein_per_100g * 400) / (f.protein_per_100g * 4 + f.carbs_per_100g * 4 + f.fat_per_100g * 9);
    const richest = Math.max(...pool.map(share));
    const protein = Math.ceil(richest) + 10;
    const split: MacroSplit = { protein_pct: protein, carb_pct: (100 - protein) / 2, fat_pct: (100 - protein) / 2 };
    const day = carelessDay(4, {
      Breakfast: ["Oats, rolled, certified gluten-free, dry", "Banana, raw"],
      Lunch: ["Rice, white, long-grain, cooked", "Broccoli, raw", "Olive oil"],
      Dinner: ["Potatoes, boiled, without skin", "Spinach, raw", "Avocado, raw"],
    });
    const result = await balanceDay(
      day,
      foods,
      { calorieTarget: 2000, macroSplit: split },
      { candidates: pool, restrictions },
    );
    expect(result.solved).toBe(true);
    expect(kcalOff(result.day, 2000)).toBeLessThanOrEqual(0.03);
    expect(result.miss?.protein_pts).toBeLessThan(-5);
    expect(result.miss?.reason).toContain(`no food this plan may use has ${protein} % of its energy from protein`);
    const { protein_pts = 0, carb_pts = 0, fat_pts = 0 } = result.miss ?? {};
    expect(Math.max(Math.abs(protein_pts), Math.abs(carb_pts), Math.abs(fat_pts))).toBeCloseTo(
      worstMacroPoints(dayTotals(result.day), split),
      0,
    );
  });

  it("keeps every food of a coach's own day and moves only grams when told to", async () => {
    const result = await balanceDay(
      starchDay,
      foods,
      { calorieTarget: 2000, macroSplit: SPLIT },
      { keepFoods: true, candidates: catalogue },
    );
    expect(result.changes).toEqual([]);
    expect(foodIds(result.day)).toEqual(foodIds(starchDay));
    expect(kcalOff(result.day, 2000)).toBeLessThanOrEqual(0.03);
    expect(result.miss).not.toBeNull();
  });

  it("gives no reason naming the plan's foods when it re-solves only the day's own foods (a coach's swap)", async () => {
    // Only the day's foods were looked at: "no food this plan may use ..." would be false.
    const result = await balanceDay(starchDay, foods, { calorieTarget: 2000, macroSplit: SPLIT }, { keepFoods: true });
    expect(result.miss).not.toBeNull();
    expect(result.miss).not.toHaveProperty("reason");
  });

  it("returns a day whose calories no portions can reach unchanged, with its miss", async () => {
    const lettuce = makeFood({
      name: "Lettuce",
      food_group: "vegetable",
      kcal_per_100g: 15,
      protein_per_100g: 1.2,
      carbs_per_100g: 2.9,
      fat_per_100g: 0.2,
    });
    const day = makeDay(2, { Lunch: [[lettuce, 2000]] });
    const result = await balanceDay(day, indexFoodsById([lettuce]), { calorieTarget: 300, macroSplit: SPLIT });
    expect(result.solved).toBe(false);
    expect(result.day.meals.map((meal) => meal.items)).toEqual(day.meals.map((meal) => meal.items));
    expect(result.miss).not.toBeNull();
  });

  it("meets every rule on every solved day it does not report, for any day of candidate foods (property)", async () => {
    const candidates = selectCandidates(catalogue, everyone, { seed: "day-property" });
    const item = fc.constantFrom(...candidates);
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.uniqueArray(item, { minLength: 1, maxLength: 5, selector: (f) => f.id }), {
          minLength: 3,
          maxLength: 5,
        }),
        fc.integer({ min: 1400, max: 3200 }),
        fc.constantFrom(SPLIT, HIGH_PROTEIN),
        fc.double({ min: 0.5, max: 2, noNaN: true }),
        async (meals, target, split, factor) => {
          // Unique foods and families across the day, as dedup leaves it.
          const seen = new Set<string>();
          const deduped = meals.map((meal) =>
            meal.filter((f) => !seen.has(familyKey(f)) && seen.add(familyKey(f)) !== undefined),
          );
          const names = ["Breakfast", "Lunch", "Afternoon snack", "Dinner", "Evening snack"];
          const day = makeDay(
            1,
            Object.fromEntries(
              deduped.map((meal, i) => [
                names[i] as string,
                meal.map((f): [CatalogueFood, number] => [f, Math.round(f.default_portion_g * factor)]),
              ]),
            ),
          );
          fc.pre(day.meals.every((meal) => meal.items.length > 0));
          const [result] = await balanceDays(
            [day],
            foods,
            { calorieTarget: target, macroSplit: split },
            {
              candidates,
              config,
            },
          );
          if (!result) throw new Error("no result");
          if (!result.solved) {
            expect(result.day.meals.map((meal) => meal.items)).toEqual(day.meals.map((meal) => meal.items));
            return;
          }
          expect(kcalOff(result.day, target)).toBeLessThanOrEqual(0.03);
          // Portions are judged against the usual portion on a day of this size.
          const scale = portionScale(target, Math.max(3, day.meals.length));
          for (const saved of items(result.day)) {
            const usual = (foods.get(saved.food_id)?.default_portion_g ?? 1) * scale;
            expect(saved.grams / usual).toBeGreaterThanOrEqual(0.25 - 0.5 / usual);
            expect(saved.grams / usual).toBeLessThanOrEqual(3 + 0.5 / usual);
          }
          // A meal rule the day breaks is reported, with the rule named; none goes unsaid.
          const broken = judgeDay(result.day, foods, { calorieTarget: target, macroSplit: split }, []).flat();
          expect(result.mealMisses.map((miss) => miss.rule).sort()).toEqual(broken.map((rule) => rule.rule).sort());
          if (result.miss === null) {
            expect(worstMacro(result.day, split)).toBeLessThanOrEqual(5);
          } else {
            expect(
              Math.max(
                Math.abs(result.miss.protein_pts),
                Math.abs(result.miss.carb_pts),
                Math.abs(result.miss.fat_pts),
              ),
            ).toBeGreaterThan(5);
          }
        },
      ),
      { numRuns: 40 },
    );
  }, 60_000);

  it("serves yesterday's dinner as lunch, foods and grams, even on a day that lacked a meal before it", async () => {
    const candidates = selectCandidates(catalogue, everyone, { seed: "leftovers" });
    // A dinner-only vegetable: a lunch keeps it only because it is yesterday's dinner, served again.
    const roast = makeFood({
      name: "Roast roots",
      food_group: "vegetable",
      kcal_per_100g: 60,
      protein_per_100g: 1.5,
      carbs_per_100g: 12,
      fat_per_100g: 0.5,
      meal_types: ["dinner"],
    });
    const known = new Map([...foods, [roast.id, roast]]);
    const dayOne = makeDay(1, {
      Breakfast: [
        [food("Oats, rolled, dry"), 60],
        [food("Greek yogurt, plain, nonfat"), 200],
        [food("Banana, raw"), 118],
      ],
      Lunch: [
        [food("Chicken breast, meat only, roasted"), 150],
        [food("Rice, white, long-grain, cooked"), 200],
        [food("Broccoli, raw"), 100],
        [food("Olive oil"), 10],
      ],
      Dinner: [
        [food("Salmon, Atlantic, farmed, cooked, dry heat"), 150],
        [food("Potatoes, boiled, without skin"), 250],
        [roast, 150],
      ],
    });
    // Day 2 has no breakfast (sanitising emptied it): balance puts one back in front of the leftover lunch.
    const dayTwo = makeDay(2, {
      Lunch: [[food("Pasta, cooked"), 150]],
      Dinner: [
        [food("Turkey breast, meat only, roasted"), 150],
        [food("Quinoa, cooked"), 150],
        [food("Carrots, raw"), 100],
      ],
    });
    const [one, two] = await balanceDays(
      [dayOne, dayTwo],
      known,
      { calorieTarget: 2000, macroSplit: SPLIT, mealsPerDay: 3 },
      { candidates, leftovers: true },
    );
    const dinner = one?.day.meals.find((meal) => meal.name === "Dinner");
    const lunch = two?.day.meals.find((meal) => meal.name === "Lunch");
    expect(dinner?.items.map((item) => item.food_id)).toContain(roast.id);
    expect(two?.day.meals.map((meal) => meal.name)).toEqual(["Breakfast", "Lunch", "Dinner"]);
    expect(lunch?.items).toEqual(dinner?.items);
  });
});
