import { inngestConfig } from "@inngest-config";
import { eventType } from "inngest";
import {
  DayRegenerateRequestedDataSchema,
  GenerateCancelledDataSchema,
  GenerateRequestedDataSchema,
} from "@/inngest/story/run-events";

/** The run events as Inngest receives them: each name (inngest.config.ts) with its data schema. */
export const planGenerateRequested = eventType(inngestConfig.events.generateRequested, {
  schema: GenerateRequestedDataSchema,
});
export const planDayRegenerateRequested = eventType(inngestConfig.events.dayRegenerateRequested, {
  schema: DayRegenerateRequestedDataSchema,
});
export const planGenerateCancelled = eventType(inngestConfig.events.generateCancelled, {
  schema: GenerateCancelledDataSchema,
});
