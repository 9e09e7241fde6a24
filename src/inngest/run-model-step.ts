import { type ChunkStore, type GenerationDependencies, planChunkStep } from "./generate-meal-plan-story";
import type { ModelStepRequest, PassResult } from "./model-step";
import { planDayStep } from "./regenerate-plan-day-story";

/** Runs a model step from its description, on whichever engine holds its slots. */
export function runModelStep(
  request: ModelStepRequest,
  deps: Pick<GenerationDependencies, "model" | "config" | "logger" | "signal"> & { store: ChunkStore },
): Promise<PassResult> {
  return request.kind === "chunk" ? planChunkStep(request, deps) : planDayStep(request, deps);
}
