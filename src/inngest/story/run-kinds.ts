import { inngestConfig } from "@inngest-config";
import { dayGenerationStore } from "@/server/day-generation-store";
import { generationStore } from "@/server/generation-store";
import type { RunStore } from "@/server/run-store";
import { type GenerationDependencies, generateMealPlan } from "./generate-meal-plan";
import type { ModelStepRunDependencies } from "./model-step-runner";
import { type DayGenerationDependencies, regeneratePlanDay } from "./regenerate-plan-day";
import { generationDependencies } from "./run-dependencies";
import type { DayRegenerateRequestedData, GenerateRequestedData } from "./run-events";
import type { GenerationLogger, StepRunner } from "./story-steps";

/** What every run is started with: the plan, its org (the slots' keys), and the run's own id. */
type RunData = { planId: string; orgId: string };

/**
 * One kind of run (a whole plan, one day), described once for both engines:
 * the Inngest binding builds its function, onFailure and timed-out marker
 * from it (binding/run-function.ts); the inline runner its job
 * (inline/inline-runner.ts). What differs between the kinds is here; the
 * rest is the same code.
 */
export type RunKind<Data extends RunData, Deps extends ModelStepRunDependencies & { store: RunStore }> = {
  /** The kind's function in inngest.config.ts: id, retries, timeouts. */
  limits: typeof inngestConfig.generateMealPlan | typeof inngestConfig.regeneratePlanDay;
  /** The field of the run's event data that names the run the plan row records. */
  runIdField: "generationId" | "dayGenerationId";
  runId: (data: Data) => string;
  /** The store the kind's failure paths write through (the dependencies' own by default). */
  store: RunStore;
  dependencies: (overrides?: { logger?: GenerationLogger }) => Deps;
  story: (data: Data, step: StepRunner, deps: Deps) => Promise<unknown>;
  /** What an inline run writes beside its holder (RunStore.holdInlineRun). */
  heldRequest: (data: Data) => Record<string, unknown>;
  /** The coach-facing error of a run its timeouts stopped. */
  timedOutMessage: string;
};

export const wholePlanRun: RunKind<GenerateRequestedData, GenerationDependencies> = {
  limits: inngestConfig.generateMealPlan,
  runIdField: "generationId",
  runId: (data) => data.generationId,
  store: generationStore,
  dependencies: (overrides) => generationDependencies(overrides),
  story: generateMealPlan,
  heldRequest: (data) => data.request,
  timedOutMessage: "Generation took too long and was stopped; press Generate to try again",
};

export const oneDayRun: RunKind<DayRegenerateRequestedData, DayGenerationDependencies> = {
  limits: inngestConfig.regeneratePlanDay,
  runIdField: "dayGenerationId",
  runId: (data) => data.dayGenerationId,
  store: dayGenerationStore,
  dependencies: (overrides) => ({ ...generationDependencies(overrides), store: dayGenerationStore }),
  story: regeneratePlanDay,
  // A day run's request is its row.
  heldRequest: () => ({}),
  timedOutMessage: "Regenerating the day took too long and was stopped; try again",
};
