import { describe, expect, it } from "vitest";
import type { CatalogueFood } from "@/generation/catalogue/catalogue";
import type { IntakeData } from "@/generation/intake/intake";
import { resolvePlanSpec } from "@/generation/intake/resolve-plan-spec";
import { portionScale } from "@/generation/meals/usual-portion";
import { plannedItem } from "@/generation/nutrition/item-nutrition";
import type { PlannedDay, PlannedMeal } from "@/generation/nutrition/planned-day";
import type { PassBrief } from "@/generation/offline/offline-planner";
import { CARELESS_KINDS, type CarelessKind, carelessPlan } from "../../support/careless-models";
import { measurePlan, QUALITY_RULES, qualityFailures } from "../../support/plan-quality";
import { seedCatalogue } from "../../support/seed-catalogue";

/**
 * The meal rubric of the plan-quality measure (tests/support/plan-quality.ts)
 * on hand-built plans: each bad meal a dietitian would send back is caught,
 * named, and written out as a person reads it; the week's distinct foods,
 * identical days, scaled usual portions and unsafe dish text are counted.
 * A rubric that let these through would let the planner through with them.
 */

const catalogue = seedCatalogue();
const byName = new Map(catalogue.map((food) => [food.name, food]));

function food(name: string): CatalogueFood {
  const found = byName.get(name);
  if (!found) throw new Error(`no seed food named ${name}`);
  return found;
}

function meal(name: string, items: [string, number][], text: Partial<PlannedMeal> = {}): PlannedMeal {
  return { name, ...text, items: items.map(([foodName, grams]) => plannedItem(food(foodName), grams)) };
}

function specFor(intake: IntakeData, days = 1) {
  return resolvePlanSpec({ plan_length_days: days, intake_data: intake }, {});
}

const BREAKFAST = meal("Breakfast", [
  ["Oats, rolled, dry", 60],
  ["Greek yogurt, plain, nonfat", 250],
  ["Blueberries, raw", 100],
]);
const LUNCH = meal("Lunch", [
  ["Chicken breast, meat only, roasted", 150],
  ["Rice, white, long-grain, cooked", 200],
  ["Broccoli, cooked, boiled", 150],
  ["Olive oil", 10],
]);
const DINNER = meal("Dinner", [
  ["Salmon, Atlantic, wild, cooked, dry heat", 150],
  ["Potatoes, boiled, without skin", 250],
  ["Spinach, cooked, boiled", 150],
  ["Olive oil", 10],
]);

const spec = specFor({ calorie_target: 2000 });

