import { chunkForAttempt } from "@/generation/passes/chunk-pass";
import type { DayGenerationStore } from "@/server/day-generation-store";
import { type ChunkStore, planChunkStep } from "./generate-meal-plan-story";
import type { ModelStepRequest, PassResult } from "./model-step";
import { planDayStep } from "./regenerate-plan-day-story";
import type { ModelStepDependencies } from "./step-kit";

/**
 * What a model step is given: the model's ports, and the store of the run it
 * serves. Only a chunk's step writes (the days it planned, ChunkStore); a
 * day's writes nothing, so a day run passes its own store, or none.
 */
export type ModelStepRunDependencies = ModelStepDependencies & { store?: ChunkStore | DayGenerationStore };

/**
 * Runs a model step from its description, on whichever engine holds its
 * slots. `attempt` (from 1) is the step's attempt number: a retry asks for
 * the chunk's larger output budget (chunk-pass.ts, chunkForAttempt).
 */
export function runModelStep(
  request: ModelStepRequest,
  deps: ModelStepRunDependencies,
  attempt = 1,
): Promise<PassResult> {
  const asked = { ...request, chunk: chunkForAttempt(request.chunk, attempt) };
  if (asked.kind === "day") return planDayStep(asked, deps);
  const { store } = deps;
  if (!store || !("addDaysDone" in store)) {
    return Promise.reject(
      new Error(`a chunk's model step (plan ${asked.planId}) was given no plan store to count its days in`),
    );
  }
  return planChunkStep(asked, { ...deps, store });
}
