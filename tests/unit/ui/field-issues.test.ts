import { describe, expect, it } from "vitest";
import { firstFieldWithIssue, groupIssuesByField, humanMessage, issueTarget } from "@/ui/plan-form/field-issues";

describe("where a validation issue is shown", () => {
  it("beside the field its path names", () => {
    expect(issueTarget("name")).toBe("name");
    expect(issueTarget("plan_length_days")).toBe("plan_length_days");
    expect(issueTarget("intake_data.calorie_target")).toBe("intake_data.calorie_target");
    expect(issueTarget("intake_data.notes")).toBe("intake_data.notes");
  });

  it("beside the macro split for any of its three percentages", () => {
    expect(issueTarget("intake_data.macro_split")).toBe("intake_data.macro_split");
    expect(issueTarget("intake_data.macro_split.fat_pct")).toBe("intake_data.macro_split");
  });

  it("beside the checkbox group for one of its entries", () => {
    expect(issueTarget("intake_data.diet[2]")).toBe("intake_data.diet");
    expect(issueTarget("intake_data.allergies[0]")).toBe("intake_data.allergies");
  });

  it("beside the disliked-foods picker for the list, one of its ids, or an id the server does not know", () => {
    expect(issueTarget("intake_data.disliked_foods")).toBe("intake_data.disliked_foods");
    expect(issueTarget("intake_data.disliked_foods[4]")).toBe("intake_data.disliked_foods");
  });

  it("above the form when it belongs to no field", () => {
    expect(issueTarget("(root)")).toBe("form");
    expect(issueTarget("intake_data")).toBe("form");
    expect(issueTarget("dietary_restrictions")).toBe("form");
    expect(issueTarget("intake_data.favourite_colour")).toBe("form");
  });
});

describe("grouping issues", () => {
  it("collects messages per field without repeating one", () => {
    const grouped = groupIssuesByField([
      { path: "intake_data.diet[0]", message: "diet entries must be one of: vegan" },
      { path: "intake_data.diet[1]", message: "diet entries must be one of: vegan" },
      { path: "name", message: "name is required" },
    ]);
    expect(grouped).toEqual({
      "intake_data.diet": ["Diet entries must be one of: vegan"],
      name: ["Plan name is required"],
    });
  });

  it("names the first problem in the order the form shows its fields", () => {
    expect(
      firstFieldWithIssue(
        groupIssuesByField([
          { path: "intake_data.notes", message: "too long" },
          { path: "intake_data.calorie_target", message: "too low" },
        ]),
      ),
    ).toBe("intake_data.calorie_target");
    expect(
      firstFieldWithIssue(
        groupIssuesByField([
          { path: "intake_data.notes", message: "too long" },
          { path: "intake_data.disliked_foods", message: "unknown food" },
        ]),
      ),
    ).toBe("intake_data.disliked_foods");
    expect(firstFieldWithIssue(groupIssuesByField([{ path: "(root)", message: "bad" }]))).toBe("form");
    expect(firstFieldWithIssue({})).toBeNull();
  });
});

describe("messages in the form's words", () => {
  it("says the macro split in a coach's words, with the sum the coach typed", () => {
    expect(humanMessage("macro_split must add up to 100 (got 95)")).toBe(
      "Protein, carbs and fat must add up to 100 % (they add up to 95 %)",
    );
  });

  it.each([
    ["calorie_target must be at least 800 kcal/day", "Calorie target must be at least 800 kcal/day"],
    ["protein_pct must be between 0 and 100", "Protein % must be between 0 and 100"],
    ["plan_length_days must be from 1 to 28", "Plan length (days) must be from 1 to 28"],
    ["meals_per_day must be from 3 to 6", "Meals per day must be from 3 to 6"],
    ["disliked_foods entries must be food ids from the catalogue", "Disliked foods must be foods from the catalogue"],
  ])("names no API field: %s", (message, human) => {
    expect(humanMessage(message)).toBe(human);
  });

  it("is what the grouped issues carry", () => {
    const grouped = groupIssuesByField([
      { path: "intake_data.macro_split", message: "macro_split must add up to 100 (got 101)" },
    ]);
    expect(grouped["intake_data.macro_split"]).toEqual([
      "Protein, carbs and fat must add up to 100 % (they add up to 101 %)",
    ]);
  });
});
