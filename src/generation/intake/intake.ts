import { z } from "zod";
import { ALLERGENS, DIETS } from "@/generation/catalogue/catalogue";
import { DEFAULT_GENERATION_CONFIG, type MacroSplit } from "@/generation/generation-config";
import { describeZodIssues, type ParseResult, summarizeIssues } from "@/generation/shared/zod-issues";

// Request and intake schemas. Limits come from the one config table so the
// schema and the prompt builder agree on what "capped" means.
const LIMITS = DEFAULT_GENERATION_CONFIG.limits;

/** The kcal per day a calorie target may be. */
export const CALORIE_TARGET_RANGE = { min: 800, max: 6000 } as const;

/** kcal per day, wherever a calorie target is given (intake, legacy field, stored plan). */
export const CalorieTargetSchema = z
  .number({ error: "calorie_target must be a number of kcal per day" })
  .min(CALORIE_TARGET_RANGE.min, { error: `calorie_target must be at least ${CALORIE_TARGET_RANGE.min} kcal/day` })
  .max(CALORIE_TARGET_RANGE.max, { error: `calorie_target must be at most ${CALORIE_TARGET_RANGE.max} kcal/day` });
const calorieTarget = CalorieTargetSchema;

/** The longest plan, in days: every schema that takes a plan length or a day number reads it from here. */
export const MAX_PLAN_DAYS = 28;

/** A day number of a plan (1 to MAX_PLAN_DAYS), wherever one is given (the regenerate route, its event). */
export const PlanDayNumberSchema = z.number().int().min(1).max(MAX_PLAN_DAYS);

/** A plan's length, wherever it is given (create, generate, stored plan). */
export const PlanLengthDaysSchema = z
  .number({
    error: (issue) =>
      issue.input === undefined
        ? `plan_length_days is required (1 to ${MAX_PLAN_DAYS})`
        : "plan_length_days must be a number",
  })
  .int({ error: "plan_length_days must be a whole number" })
  .min(1, { error: `plan_length_days must be from 1 to ${MAX_PLAN_DAYS}` })
  .max(MAX_PLAN_DAYS, { error: `plan_length_days must be from 1 to ${MAX_PLAN_DAYS}` });

const percent = (name: string) =>
  z
    .number({ error: `${name} must be a number` })
    .min(0, { error: `${name} must be between 0 and 100` })
    .max(100, { error: `${name} must be between 0 and 100` });

/** How far from 100 a macro split's percentages may add up (rounding in forms). */
export const MACRO_SPLIT_TOLERANCE_PCT = 0.5;

/** Percent of energy from protein, carbohydrate and fat; must add up to 100 (within 0.5). */
export const MacroSplitSchema = z
  .object(
    { protein_pct: percent("protein_pct"), carb_pct: percent("carb_pct"), fat_pct: percent("fat_pct") },
    { error: "macro_split must be an object { protein_pct, carb_pct, fat_pct }" },
  )
  .refine((split) => Math.abs(split.protein_pct + split.carb_pct + split.fat_pct - 100) <= MACRO_SPLIT_TOLERANCE_PCT, {
    error: (issue) => {
      const split = issue.input as MacroSplit;
      const sum = split.protein_pct + split.carb_pct + split.fat_pct;
      return `macro_split must add up to 100 (got ${Math.round(sum * 10) / 10})`;
    },
  });

const dietList = z.array(z.enum(DIETS, { error: `diet entries must be one of: ${DIETS.join(", ")}` }), {
  error: "diet must be a list",
});
const allergyList = z.array(z.enum(ALLERGENS, { error: `allergies entries must be one of: ${ALLERGENS.join(", ")}` }), {
  error: "allergies must be a list",
});

/** Fewest and most distinct foods a week may use (a shopping list a person can buy). */
export const MIN_FOODS_PER_WEEK = 15;
export const MAX_FOODS_PER_WEEK = 80;

/** Most foods a client may dislike: enough for any real list, small enough to keep every check cheap. */
export const MAX_DISLIKED_FOODS = 50;

/**
 * Catalogue food ids the client dislikes. The ids are checked against the
 * org's catalogue by the server (400 naming each unknown one); excluding a
 * food excludes its family.
 */
export const DislikedFoodsSchema = z
  .array(z.guid({ error: "disliked_foods entries must be food ids from the catalogue" }), {
    error: "disliked_foods must be a list of food ids",
  })
  .max(MAX_DISLIKED_FOODS, { error: `disliked_foods may list at most ${MAX_DISLIKED_FOODS} foods` })
  .transform((ids) => [...new Set(ids.map((id) => id.toLowerCase()))]);

/** The intake_data keys the code understands; anything else is extra context. */
export const KNOWN_INTAKE_KEYS = [
  "calorie_target",
  "macro_split",
  "diet",
  "allergies",
  "disliked_foods",
  "meals_per_day",
  "foods_per_week",
  "leftovers",
  "goal",
  "notes",
] as const;
const KNOWN_KEY_SET: ReadonlySet<string> = new Set(KNOWN_INTAKE_KEYS);

/**
 * The coach's intake. Known keys are typed; unknown keys are kept (they reach
 * the prompt as client context) but capped: at most 20 of them, names up to 60
 * characters, each value up to 500 characters once serialised.
 */
