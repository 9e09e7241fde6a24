import { chunkForAttempt } from "@/generation/passes/chunk-pass";
import { type ChunkStore, type GenerationDependencies, planChunkStep } from "./generate-meal-plan-story";
import type { ModelStepRequest, PassResult } from "./model-step";
import { planDayStep } from "./regenerate-plan-day-story";

/**
 * Runs a model step from its description, on whichever engine holds its
 * slots. `attempt` (from 1) is the step's attempt number: a retry asks for
 * the chunk's larger output budget (chunk-pass.ts, chunkForAttempt).
 */
export function runModelStep(
  request: ModelStepRequest,
  deps: Pick<GenerationDependencies, "model" | "config" | "logger" | "signal"> & { store: ChunkStore },
  attempt = 1,
): Promise<PassResult> {
  const asked = { ...request, chunk: chunkForAttempt(request.chunk, attempt) };
  return asked.kind === "chunk" ? planChunkStep(asked, deps) : planDayStep(asked, deps);
}
