import { describe, expect, it } from "vitest";
import { PlanInputError } from "@/generation/intake/plan-input-error";
import { effectiveIntake, resolvePlanSpec, type StoredPlanInputs } from "@/generation/intake/resolve-plan-spec";

const legacyPlan = (overrides: Partial<StoredPlanInputs> = {}): StoredPlanInputs => ({
  plan_length_days: 7,
  intake_data: {},
  goal: null,
  calorie_target: null,
  macro_split: null,
  dietary_restrictions: null,
  ...overrides,
});

describe("resolving a plan spec", () => {
  it("uses the defaults for a bare legacy plan, with the simple prompt", () => {
    expect(resolvePlanSpec(legacyPlan(), {})).toEqual({
      days: 7,
      calorieTarget: 2000,
      macroSplit: { protein_pct: 30, carb_pct: 40, fat_pct: 30 },
      diet: [],
      allergies: [],
      dislikedFoodIds: [],
      mealsPerDay: 3,
      foodsPerWeek: 30,
      leftovers: false,
      extraContext: {},
      promptStyle: "simple",
    });
  });

  it("reads the stored legacy fields, numbers possibly as strings", () => {
    const spec = resolvePlanSpec(
      legacyPlan({
        plan_length_days: "14",
        calorie_target: "1800",
        goal: "lose fat",
        macro_split: { protein_pct: 40, carb_pct: 30, fat_pct: 30 },
      }),
      {},
    );
    expect(spec).toMatchObject({
      days: 14,
      calorieTarget: 1800,
      goal: "lose fat",
      macroSplit: { protein_pct: 40 },
      promptStyle: "simple",
    });
  });

  it("lets the request body override the stored values", () => {
    const spec = resolvePlanSpec(legacyPlan({ calorie_target: 1800, goal: "old" }), {
      plan_length_days: 3,
      calorie_target: 2500,
      goal: "new",
    });
    expect(spec).toMatchObject({ days: 3, calorieTarget: 2500, goal: "new" });
  });

  it("uses the rich prompt when the plan has intake_data, and intake wins over legacy fields", () => {
    const spec = resolvePlanSpec(
      legacyPlan({
        calorie_target: 1800,
        intake_data: {
          calorie_target: 2600,
          meals_per_day: 5,
          diet: ["vegetarian"],
          goal: "bulk",
          notes: "trains daily",
        },
      }),
      {},
    );
    expect(spec).toMatchObject({
      calorieTarget: 2600,
      mealsPerDay: 5,
      diet: ["vegetarian"],
      goal: "bulk",
      notes: "trains daily",
      promptStyle: "rich",
    });
  });

  it("merges the body's intake over the stored one: a new target never drops the diet, allergies or dislikes", () => {
    const disliked = "5eed0000-0000-4000-8000-00000000000a";
    const stored = legacyPlan({
      intake_data: { calorie_target: 2600, diet: ["vegan"], allergies: ["egg", "soy"], disliked_foods: [disliked] },
    });
    expect(resolvePlanSpec(stored, { intake_data: { calorie_target: 2100 } })).toMatchObject({
      calorieTarget: 2100,
      diet: ["vegan"],
      allergies: ["egg", "soy"],
      dislikedFoodIds: [disliked],
    });
    expect(effectiveIntake(stored, { intake_data: { calorie_target: 2100 } })).toEqual({
      calorie_target: 2100,
      diet: ["vegan"],
      allergies: ["egg", "soy"],
      disliked_foods: [disliked],
    });
  });

  it("drops a stored restriction only when the body says so explicitly", () => {
    const stored = legacyPlan({
      intake_data: { allergies: ["egg"], disliked_foods: ["5eed0000-0000-4000-8000-00000000000a"] },
    });
    expect(resolvePlanSpec(stored, { intake_data: { allergies: [], disliked_foods: [] } })).toMatchObject({
      allergies: [],
      dislikedFoodIds: [],
    });
  });

  it("treats an empty body intake as absent", () => {
    const spec = resolvePlanSpec(legacyPlan({ intake_data: { calorie_target: 2600 } }), { intake_data: {} });
    expect(spec).toMatchObject({ calorieTarget: 2600, promptStyle: "rich" });
  });

  it("combines restrictions from intake and from legacy text", () => {
    const spec = resolvePlanSpec(
      legacyPlan({
        intake_data: { diet: ["gluten_free"], allergies: ["egg"] },
        dietary_restrictions: "vegan, nut allergy",
      }),
      {},
    );
    expect([...spec.diet].sort()).toEqual(["gluten_free", "vegan"]);
    expect([...spec.allergies].sort()).toEqual(["egg", "peanut", "tree_nut"]);
  });

  it("keeps the legacy restriction text as capped context", () => {
    const spec = resolvePlanSpec(legacyPlan(), { dietary_restrictions: "vegetarian,\n no mushrooms  please" });
    expect(spec.extraContext).toEqual({ dietary_restrictions: "vegetarian, no mushrooms please" });
    expect(spec.diet).toEqual(["vegetarian"]);
  });

  it("passes extra intake keys as text context and skips empty ones", () => {
    const spec = resolvePlanSpec(
      legacyPlan({ intake_data: { cuisine: "thai", training_days: 4, likes: ["rice"], nothing: null } }),
      {},
    );
    expect(spec.extraContext).toEqual({ cuisine: "thai", training_days: "4", likes: '["rice"]' });
  });

  it("caps a long stored legacy goal rather than failing", () => {
    const spec = resolvePlanSpec(legacyPlan({ goal: "g".repeat(900) }), {});
    expect(spec.goal?.length).toBe(500);
    expect(spec.goal?.endsWith("…")).toBe(true);
  });

  it("fails with a non-retryable PlanInputError naming a bad stored value", () => {
    expect(() => resolvePlanSpec(legacyPlan({ plan_length_days: 40 }), {})).toThrow(PlanInputError);
    expect(() => resolvePlanSpec(legacyPlan({ plan_length_days: null }), {})).toThrow(/plan_length_days/);
    expect(() => resolvePlanSpec(legacyPlan({ calorie_target: "lots" }), {})).toThrow(/calorie_target/);
    expect(() => resolvePlanSpec(legacyPlan({ macro_split: { protein_pct: 10 } }), {})).toThrow(/macro_split/);
    try {
      resolvePlanSpec(legacyPlan({ intake_data: { meals_per_day: 12 } }), {});
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(PlanInputError);
      expect((error as PlanInputError).retryable).toBe(false);
      expect((error as Error).message).toBe(
        "The plan's stored intake_data is invalid: intake_data.meals_per_day: meals_per_day must be from 3 to 6",
      );
    }
  });

  it("does not need a stored length when the body gives one", () => {
    expect(resolvePlanSpec(legacyPlan({ plan_length_days: null }), { plan_length_days: 2 }).days).toBe(2);
  });
});
