import { describe, expect, it } from "vitest";
import { GenerateBodySchema, IntakeDataSchema, parseGenerateBody, parseIntakeData } from "@/generation/intake/intake";

describe("GenerateBody (the original route's interface)", () => {
  it("accepts an empty body, meaning 'use what the plan stores'", () => {
    expect(parseGenerateBody({})).toEqual({ ok: true, value: {} });
    expect(parseGenerateBody(undefined)).toEqual({ ok: true, value: {} });
    expect(parseGenerateBody(null)).toEqual({ ok: true, value: {} });
  });

  it("accepts every field of the original route's GenerateBody", () => {
    const body = {
      intake_data: { calorie_target: 2200, diet: ["vegan"], favourite_cuisine: "thai" },
      plan_length_days: 14,
      goal: "lose fat",
      calorie_target: 1800,
      macro_split: { protein_pct: 35, carb_pct: 35, fat_pct: 30 },
      dietary_restrictions: "vegetarian, nut allergy",
    };
    const result = parseGenerateBody(body);
    expect(result).toEqual({ ok: true, value: body });
  });

  it("rejects unknown top-level keys and names them", () => {
    const result = parseGenerateBody({ calories_target: 2000 });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toContain('"calories_target"');
    expect(result.details).toEqual([{ path: "(root)", message: 'unknown field "calories_target"' }]);
  });

  it.each([
    [{ plan_length_days: 0 }, "plan_length_days: plan_length_days must be from 1 to 28"],
    [{ plan_length_days: 29 }, "plan_length_days must be from 1 to 28"],
    [{ plan_length_days: 2.5 }, "plan_length_days must be a whole number"],
    [{ plan_length_days: "7" }, "plan_length_days must be a number"],
    [{ calorie_target: 500 }, "calorie_target must be at least 800 kcal/day"],
    [{ calorie_target: 7000 }, "calorie_target must be at most 6000 kcal/day"],
    [{ goal: 42 }, "goal must be text"],
    [{ dietary_restrictions: "x".repeat(501) }, "dietary_restrictions must be at most 500 characters"],
    [{ macro_split: { protein_pct: 30, carb_pct: 30, fat_pct: 30 } }, "macro_split must add up to 100 (got 90)"],
    [{ macro_split: { protein_pct: 30, carb_pct: 40 } }, "fat_pct must be a number"],
    [[1, 2], "the request body must be a JSON object"],
  ])("rejects %j with a clear message", (body, message) => {
    const result = parseGenerateBody(body);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toContain(message);
  });

  it("accepts a macro split within half a point of 100", () => {
    expect(
      GenerateBodySchema.safeParse({ macro_split: { protein_pct: 33.3, carb_pct: 33.3, fat_pct: 33.3 } }).success,
    ).toBe(true);
    expect(
      GenerateBodySchema.safeParse({ macro_split: { protein_pct: 30, carb_pct: 40, fat_pct: 30.6 } }).success,
    ).toBe(false);
  });

  it("addresses problems inside intake_data by their full path", () => {
    const result = parseGenerateBody({ intake_data: { meals_per_day: 9 } });
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.details[0]).toEqual({
        path: "intake_data.meals_per_day",
        message: "meals_per_day must be from 3 to 6",
      });
  });
});

describe("intake_data", () => {
  it("accepts the keys the code understands", () => {
    const intake = {
      calorie_target: 2400,
      macro_split: { protein_pct: 30, carb_pct: 45, fat_pct: 25 },
      diet: ["vegetarian", "gluten_free"],
      allergies: ["peanut", "tree_nut"],
      meals_per_day: 5,
      goal: "build muscle",
      notes: "trains at 6am",
    };
    expect(IntakeDataSchema.parse(intake)).toEqual(intake);
  });

  it("keeps unknown keys as context", () => {
    const parsed = IntakeDataSchema.parse({ favourite_cuisine: "thai", training_days: 4, likes: ["rice", "eggs"] });
    expect(parsed).toEqual({ favourite_cuisine: "thai", training_days: 4, likes: ["rice", "eggs"] });
  });

  it("rejects unknown diets and allergies with the allowed values", () => {
    const diet = parseIntakeData({ diet: ["keto"] });
    expect(diet.ok).toBe(false);
    if (!diet.ok)
      expect(diet.error).toContain(
        "diet entries must be one of: vegetarian, vegan, pescatarian, gluten_free, dairy_free",
      );
    const allergies = parseIntakeData({ allergies: ["nuts"] });
    expect(allergies.ok).toBe(false);
    if (!allergies.ok) expect(allergies.details[0]?.path).toBe("intake_data.allergies[0]");
  });

  it("rejects meals_per_day outside 3-6", () => {
    expect(IntakeDataSchema.safeParse({ meals_per_day: 2 }).success).toBe(false);
    expect(IntakeDataSchema.safeParse({ meals_per_day: 7 }).success).toBe(false);
    expect(IntakeDataSchema.safeParse({ meals_per_day: 6 }).success).toBe(true);
  });

  it("caps extra values at 500 characters", () => {
    expect(IntakeDataSchema.safeParse({ story: "x".repeat(500) }).success).toBe(true);
    const result = parseIntakeData({ story: "x".repeat(501) });
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.details[0]).toEqual({ path: "intake_data.story", message: "must be at most 500 characters" });
    expect(IntakeDataSchema.safeParse({ nested: { text: "y".repeat(600) } }).success).toBe(false);
  });

  it("caps the number of extra keys at 20", () => {
    const keys = (count: number) => Object.fromEntries(Array.from({ length: count }, (_, i) => [`extra_${i}`, "v"]));
    expect(IntakeDataSchema.safeParse(keys(20)).success).toBe(true);
    const result = parseIntakeData(keys(21));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toContain("at most 20 extra keys (got 21)");
  });

  it("caps the length of extra key names", () => {
    expect(IntakeDataSchema.safeParse({ ["k".repeat(61)]: "v" }).success).toBe(false);
  });

  it("rejects a non-object", () => {
    const result = parseIntakeData("vegan");
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toContain("intake_data must be an object");
  });
});
