import { describe, expect, it } from "vitest";
import { firstFieldWithIssue, groupIssuesByField, issueTarget } from "@/ui/plan-form/field-issues";

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
      "intake_data.diet": ["diet entries must be one of: vegan"],
      name: ["name is required"],
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
