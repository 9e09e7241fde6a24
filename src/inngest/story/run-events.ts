import { z } from "zod";
import { MealNameSchema } from "@/generation/catalogue/meal-slots";
import { PlanDayNumberSchema } from "@/generation/intake/intake";

/**
 * What a run is started (or cancelled) with, as data either engine reads:
 * the Inngest binding wraps these schemas as its event types (binding/events.ts);
 * the inline runner is handed the same data directly.
 */

/**
 * plan/generate.requested: sent by /generate/start, with the event id set to
 * the generation id so Inngest drops a repeated send. `request` is the original route's
 * GenerateBody as the coach sent it; the story validates it again (an event
 * schema may not transform, so it stays a plain record here).
 */
export const GenerateRequestedDataSchema = z.object({
  planId: z.uuid(),
  orgId: z.uuid(),
  generationId: z.uuid(),
  request: z.record(z.string(), z.unknown()),
});

export type GenerateRequestedData = z.infer<typeof GenerateRequestedDataSchema>;

/**
 * plan/day.regenerate.requested: sent by /days/{day}/regenerate (and by
 * /days/{day}/meals/{meal}/regenerate, with `meal`: the one meal, by name)
 * with the event id set to the day-generation id.
 */
export const DayRegenerateRequestedDataSchema = z.object({
  planId: z.uuid(),
  orgId: z.uuid(),
  dayGenerationId: z.uuid(),
  day: PlanDayNumberSchema,
  meal: MealNameSchema.optional(),
});

export type DayRegenerateRequestedData = z.infer<typeof DayRegenerateRequestedDataSchema>;

/**
 * plan/generate.cancelled: sent by /generate/cancel after the plan was put
 * back to its state before the run; the function's cancelOn matches it by
 * planId and generationId.
 */
export const GenerateCancelledDataSchema = z.object({
  planId: z.uuid(),
  orgId: z.uuid(),
  generationId: z.uuid(),
});

export type GenerateCancelledData = z.infer<typeof GenerateCancelledDataSchema>;
