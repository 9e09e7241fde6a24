import { describe, expect, it } from "vitest";
import { chooseModel, DEFAULT_GENERATION_CONFIG, withModels } from "@/generation/generation-config";

describe("model choice (preserved from the original route)", () => {
  it.each([
    [1, "claude-sonnet-4-6", 2048],
    [2, "claude-sonnet-4-6", 4096],
    [3, "claude-sonnet-4-6", 4096],
    [4, "claude-haiku-4-5-20251001", 4096],
    [5, "claude-haiku-4-5-20251001", 8192],
    [7, "claude-haiku-4-5-20251001", 8192],
    [28, "claude-haiku-4-5-20251001", 8192],
  ])("a %i-day plan uses %s with %i max tokens", (days, model, maxTokens) => {
    expect(chooseModel(days)).toEqual({ model, maxTokens });
  });

  it("uses overridden model names and keeps the original route's thresholds", () => {
    const config = withModels({ shortPlan: "sonnet-env", longPlan: "haiku-env" });
    expect(chooseModel(3, config)).toEqual({ model: "sonnet-env", maxTokens: 4096 });
    expect(chooseModel(4, config)).toEqual({ model: "haiku-env", maxTokens: 4096 });
  });

  it("overrides one model name without touching the other", () => {
    const config = withModels({ longPlan: "haiku-env" });
    expect(config.models.shortPlan).toBe("claude-sonnet-4-6");
    expect(DEFAULT_GENERATION_CONFIG.models.longPlan).toBe("claude-haiku-4-5-20251001");
  });
});

describe("defaults", () => {
  it("keep the original route's first pass size, calorie tolerance and plan defaults", () => {
    expect(DEFAULT_GENERATION_CONFIG.firstPassMaxDays).toBe(5);
    expect(DEFAULT_GENERATION_CONFIG.calorieTolerance).toBe(0.03);
    expect(DEFAULT_GENERATION_CONFIG.defaults).toEqual({
      calorieTarget: 2000,
      macroSplit: { protein_pct: 30, carb_pct: 40, fat_pct: 30 },
      mealsPerDay: 3,
      foodsPerWeek: 30,
    });
  });
});
