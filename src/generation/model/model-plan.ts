import { z } from "zod";
import { DEFAULT_GENERATION_CONFIG } from "@/generation/generation-config";

// What the model is asked to return (ARCHITECTURE.md "Model output"). Only the
// shape is checked here: unknown food ids are removed later by sanitizePlan,
// so one hallucinated id does not throw away a whole pass. Extra keys the
// model adds (e.g. its own kcal numbers) are stripped: macros come from the
// catalogue, never from the model.

const MAX_GRAMS = DEFAULT_GENERATION_CONFIG.maxItemGrams;

// Models sometimes quote numbers ("grams": "120"); accept that, nothing looser.
const numberish = (schema: z.ZodNumber) =>
  z.preprocess(
    (value) => (typeof value === "string" && /^\s*\d+(\.\d+)?\s*$/.test(value) ? Number(value) : value),
    schema,
  );

export const ModelPlanItemSchema = z.object({
  food_id: z.string().trim().min(1, { error: "food_id must be a non-empty string" }),
  grams: numberish(
    z
      .number({ error: "grams must be a number" })
      .positive({ error: "grams must be positive" })
      .max(MAX_GRAMS, { error: `grams must be at most ${MAX_GRAMS}` }),
  ),
});

/**
 * A dish title or preparation line as the model wrote it: any text is taken here
 * (dish-titles.ts sanitises and cuts it); anything else is dropped, never a
 * reason to ask again.
 */
const modelText = z.string().optional().catch(undefined);

export const ModelPlanMealSchema = z.object({
  name: z.string().trim().min(1, { error: "meal name must be non-empty" }).max(80, { error: "meal name is too long" }),
  title: modelText,
  preparation: modelText,
  items: z.array(ModelPlanItemSchema, { error: "items must be a list" }),
});

export const ModelPlanDaySchema = z.object({
  day: numberish(z.number({ error: "day must be a number" }).int({ error: "day must be a whole number" }).min(1)),
  meals: z.array(ModelPlanMealSchema, { error: "meals must be a list" }),
});

export const ModelPlanSchema = z.object(
  { days: z.array(ModelPlanDaySchema, { error: "days must be a list" }).min(1, { error: "days must not be empty" }) },
  { error: "the answer must be a JSON object with a days list" },
);

export type ModelPlan = z.output<typeof ModelPlanSchema>;
