import type { FieldIssue } from "@/ui/api/api-types";
import { ALLERGEN_LABELS, DIET_LABELS } from "./choice-labels";

/** The form's fields, named by the API path their errors arrive under. */
export const PLAN_FORM_FIELDS = [
  "name",
  "client_id",
  "plan_length_days",
  "start_date",
  "client_title",
  "intake_data.goal",
  "intake_data.calorie_target",
  "intake_data.macro_split",
  "intake_data.meals_per_day",
  "intake_data.foods_per_week",
  "intake_data.leftovers",
  "intake_data.diet",
  "intake_data.allergies",
  "intake_data.disliked_foods",
  "intake_data.notes",
] as const;

export type PlanFormField = (typeof PLAN_FORM_FIELDS)[number];
/** Issues that belong to no single field ("the request body must be a JSON object") show above the form. */
export type IssueTarget = PlanFormField | "form";

const KNOWN_FIELDS: ReadonlySet<string> = new Set(PLAN_FORM_FIELDS);

/**
 * Which field an issue path belongs to. List indices are dropped
 * (`intake_data.diet[2]` is the diet field) and the three percentages share
 * the macro split's fieldset (`intake_data.macro_split.fat_pct`).
 */
export function issueTarget(path: string): IssueTarget {
  const withoutIndices = path.replace(/\[\d+\]/g, "");
  const segments = withoutIndices.split(".");
  for (let length = segments.length; length > 0; length -= 1) {
    const candidate = segments.slice(0, length).join(".");
    if (KNOWN_FIELDS.has(candidate)) return candidate as PlanFormField;
  }
  return "form";
}

/**
 * The API's field names as the form labels them. The intake's messages name
 * the API's fields ("calorie_target must be at least 800 kcal/day"), right
 * for a script; a coach reads the label they typed into.
 */
const FIELD_LABELS: Readonly<Record<string, string>> = {
  name: "Plan name",
  client_id: "Client",
  plan_length_days: "Plan length (days)",
  start_date: "Start date",
  client_title: "Title for the client",
  calorie_target: "Calorie target",
  protein_pct: "Protein %",
  carb_pct: "Carbs %",
  fat_pct: "Fat %",
  macro_split: "The macro split",
  meals_per_day: "Meals per day",
  foods_per_week: "Foods per week",
  leftovers: "Leftovers",
  diet: "Diet",
  allergies: "Allergies",
  disliked_foods: "Disliked foods",
  goal: "Goal",
  notes: "Notes",
  intake_data: "The intake",
};

const FIELD_NAME = new RegExp(`\\b(${Object.keys(FIELD_LABELS).join("|")})\\b`, "g");

/** Diet and allergen values as their checkboxes read ("gluten_free" is "Gluten-free"). */
const CHOICE_LABELS: Readonly<Record<string, string>> = { ...ALLERGEN_LABELS, ...DIET_LABELS };

/**
 * A validation message in the form's words: "macro_split must add up to 100
 * (got 95)" reads "Protein, carbs and fat must add up to 100 % (they add up
 * to 95 %)"; a list of choices reads as the checkboxes do; any other API
 * field name becomes its label.
 */
export function humanMessage(message: string): string {
  const sum = /^macro_split must add up to 100 \(got ([\d.]+)\)$/.exec(message);
  if (sum) return `Protein, carbs and fat must add up to 100 % (they add up to ${sum[1]} %)`;
  // The server's refusal lists the unknown ids: the coach needs to know to choose again, not the ids.
  if (/^intake_data\.disliked_foods names foods? not in your catalogue/.test(message)) {
    return "Disliked foods: one of them is no longer in your catalogue; remove it and choose again";
  }
  const choices = /^(diet|allergies) entries must be one of: (.+)$/.exec(message);
  if (choices?.[1] && choices[2]) {
    const listed = choices[2].split(", ").map((value) => CHOICE_LABELS[value] ?? value);
    return `${FIELD_LABELS[choices[1]]} must be one of: ${listed.join(", ")}`;
  }
  return message
    .replace(
      "disliked_foods entries must be food ids from the catalogue",
      "Disliked foods must be foods from the catalogue",
    )
    .replace(FIELD_NAME, (name) => FIELD_LABELS[name] ?? name);
}

/** Messages grouped by field in the form's words, duplicates removed, in the order the schema reported them. */
export function groupIssuesByField(issues: readonly FieldIssue[]): Partial<Record<IssueTarget, string[]>> {
  const grouped: Partial<Record<IssueTarget, string[]>> = {};
  for (const issue of issues) {
    const target = issueTarget(issue.path);
    const messages = grouped[target] ?? [];
    const message = humanMessage(issue.message);
    if (!messages.includes(message)) messages.push(message);
    grouped[target] = messages;
  }
  return grouped;
}

/** The first field with a problem, in the order the form shows them, so focus can move there. */
export function firstFieldWithIssue(grouped: Partial<Record<IssueTarget, string[]>>): IssueTarget | null {
  if (grouped.form?.length) return "form";
  return PLAN_FORM_FIELDS.find((field) => grouped[field]?.length) ?? null;
}
