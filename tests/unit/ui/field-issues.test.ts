import { describe, expect, it } from "vitest";
import { parseCreatePlanBody } from "@/generation/intake/create-plan-body";
import { PlanSettingsBodySchema } from "@/generation/intake/plan-settings";
import { describeZodIssues } from "@/generation/shared/zod-issues";
import {
  firstFieldWithIssue,
  groupIssuesByField,
  humanMessage,
  issueTarget,
  PLAN_FORM_FIELDS,
} from "@/ui/plan-form/field-issues";

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
      "intake_data.diet": ["Diet must be one of: Vegan"],
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

/**
 * Every message the form can show, in its words: each field of the create
 * body (and the plan page's settings) given every kind of wrong value the
 * form can send, the schema's messages and the server's own refusals, as the
 * form groups them. None may name an API field (or any snake_case word).
 */
describe("no message the form or the plan API can show names a field as the API spells it", () => {
  const valid = { name: "Week", plan_length_days: 7, intake_data: {} };
  const wrongIntake: Record<string, unknown[]> = {
    calorie_target: [Number.NaN, 10, 90_000, "2000"],
    macro_split: [
      { protein_pct: 50, carb_pct: 50, fat_pct: 50 },
      { protein_pct: Number.NaN, carb_pct: -1, fat_pct: 101 },
      "40/30/30",
    ],
    meals_per_day: [Number.NaN, 2, 7, 3.5],
    foods_per_week: [Number.NaN, 2, 900, 20.5],
    leftovers: ["yes"],
    diet: ["vegan", ["carnivore"]],
    allergies: ["egg", ["pollen"]],
    disliked_foods: ["rice", ["not-an-id"], Array.from({ length: 51 }, (_, index) => `${index}`)],
    goal: [7, "g".repeat(10_000)],
    notes: [7, "n".repeat(100_000)],
  };
  const wrongTop: Record<string, unknown[]> = {
    name: ["", "   ", 7, "n".repeat(201)],
    client_id: ["someone"],
    plan_length_days: [undefined, Number.NaN, 0, 29, 2.5],
    start_date: ["07/12/2026", "2026-02-30", "1999-12-31", "2101-01-01", 20261207],
    client_title: ["", "   ", 7, "t".repeat(121)],
    intake_data: ["everything"],
  };
  const bodies = [
    ...Object.entries(wrongIntake).flatMap(([key, values]) =>
      values.map((value) => ({ ...valid, intake_data: { [key]: value } })),
    ),
    ...Object.entries(wrongTop).flatMap(([key, values]) => values.map((value) => ({ ...valid, [key]: value }))),
    "not an object",
  ];
  const schemaMessages = bodies.flatMap((body) => {
    const parsed = parseCreatePlanBody(body);
    return parsed.ok ? [] : parsed.details;
  });
  const settingsMessages = [{}, { start_date: "soon" }, { client_title: "" }, { extra: 1, start_date: null }].flatMap(
    (body) => {
      const parsed = PlanSettingsBodySchema.safeParse(body);
      return parsed.success
        ? []
        : describeZodIssues(parsed.error).filter((issue) => !/^unknown field/.test(issue.message));
    },
  );
  // The server's own refusals of a body the schema passed (src/server/plans.ts).
  const serverMessages = [
    { path: "client_id", message: "client_id is not one of your clients" },
    {
      path: "intake_data.disliked_foods",
      message: "intake_data.disliked_foods names foods not in your catalogue: 0a0a0a0a-0000-4000-8000-000000000000",
    },
  ];

  it("covers every field the form has", () => {
    const fields = new Set([...schemaMessages, ...settingsMessages].map((issue) => issueTarget(issue.path)));
    for (const field of PLAN_FORM_FIELDS) expect(fields, field).toContain(field);
  });

  it.each([...schemaMessages, ...settingsMessages, ...serverMessages])("$path: $message", (issue) => {
    const shown = Object.values(groupIssuesByField([issue])).flat();
    expect(shown).toHaveLength(1);
    expect(shown[0]).not.toMatch(/\b[a-z]+_[a-z_]+\b/);
  });
});