describe("the meal rubric", () => {
  it("passes a day a dietitian would sign: every meal meets its pattern, no meal is reported", () => {
    const quality = measurePlan([{ day: 1, meals: [BREAKFAST, LUNCH, DINNER] }], undefined, spec, catalogue);
    expect(quality.worstMeals.map((report) => report.text)).toEqual([]);
    expect(quality.mealPatternShare).toBe(1);
    expect(quality.meals).toBe(3);
  });

  it("names cod at breakfast, in a line a coach reads", () => {
    const cod = meal("Breakfast", [
      ["Cod, Atlantic, cooked, dry heat", 140],
      ["Greek yogurt, plain, nonfat", 170],
    ]);
    const quality = measurePlan([{ day: 3, meals: [cod, LUNCH, DINNER] }], undefined, spec, catalogue);
    expect(quality.worstMeals).toHaveLength(1);
    expect(quality.worstMeals[0]?.rules).toContain("suits-meal");
    expect(quality.worstMeals[0]?.text).toMatch(
      /^Day 3 Breakfast: Atlantic cod 140 g, Greek yogurt 170 g — breaks: .*Atlantic cod does not suit breakfast/,
    );
    expect(quality.brokenRules).toEqual({ "suits-meal": 1 });
    expect(quality.mealPatternShare).toBeCloseTo(2 / 3);
  });

  it("names a lunch of 1.5 l of plant milk beside a fish: too much milk, a milk at lunch, no vegetable", () => {
    const milks = meal("Lunch", [
      ["Oat milk, unsweetened", 1500],
      ["Halibut, cooked, dry heat", 140],
    ]);
    const quality = measurePlan([{ day: 1, meals: [BREAKFAST, milks, DINNER] }], undefined, spec, catalogue);
    const report = quality.worstMeals[0];
    expect(report?.rules).toEqual(expect.arrayContaining(["suits-meal", "per-meal-amount", "starch", "vegetable"]));
    expect(report?.text).toContain("Day 1 Lunch: Oat milk 1500 g, Halibut 140 g — breaks:");
    expect(report?.text).toContain("1500 g of Oat milk (at most 300 g)");
    expect(report?.text).toMatch(/no vegetable/);
  });

  it("names a lunch of seitan beside five beans: protein sides beyond two", () => {
    const beans = meal("Lunch", [
      ["Seitan (wheat gluten), prepared", 150],
      ["Split peas, cooked, boiled", 85],
      ["White beans (cannellini), cooked, boiled", 85],
      ["Black-eyed peas, cooked, boiled", 85],
      ["Fava beans, cooked, boiled", 85],
      ["Mung beans, cooked, boiled", 85],
      ["Cauliflower, cooked, boiled", 150],
    ]);
    const quality = measurePlan([{ day: 1, meals: [BREAKFAST, beans, DINNER] }], undefined, spec, catalogue);
    expect(quality.worstMeals.map((report) => report.meal)).toEqual(["Lunch"]);
    expect(quality.worstMeals[0]?.rules).toContain("two-protein-sides-at-most");
    expect(quality.worstMeals[0]?.text).toMatch(/5 protein sides \(Split peas, /);
  });

  it("names a snack of oil: only a fat, and an oil that does not suit a snack", () => {
    const oil = meal("Afternoon snack", [["Olive oil", 15]]);
    const quality = measurePlan(
      [{ day: 2, meals: [BREAKFAST, LUNCH, oil, DINNER] }],
      undefined,
      specFor({ calorie_target: 2000, meals_per_day: 4 }),
      catalogue,
    );
    expect(quality.worstMeals.map((report) => report.meal)).toEqual(["Afternoon snack"]);
    expect(quality.worstMeals[0]?.rules).toEqual(expect.arrayContaining(["snack-substance", "suits-meal"]));
    expect(quality.worstMeals[0]?.text).toContain("Day 2 Afternoon snack: Olive oil 15 g — breaks:");
    expect(quality.worstMeals[0]?.text).toContain("only fat");
  });

  it("holds the offline planner to every meal and a careless model's repair to 97 %, naming the rules broken", () => {
    const cod = meal("Breakfast", [["Cod, Atlantic, cooked, dry heat", 140]]);
    const days: PlannedDay[] = Array.from({ length: 12 }, (_, index) => ({
      day: index + 1,
      meals: [index === 0 ? cod : BREAKFAST, LUNCH, DINNER],
    }));
    const quality = measurePlan(days, undefined, { ...spec, leftovers: true, foodsPerWeek: 80 }, catalogue);
    // 35 of 36 meals: 97.2 %.
    expect(quality.mealPatternShare).toBeCloseTo(35 / 36);
    expect(qualityFailures(quality, "careless").filter((failure) => failure.includes("pattern"))).toEqual([]);
    expect(qualityFailures(quality, "offline").filter((failure) => failure.includes("pattern"))).toEqual([
      expect.stringMatching(/^97\.2 % of meals meet their pattern \(.*suits-meal 1.*\)$/),
    ]);
    expect(QUALITY_RULES.minMealsMeetingPattern).toEqual({ offline: 1, careless: 0.97 });
  });

  it("keeps the worst meals, most rules broken first, ten at most", () => {
    const bad = meal("Lunch", [["Olive oil", 10]]);
    const worse = meal("Lunch", [["Oat milk, unsweetened", 1500]]);
    const days: PlannedDay[] = Array.from({ length: 14 }, (_, index) => ({
      day: index + 1,
      meals: [BREAKFAST, index === 9 ? worse : bad, DINNER],
    }));
    const quality = measurePlan(days, undefined, { ...spec, leftovers: true, foodsPerWeek: 80 }, catalogue);
    expect(quality.worstMeals).toHaveLength(10);
    expect(quality.worstMeals[0]?.day).toBe(10);
    const counts = quality.worstMeals.map((report) => report.rules.length);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
  });
});

describe("the week's measures", () => {
  /** Eight days of one food per meal, a different food at every meal: 21 foods in days 1-7, 3 more on day 8. */
  const vegetables = catalogue.filter((f) => f.plate_role === "vegetable").slice(0, 24);
  const week: PlannedDay[] = Array.from({ length: 8 }, (_, index) => ({
    day: index + 1,
    meals: ["Breakfast", "Lunch", "Dinner"].map((name, m) => {
      const f = vegetables[index * 3 + m] as CatalogueFood;
      return { name, items: [plannedItem(f, f.default_portion_g)] };
    }),
  }));

  it("counts distinct foods per week (days 1-7, then 8-14) against the plan's bound", () => {
    const quality = measurePlan(week, undefined, { ...spec, foodsPerWeek: 20 }, catalogue);
    expect(quality.maxDistinctPerWeek).toBe(21);
    expect(quality.minDistinctPer7Days).toBe(21);
    expect(qualityFailures(quality, "offline")).toContain("21 distinct foods in a week (at most 20)");
    const within = measurePlan(week, undefined, { ...spec, foodsPerWeek: 21 }, catalogue);
    expect(qualityFailures(within, "offline").some((failure) => failure.includes("distinct foods in a week"))).toBe(
      false,
    );
  });

  it("counts a day with the same foods at the same meals as an earlier day of its week, whatever the grams", () => {
    const again: PlannedDay = {
      day: 3,
      meals: [
        BREAKFAST,
        LUNCH,
        { ...DINNER, items: DINNER.items.map((item) => ({ ...item, grams: item.grams + 20 })) },
      ],
    };
    const nextWeek: PlannedDay = { day: 8, meals: [BREAKFAST, LUNCH, DINNER] };
    const days = [
      { day: 1, meals: [BREAKFAST, LUNCH, DINNER] },
      { day: 2, meals: [BREAKFAST, DINNER, LUNCH] },
      again,
      nextWeek,
    ];
    const quality = measurePlan(days, undefined, spec, catalogue);
    expect(quality.identicalDays).toBe(1);
    expect(qualityFailures(quality, "offline")).toContain("1 days identical to an earlier day of their week");
    const leftovers = measurePlan(days, undefined, { ...spec, leftovers: true }, catalogue);
    expect(qualityFailures(leftovers, "offline").some((failure) => failure.includes("identical"))).toBe(false);
  });

  it("counts, when leftovers were asked, each lunch that is not the day before's dinner", () => {
    const leftovers = { ...spec, leftovers: true };
    const served = [
      { day: 1, meals: [BREAKFAST, LUNCH, DINNER] },
      { day: 2, meals: [BREAKFAST, { ...DINNER, name: "Lunch" }, DINNER] },
      { day: 3, meals: [BREAKFAST, LUNCH, DINNER] },
    ];
    expect(measurePlan(served, undefined, leftovers, catalogue).leftoverLunchesMissed).toBe(1);
    expect(qualityFailures(measurePlan(served, undefined, leftovers, catalogue), "offline")).toContain(
      "1 lunches are not the day before's dinner, though leftovers were asked",
    );
    expect(measurePlan(served, undefined, spec, catalogue).leftoverLunchesMissed).toBe(0);
  });

  it("judges portions against the usual portion scaled to the day, not the catalogue's", () => {
    const big = specFor({ calorie_target: 3200 });
    expect(portionScale(3200, 3)).toBeCloseTo(1.6);
    // Chicken's usual 120 g is 192 g on this day: 300 g is natural (1.56x), 40 g under 0.25x.
    const day = {
      day: 1,
      meals: [
        meal("Lunch", [
          ["Chicken breast, meat only, roasted", 300],
          ["Rice, white, long-grain, cooked", 40],
        ]),
      ],
    };
    const quality = measurePlan([day], undefined, big, catalogue);
    expect(quality.days[0]?.naturalItems).toBe(1);
    expect(quality.outsideHardItems).toBe(1);
    const usualDay = measurePlan([day], undefined, spec, catalogue);
    expect(usualDay.days[0]?.naturalItems).toBe(0);
  });

  it("counts a saved title or preparation holding a link or markup", () => {
    const titled = [
      { ...BREAKFAST, title: "Oats, see https://example.com" },
      { ...LUNCH, title: "Chicken with rice", preparation: "<b>Cook</b> the chicken." },
      { ...DINNER, title: "Salmon with potatoes", preparation: "Cook the salmon; serve with the potatoes." },
    ];
    const quality = measurePlan([{ day: 1, meals: titled }], undefined, spec, catalogue);
    expect(quality.unsafeTexts).toBe(2);
    expect(qualityFailures(quality, "offline")).toContain("2 meal texts with a link or markup");
  });
});

describe("the careless models are as careless as they say (their answers, before any repair)", () => {
  const planSpec = specFor({ calorie_target: 2000, meals_per_day: 4 }, 9);
  // Days 8 and 9 of an omnivore plan, the whole catalogue as the candidate list.
  const brief: PassBrief = {
    dayNumbers: [8, 9],
    candidates: catalogue,
    calorieTarget: planSpec.calorieTarget,
    macroSplit: planSpec.macroSplit,
    mealsPerDay: planSpec.mealsPerDay,
    foodsPerWeek: planSpec.foodsPerWeek,
    leftovers: false,
    avoidFoodIds: [],
    preferFoodIds: [],
    diet: [],
    allergies: [],
    dislikedFamilies: [],
  };
  const answer = (kind: CarelessKind) => {
    const plan = carelessPlan(kind, brief);
    const days: PlannedDay[] = plan.days.map((day) => ({
      day: day.day,
      meals: day.meals.map((m) => ({
        name: m.name,
        items: m.items.map((item) => plannedItem(byId.get(item.food_id) as CatalogueFood, item.grams)),
      })),
    }));
    return { plan, quality: measurePlan(days, undefined, planSpec, catalogue) };
  };
  const byId = new Map(catalogue.map((f) => [f.id, f]));

  it.each([
    ["dinner-at-breakfast", "suits-meal"],
    ["drinks-as-meals", "per-meal-amount"],
    ["only-starches", "protein-food"],
    ["only-proteins", "vegetable"],
    ["list-order", "suits-meal"],
  ] as const)("%s breaks %s", (kind, rule) => {
    expect(answer(kind).quality.brokenRules[rule] ?? 0).toBeGreaterThan(0);
  });

  it("far-off-calories serves one day at under half its calories and the next at over double", () => {
    const [low, high] = answer("far-off-calories").quality.days.map((day) => day.kcalErrorPct);
    expect(low).toBeGreaterThan(45);
    expect(high).toBeGreaterThan(100);
  });

  it("own-day-numbers numbers the days from 1, last first, whichever were asked", () => {
    expect(answer("own-day-numbers").plan.days.map((day) => day.day)).toEqual([2, 1]);
  });

  it("usual-portions serves every item at the catalogue's usual portion", () => {
    const items = answer("usual-portions").plan.days.flatMap((day) => day.meals.flatMap((m) => m.items));
    expect(items.every((item) => item.grams === byId.get(item.food_id)?.default_portion_g)).toBe(true);
  });

  it("every kind writes hostile dish text: a link, 300 characters, a number, HTML", () => {
    for (const kind of CARELESS_KINDS) {
      const titles = answer(kind).plan.days.flatMap((day) => day.meals.map((m) => m.title));
      expect(titles.some((title) => typeof title === "string" && title.includes("https://"))).toBe(true);
      expect(titles.some((title) => typeof title === "string" && title.length >= 300)).toBe(true);
      expect(titles.some((title) => typeof title === "number")).toBe(true);
      expect(titles.some((title) => typeof title === "string" && title.includes("<script>"))).toBe(true);
    }
  });
});