export const IntakeDataSchema = z
  .object(
    {
      calorie_target: calorieTarget.optional(),
      macro_split: MacroSplitSchema.optional(),
      diet: dietList.optional(),
      allergies: allergyList.optional(),
      disliked_foods: DislikedFoodsSchema.optional(),
      meals_per_day: z
        .number({ error: "meals_per_day must be a number" })
        .int({ error: "meals_per_day must be a whole number" })
        .min(3, { error: "meals_per_day must be from 3 to 6" })
        .max(6, { error: "meals_per_day must be from 3 to 6" })
        .optional(),
      foods_per_week: z
        .number({ error: "foods_per_week must be a number" })
        .int({ error: "foods_per_week must be a whole number" })
        .min(MIN_FOODS_PER_WEEK, {
          error: `foods_per_week must be from ${MIN_FOODS_PER_WEEK} to ${MAX_FOODS_PER_WEEK}`,
        })
        .max(MAX_FOODS_PER_WEEK, {
          error: `foods_per_week must be from ${MIN_FOODS_PER_WEEK} to ${MAX_FOODS_PER_WEEK}`,
        })
        .optional(),
      leftovers: z.boolean({ error: "leftovers must be true or false" }).optional(),
      goal: z
        .string({ error: "goal must be text" })
        .max(LIMITS.goalMaxChars, { error: `goal must be at most ${LIMITS.goalMaxChars} characters` })
        .optional(),
      notes: z
        .string({ error: "notes must be text" })
        .max(LIMITS.notesMaxChars, { error: `notes must be at most ${LIMITS.notesMaxChars} characters` })
        .optional(),
    },
    { error: "intake_data must be an object" },
  )
  .catchall(z.unknown())
  .superRefine((intake, ctx) => {
    const extraKeys = extraIntakeKeys(intake);
    if (extraKeys.length > LIMITS.maxExtraKeys) {
      ctx.addIssue({
        code: "custom",
        path: [],
        message: `intake_data may carry at most ${LIMITS.maxExtraKeys} extra keys (got ${extraKeys.length})`,
      });
    }
    for (const key of extraKeys) {
      if (key.length > LIMITS.extraKeyMaxChars) {
        ctx.addIssue({
          code: "custom",
          path: [key.slice(0, 20)],
          message: `extra key names must be at most ${LIMITS.extraKeyMaxChars} characters`,
        });
      }
      const value = intake[key];
      const text = extraValueText(value);
      if (text === null && value !== null && value !== undefined) {
        // JSON.stringify gave up (too deep, or not JSON): not a value we can pass on.
        ctx.addIssue({ code: "custom", path: [key], message: "must be plain text, a number or simple JSON" });
      } else if (text !== null && text.length > LIMITS.extraValueMaxChars) {
        ctx.addIssue({
          code: "custom",
          path: [key],
          message: `must be at most ${LIMITS.extraValueMaxChars} characters`,
        });
      }
    }
  });

export type IntakeData = z.output<typeof IntakeDataSchema>;

/** The intake keys the code does not understand: passed to the prompt as context. */
export function extraIntakeKeys(intake: Record<string, unknown>): string[] {
  return Object.keys(intake).filter((key) => !KNOWN_KEY_SET.has(key));
}
export type MacroSplitInput = z.output<typeof MacroSplitSchema>;

/** How an extra intake value is shown to the model: text as is, other JSON serialised, null/undefined omitted. */
export function extraValueText(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  try {
    return JSON.stringify(value) ?? null;
  } catch {
    return null;
  }
}

/**
 * Body of POST .../generate/start: the original route's GenerateBody exactly. An empty
 * body means "use what the plan stores"; unknown top-level keys are rejected
 * so a typo (`calories_target`) is a 400 rather than silently ignored.
 */
export const GenerateBodySchema = z
  .object(
    {
      intake_data: IntakeDataSchema.optional(),
      plan_length_days: PlanLengthDaysSchema.optional(),
      // Legacy simple path.
      goal: z
        .string({ error: "goal must be text" })
        .max(LIMITS.goalMaxChars, { error: `goal must be at most ${LIMITS.goalMaxChars} characters` })
        .optional(),
      // The legacy field is stored in an integer column: a fraction is a 400, not a failed insert.
      calorie_target: calorieTarget.int({ error: "calorie_target must be a whole number of kcal per day" }).optional(),
      macro_split: MacroSplitSchema.optional(),
      dietary_restrictions: z
        .string({ error: "dietary_restrictions must be text" })
        .max(LIMITS.legacyRestrictionsMaxChars, {
          error: `dietary_restrictions must be at most ${LIMITS.legacyRestrictionsMaxChars} characters`,
        })
        .optional(),
    },
    { error: "the request body must be a JSON object" },
  )
  .strict();

export type GenerateBody = z.output<typeof GenerateBodySchema>;

/** Validate a /generate/start body; `undefined`/`null` (no body) means `{}`. */
export function parseGenerateBody(input: unknown): ParseResult<GenerateBody> {
  const result = GenerateBodySchema.safeParse(input ?? {});
  if (result.success) return { ok: true, value: result.data };
  const details = describeZodIssues(result.error);
  return { ok: false, error: `Invalid generate request: ${summarizeIssues(details)}`, details };
}

/** Validate an intake_data object (from a request or a stored row). */
export function parseIntakeData(input: unknown): ParseResult<IntakeData> {
  const result = IntakeDataSchema.safeParse(input);
  if (result.success) return { ok: true, value: result.data };
  const details = describeZodIssues(result.error).map((issue) => ({
    ...issue,
    path: issue.path === "(root)" ? "intake_data" : `intake_data.${issue.path}`,
  }));
  return { ok: false, error: `Invalid intake_data: ${summarizeIssues(details)}`, details };
}
