import { z } from "zod";
import type { Allergen, Diet } from "./catalogue";
import { capText } from "./free-text";
import { DEFAULT_GENERATION_CONFIG, type GenerationConfig, type MacroSplit } from "./generation-config";
import {
  extraValueText,
  type GenerateBody,
  type IntakeData,
  KNOWN_INTAKE_KEYS,
  MacroSplitSchema,
  parseIntakeData,
} from "./intake";
import { parseLegacyRestrictions } from "./legacy-restrictions";
import { PlanInputError } from "./plan-input-error";
import type { PlanSpec } from "./plan-spec";
import { describeZodIssues, summarizeIssues } from "./zod-issues";

/** The `meal_plans` columns that feed generation (numbers may arrive as strings from Postgres). */
export type StoredPlanInputs = {
  plan_length_days?: number | string | null;
  intake_data?: unknown;
  goal?: string | null;
  calorie_target?: number | string | null;
  macro_split?: unknown;
  dietary_restrictions?: string | null;
};

/**
 * Merge what the plan stores with what the Generate request says.
 *
 * Precedence, field by field: the request body wins over the stored row; a
 * non-empty body `intake_data` replaces the stored one whole (not merged, so a
 * coach who removes a key really removes it). An empty intake (`{}`, the
 * column default) counts as none. Within the effective values, intake_data
 * wins over the legacy top-level fields, which win over the defaults in
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
  const intake = nonEmpty(body.intake_data) ?? nonEmpty(storedIntake(stored.intake_data));
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
    mealsPerDay: intake?.meals_per_day ?? config.defaults.mealsPerDay,
    ...(goal?.trim() ? { goal: capText(goal, limits.goalMaxChars) } : {}),
    ...(intake?.notes?.trim() ? { notes: capText(intake.notes, limits.notesMaxChars) } : {}),
    extraContext,
    // Rich when there is an intake; legacy plans (intake `{}`) keep the seed's simple prompt.
    promptStyle: intake ? "rich" : "simple",
  };
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

const storedNumber = z.preprocess(
  (value) => (typeof value === "string" && value.trim() !== "" ? Number(value) : value),
  z.number().finite(),
);

function storedDays(value: StoredPlanInputs["plan_length_days"]): number {
  const parsed = storedNumber.safeParse(value);
  if (!parsed.success || !Number.isInteger(parsed.data) || parsed.data < 1 || parsed.data > 28) {
    throw new PlanInputError(`The plan's plan_length_days must be a whole number from 1 to 28 (got ${String(value)})`);
  }
  return parsed.data;
}

function storedCalories(value: StoredPlanInputs["calorie_target"]): number | undefined {
  if (value === null || value === undefined) return undefined;
  const parsed = storedNumber.safeParse(value);
  if (!parsed.success || parsed.data < 800 || parsed.data > 6000) {
    throw new PlanInputError(`The plan's calorie_target must be from 800 to 6000 kcal/day (got ${String(value)})`);
  }
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

const KNOWN_KEYS: ReadonlySet<string> = new Set(KNOWN_INTAKE_KEYS);

/** Extra intake keys as capped text, at most `maxExtraKeys` of them, nulls omitted. */
function extraIntakeContext(intake: IntakeData, config: GenerationConfig): Record<string, string> {
  const context: Record<string, string> = {};
  const keys = Object.keys(intake).filter((key) => !KNOWN_KEYS.has(key));
  for (const key of keys.slice(0, config.limits.maxExtraKeys)) {
    const text = extraValueText(intake[key]);
    if (text === null || text.trim() === "") continue;
    context[capText(key, config.limits.extraKeyMaxChars)] = capText(text, config.limits.extraValueMaxChars);
  }
  return context;
}

function union<T>(...lists: readonly (readonly T[])[]): T[] {
  return [...new Set(lists.flat())];
}
