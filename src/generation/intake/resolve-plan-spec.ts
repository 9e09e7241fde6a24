import { type Allergen, type Diet, fromDatabaseNumber } from "@/generation/catalogue/catalogue";
import { DEFAULT_GENERATION_CONFIG, type GenerationConfig, type MacroSplit } from "@/generation/generation-config";
import { describeZodIssues, summarizeIssues } from "@/generation/shared/zod-issues";
import { capText } from "./free-text";
import {
  CalorieTargetSchema,
  extraIntakeKeys,
  extraValueText,
  type GenerateBody,
  type IntakeData,
  MacroSplitSchema,
  PlanLengthDaysSchema,
  parseIntakeData,
} from "./intake";
import { parseLegacyRestrictions } from "./legacy-restrictions";
import { PlanInputError } from "./plan-input-error";
import type { PlanSpec } from "./plan-spec";

/** The `meal_plans` columns that feed generation (numbers may arrive as strings from Postgres). */
export type StoredPlanInputs = {
  plan_length_days?: number | string | null;
  intake_data?: unknown;
  goal?: string | null;
  calorie_target?: number | string | null;
  macro_split?: unknown;
  dietary_restrictions?: string | null;
};

/** The same columns by name, for the queries that read them (one list, so a new input column is added once). */
export const STORED_PLAN_INPUT_COLUMNS = [
  "plan_length_days",
  "intake_data",
  "goal",
  "calorie_target",
  "macro_split",
  "dietary_restrictions",
] as const satisfies readonly (keyof StoredPlanInputs)[];

/**
 * Merge what the plan stores with what the Generate request says.
 *
 * Precedence, field by field: the request body wins over the stored row. A
 * body `intake_data` is merged over the stored one key by key
 * (effectiveIntake): a key it gives replaces the stored value, a key it
 * leaves out keeps it, so a start that changes the calories never drops the
 * client's diet, allergies or dislikes; a coach removes them by saying so
 * (`"allergies": []`). An empty intake (`{}`, the column default) counts as
 * none. Within the effective values, intake_data wins over the legacy
 * top-level fields, which win over the defaults in
 * DEFAULT_GENERATION_CONFIG.defaults. Diets and allergies are the union of
 * intake_data and the legacy `dietary_restrictions` text, because dropping a
 * restriction is the unsafe direction.
 *
 * Throws PlanInputError (not retryable) when a stored value is invalid.
 */
export function resolvePlanSpec(
  stored: StoredPlanInputs,
  body: GenerateBody = {},
  config: GenerationConfig = DEFAULT_GENERATION_CONFIG,
): PlanSpec {
  const limits = config.limits;
  const intake = effectiveIntake(stored, body);
  const legacyGoal = body.goal ?? stored.goal ?? undefined;
  const legacyCalories = body.calorie_target ?? storedCalories(stored.calorie_target);
  const legacySplit = body.macro_split ?? storedMacroSplit(stored.macro_split);
  const legacyRestrictions = body.dietary_restrictions ?? stored.dietary_restrictions ?? undefined;
  const fromText = legacyRestrictions ? parseLegacyRestrictions(legacyRestrictions) : { diet: [], allergies: [] };

  const extraContext = intake ? extraIntakeContext(intake, config) : {};
  if (legacyRestrictions && legacyRestrictions.trim() !== "") {
    extraContext.dietary_restrictions = capText(legacyRestrictions, limits.legacyRestrictionsMaxChars);
  }

  const goal = intake?.goal ?? legacyGoal;
  return {
    days: body.plan_length_days ?? storedDays(stored.plan_length_days),
    calorieTarget: intake?.calorie_target ?? legacyCalories ?? config.defaults.calorieTarget,
    macroSplit: { ...(intake?.macro_split ?? legacySplit ?? config.defaults.macroSplit) },
    diet: union<Diet>(intake?.diet ?? [], fromText.diet),
    allergies: union<Allergen>(intake?.allergies ?? [], fromText.allergies),
    dislikedFoodIds: [...(intake?.disliked_foods ?? [])],
    mealsPerDay: intake?.meals_per_day ?? config.defaults.mealsPerDay,
    foodsPerWeek: intake?.foods_per_week ?? config.defaults.foodsPerWeek,
    leftovers: intake?.leftovers ?? false,
    ...(goal?.trim() ? { goal: capText(goal, limits.goalMaxChars) } : {}),
    ...(intake?.notes?.trim() ? { notes: capText(intake.notes, limits.notesMaxChars) } : {}),
    extraContext,
    // Rich when there is an intake; legacy plans (intake `{}`) keep the original route's simple prompt.
    promptStyle: intake ? "rich" : "simple",
  };
}

/**
 * The intake a run plans from and saves: the stored intake with the request's
 * keys merged over it (see resolvePlanSpec), or undefined when neither has
 * any. Throws PlanInputError when the stored intake is invalid.
 */
export function effectiveIntake(stored: Pick<StoredPlanInputs, "intake_data">, body: GenerateBody = {}) {
  const saved = nonEmpty(storedIntake(stored.intake_data));
  const requested = nonEmpty(body.intake_data);
  if (!requested) return saved;
  return { ...saved, ...requested };
}

/** `meal_plans.intake_data` defaults to `{}`: an empty intake means "no intake" (legacy simple path). */
function nonEmpty(intake: IntakeData | undefined): IntakeData | undefined {
  return intake && Object.keys(intake).length > 0 ? intake : undefined;
}

function storedIntake(value: unknown): IntakeData | undefined {
  if (value === null || value === undefined) return undefined;
  const parsed = parseIntakeData(value);
  if (!parsed.ok)
    throw new PlanInputError(`The plan's stored intake_data is invalid: ${summarizeIssues(parsed.details)}`);
  return parsed.value;
}

const StoredDaysSchema = fromDatabaseNumber(PlanLengthDaysSchema);
const StoredCaloriesSchema = fromDatabaseNumber(CalorieTargetSchema);

function storedDays(value: StoredPlanInputs["plan_length_days"]): number {
  const parsed = StoredDaysSchema.safeParse(value);
  if (!parsed.success)
    throw new PlanInputError(`The plan's stored ${parsed.error.issues[0]?.message} (got ${String(value)})`);
  return parsed.data;
}

function storedCalories(value: StoredPlanInputs["calorie_target"]): number | undefined {
  if (value === null || value === undefined) return undefined;
  const parsed = StoredCaloriesSchema.safeParse(value);
  if (!parsed.success)
    throw new PlanInputError(`The plan's stored ${parsed.error.issues[0]?.message} (got ${String(value)})`);
  return parsed.data;
}

function storedMacroSplit(value: unknown): MacroSplit | undefined {
  if (value === null || value === undefined) return undefined;
  const parsed = MacroSplitSchema.safeParse(value);
  if (!parsed.success) {
    throw new PlanInputError(
      `The plan's stored macro_split is invalid: ${summarizeIssues(describeZodIssues(parsed.error))}`,
    );
  }
  return parsed.data;
}

/** Extra intake keys as capped text (the schema already limits how many), nulls omitted. */
function extraIntakeContext(intake: IntakeData, config: GenerationConfig): Record<string, string> {
  const context: Record<string, string> = {};
  for (const key of extraIntakeKeys(intake)) {
    const text = extraValueText(intake[key]);
    if (text === null || text.trim() === "") continue;
    context[capText(key, config.limits.extraKeyMaxChars)] = capText(text, config.limits.extraValueMaxChars);
  }
  return context;
}

function union<T>(...lists: readonly (readonly T[])[]): T[] {
  return [...new Set(lists.flat())];
}
