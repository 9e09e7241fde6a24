import { describe, expect, it } from "vitest";
import {
  ACTIVITY_FACTORS,
  EnergyInputsSchema,
  mifflinStJeor,
  splitWithProtein,
  suggestEnergy,
} from "@/generation/nutrition/energy-needs";

/**
 * Worked examples of the Mifflin-St Jeor equation (Mifflin et al., Am J Clin
 * Nutr 1990;51:241-7) as published: resting energy = 10 × kg + 6.25 × cm −
 * 5 × years, + 5 for men, − 161 for women.
 */
describe("resting energy (Mifflin-St Jeor)", () => {
  it("matches the published example of a woman of 60 kg, 165 cm, 30 years (1,320.25 kcal)", () => {
    // biologyinsights.com, "What Is the Mifflin St Jeor Equation for BMR?": (10 × 60) + (6.25 × 165) − (5 × 30) − 161.
    expect(mifflinStJeor({ weightKg: 60, heightCm: 165, ageYears: 30, sex: "female" })).toBe(1320.25);
  });

  it("matches the published example of a moderately active woman of 28, 65 kg, 165 cm (2,139 kcal to maintain)", () => {
    // qaicalculator.com calorie calculator, "Example 1: Active Female": BMR 1,380.25, × 1.55.
    const input = { weightKg: 65, heightCm: 165, ageYears: 28, sex: "female" as const };
    expect(mifflinStJeor(input)).toBe(1380.25);
    const suggestion = suggestEnergy({ ...input, activity: "moderate", goal: "maintain", proteinGPerKg: 1.6 });
    expect(suggestion.maintenanceKcal).toBeCloseTo(2139.39, 2);
    expect(suggestion.calorieTarget).toBe(2140);
  });

  it("adds 166 kcal for a man of the same figures (+5 against −161)", () => {
    const figures = { weightKg: 80, heightCm: 180, ageYears: 30 };
    expect(mifflinStJeor({ ...figures, sex: "male" })).toBe(1780);
    expect(mifflinStJeor({ ...figures, sex: "male" }) - mifflinStJeor({ ...figures, sex: "female" })).toBe(166);
  });
});

describe("the suggested calorie target and protein", () => {
  const man = { weightKg: 80, heightCm: 180, ageYears: 30, sex: "male" as const, proteinGPerKg: 1.6 };

  it("is maintenance 15 % lower to lose, the same to maintain, 10 % higher to gain, to the nearest 10 kcal", () => {
    // 1,780 × 1.55 = 2,759 kcal to maintain.
    expect(suggestEnergy({ ...man, activity: "moderate", goal: "maintain" }).calorieTarget).toBe(2760);
    expect(suggestEnergy({ ...man, activity: "moderate", goal: "lose" }).calorieTarget).toBe(2350); // 2,345.15
    expect(suggestEnergy({ ...man, activity: "moderate", goal: "gain" }).calorieTarget).toBe(3030); // 3,034.9
    expect(suggestEnergy({ ...man, activity: "sedentary", goal: "maintain" }).calorieTarget).toBe(2140); // 2,136
  });

  it("uses the published activity factors", () => {
    expect(ACTIVITY_FACTORS).toEqual({ sedentary: 1.2, light: 1.375, moderate: 1.55, very: 1.725, extra: 1.9 });
  });

  it("gives protein as grams per kg of body weight, and its share of the target", () => {
    const suggestion = suggestEnergy({ ...man, activity: "moderate", goal: "lose" });
    expect(suggestion.proteinGrams).toBe(128); // 80 kg × 1.6
    expect(suggestion.proteinPct).toBe(22); // 512 kcal of 2,350
    expect(suggestEnergy({ ...man, proteinGPerKg: 2, activity: "moderate", goal: "lose" }).proteinGrams).toBe(160);
  });

  it("stays within the calorie targets a plan accepts", () => {
    const small = { weightKg: 30, heightCm: 120, ageYears: 100, sex: "female" as const, proteinGPerKg: 1.6 };
    expect(suggestEnergy({ ...small, activity: "sedentary", goal: "lose" }).calorieTarget).toBe(800);
  });

  it("refuses figures no adult has", () => {
    const valid = { ...man, activity: "moderate", goal: "lose" };
    expect(EnergyInputsSchema.safeParse(valid).success).toBe(true);
    expect(EnergyInputsSchema.safeParse({ ...valid, weightKg: 8 }).success).toBe(false);
    expect(EnergyInputsSchema.safeParse({ ...valid, ageYears: 12 }).success).toBe(false);
    expect(EnergyInputsSchema.safeParse({ ...valid, activity: "couch" }).success).toBe(false);
    expect(EnergyInputsSchema.safeParse({ ...valid, heightCm: Number.NaN }).success).toBe(false);
  });
});

describe("the macro split with the suggested protein", () => {
  it("keeps fat's share and gives carbohydrate the rest", () => {
    expect(splitWithProtein(22, { carb_pct: 50, fat_pct: 30 })).toEqual({ protein_pct: 22, carb_pct: 48, fat_pct: 30 });
  });

  it("takes from fat when protein and fat leave no room for carbohydrate", () => {
    expect(splitWithProtein(80, { carb_pct: 0, fat_pct: 30 })).toEqual({ protein_pct: 80, carb_pct: 0, fat_pct: 20 });
  });
});
