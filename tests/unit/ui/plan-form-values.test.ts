import { describe, expect, it } from "vitest";
import { parseCreatePlanBody } from "@/generation/intake/create-plan-body";
import { firstFieldWithIssue, groupIssuesByField } from "@/ui/plan-form/field-issues";
import {
  INITIAL_PLAN_FORM_VALUES,
  macroPercentSum,
  macroSumIsValid,
  numberFromText,
  type PlanFormValues,
  toCreatePlanBody,
} from "@/ui/plan-form/plan-form-values";

const filled: PlanFormValues = { ...INITIAL_PLAN_FORM_VALUES, name: "Cut for Sam" };

describe("the new-plan form's request body", () => {
  it("sends the start date and the client's title when given, and neither when blank", () => {
    expect(toCreatePlanBody({ ...filled, startDate: "2026-12-07", clientTitle: "  Your winter plan " })).toMatchObject({
      start_date: "2026-12-07",
      client_title: "Your winter plan",
    });
    const blank = toCreatePlanBody({ ...filled, startDate: "", clientTitle: "   " });
    expect(blank).not.toHaveProperty("start_date");
    expect(blank).not.toHaveProperty("client_title");
    expect(parseCreatePlanBody(blank).ok).toBe(true);
  });

  it("passes the API's schema when the form is filled in with the defaults and a name", () => {
    const parsed = parseCreatePlanBody(toCreatePlanBody(filled));
    expect(parsed.ok).toBe(true);
    if (parsed.ok) {
      expect(parsed.value).toMatchObject({
        name: "Cut for Sam",
        plan_length_days: 7,
        intake_data: {
          calorie_target: 2000,
          macro_split: { protein_pct: 30, carb_pct: 40, fat_pct: 30 },
          diet: [],
          allergies: [],
          meals_per_day: 3,
          foods_per_week: 30,
          leftovers: false,
        },
      });
    }
  });

  it("sends the foods per week and leftovers as the coach set them", () => {
    const parsed = parseCreatePlanBody(toCreatePlanBody({ ...filled, foodsPerWeek: " 45 ", leftovers: true }));
    expect(parsed.ok && parsed.value.intake_data).toMatchObject({ foods_per_week: 45, leftovers: true });
  });

  it("reports foods per week outside 15 to 80, or not a whole number, beside that field", () => {
    for (const foodsPerWeek of ["10", "81", "30.5", "many"]) {
      const parsed = parseCreatePlanBody(toCreatePlanBody({ ...filled, foodsPerWeek }));
      expect(parsed.ok, foodsPerWeek).toBe(false);
      if (parsed.ok) continue;
      const grouped = groupIssuesByField(parsed.details);
      expect(grouped["intake_data.foods_per_week"]?.[0], foodsPerWeek).toMatch(/^Foods per week /);
      expect(firstFieldWithIssue(grouped)).toBe("intake_data.foods_per_week");
    }
  });

  it("sends the client, goal, notes, diets and allergies when given, trimmed", () => {
    const body = toCreatePlanBody({
      ...filled,
      clientId: "c0ffee00-0000-4000-8000-000000000001",
      goal: "  fat loss ",
      notes: " no mushrooms ",
      diet: ["vegetarian"],
      allergies: ["peanut", "sesame"],
    });
    expect(body).toMatchObject({
      client_id: "c0ffee00-0000-4000-8000-000000000001",
      intake_data: { goal: "fat loss", notes: "no mushrooms", diet: ["vegetarian"], allergies: ["peanut", "sesame"] },
    });
  });

  it("leaves out blank optional text and the client when none is chosen", () => {
    const body = toCreatePlanBody(filled);
    expect(body).not.toHaveProperty("client_id");
    expect(body.intake_data).not.toHaveProperty("goal");
    expect(body.intake_data).not.toHaveProperty("notes");
  });

  it("sends the disliked foods as catalogue ids in the order chosen, and no list when none is chosen", () => {
    const ids = ["0f0f0f0f-0000-4000-8000-000000000002", "0f0f0f0f-0000-4000-8000-000000000001"];
    const body = toCreatePlanBody({ ...filled, dislikedFoods: ids });
    expect(body.intake_data).toMatchObject({ disliked_foods: ids });
    const parsed = parseCreatePlanBody(body);
    expect(parsed.ok && parsed.value.intake_data?.disliked_foods).toEqual(ids);
    expect(toCreatePlanBody(filled).intake_data).not.toHaveProperty("disliked_foods");
  });

  it("leaves out the macro split when all three percentages are blank", () => {
    const body = toCreatePlanBody({ ...filled, proteinPercent: "", carbPercent: " ", fatPercent: "" });
    expect(body.intake_data).not.toHaveProperty("macro_split");
    expect(parseCreatePlanBody(body).ok).toBe(true);
  });

  it("lets the schema report each problem under the path of its field", () => {
    const parsed = parseCreatePlanBody(
      toCreatePlanBody({ ...filled, name: " ", lengthDays: "40", calories: "abc", fatPercent: "20" }),
    );
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    const grouped = groupIssuesByField(parsed.details);
    expect(grouped.name).toEqual(["Plan name is required"]);
    expect(grouped.plan_length_days).toEqual(["Plan length (days) must be from 1 to 28"]);
    expect(grouped["intake_data.calorie_target"]?.[0]).toMatch(/^Calorie target /);
    expect(grouped["intake_data.macro_split"]).toEqual([
      "Protein, carbs and fat must add up to 100 % (they add up to 90 %)",
    ]);
    expect(firstFieldWithIssue(grouped)).toBe("name");
  });

  it("reports a blank length as required rather than as zero days", () => {
    const parsed = parseCreatePlanBody(toCreatePlanBody({ ...filled, lengthDays: "" }));
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(groupIssuesByField(parsed.details).plan_length_days?.[0]).toMatch(/required/);
  });
});

describe("the running macro total", () => {
  it("adds the three percentages as typed, blanks and nonsense counting as zero", () => {
    expect(macroPercentSum({ proteinPercent: "30", carbPercent: "40", fatPercent: "30" })).toBe(100);
    expect(macroPercentSum({ proteinPercent: "30", carbPercent: "", fatPercent: "x" })).toBe(30);
    expect(macroPercentSum({ proteinPercent: "33.3", carbPercent: "33.3", fatPercent: "33.3" })).toBe(99.9);
  });

  it("accepts what the API accepts: within half a percent of 100", () => {
    expect(macroSumIsValid(100)).toBe(true);
    expect(macroSumIsValid(99.9)).toBe(true);
    expect(macroSumIsValid(100.5)).toBe(true);
    expect(macroSumIsValid(99)).toBe(false);
  });
});

describe("numbers typed into the form", () => {
  it("are undefined when blank and numbers (NaN included) otherwise", () => {
    expect(numberFromText("")).toBeUndefined();
    expect(numberFromText("  ")).toBeUndefined();
    expect(numberFromText(" 12 ")).toBe(12);
    expect(numberFromText("1e3")).toBe(1000);
    expect(numberFromText("twelve")).toBeNaN();
  });
});
