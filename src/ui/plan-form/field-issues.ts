import type { FieldIssue } from "@/ui/api/api-types";

/** The form's fields, named by the API path their errors arrive under. */
export const PLAN_FORM_FIELDS = [
  "name",
  "client_id",
  "plan_length_days",
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

/** Messages grouped by field, duplicates removed, in the order the schema reported them. */
export function groupIssuesByField(issues: readonly FieldIssue[]): Partial<Record<IssueTarget, string[]>> {
  const grouped: Partial<Record<IssueTarget, string[]>> = {};
  for (const issue of issues) {
    const target = issueTarget(issue.path);
    const messages = grouped[target] ?? [];
    if (!messages.includes(issue.message)) messages.push(issue.message);
    grouped[target] = messages;
  }
  return grouped;
}

/** The first field with a problem, in the order the form shows them, so focus can move there. */
export function firstFieldWithIssue(grouped: Partial<Record<IssueTarget, string[]>>): IssueTarget | null {
  if (grouped.form?.length) return "form";
  return PLAN_FORM_FIELDS.find((field) => grouped[field]?.length) ?? null;
}
