import { sameMeal } from "@/generation/adjust/fixed-items";
import { draftDays } from "@/generation/drafts/draft-day";
import { type PlannedDay, usedFoodIds } from "@/generation/nutrition/planned-day";
import { chunkForAttempt } from "@/generation/passes/chunk-pass";
import { generationError } from "@/generation/shared/generation-error";
import { answerFailure, describeDays, RUN_NOT_CURRENT, runNotCurrent } from "@/inngest/attempts/step-faults";
import type { DayGenerationStore } from "@/server/day-generation-store";
import type { GenerationStore } from "@/server/generation-store";
import {
  type ChunkStepRequest,
  type DayStepRequest,
  type ModelStepRequest,
  type PassResult,
  runIdOf,
  usageRunOf,
} from "./model-step-request";
import { type ModelStepDependencies, planDays, type StepDependencies, type StepRunner } from "./story-steps";

/**
 * The model steps of both stories (a chunk of a pass, or the one day a day
 * run replaces), and how a story takes one: through the engine's model-call
 * slots when it has them, else as an ordinary step that runs it the same way.
 */

/** What a chunk's step reads and writes: whether its run is current, then the days it planned. */
export type ChunkStore = Pick<GenerationStore, "addDaysDone" | "isCurrentRun">;

/**
 * What a model step is given: the model's ports, and the store of the run it
 * serves. Only a chunk's step writes (the days it planned, ChunkStore); a
 * day's writes nothing, so a day run passes its own store, or none.
 */
export type ModelStepRunDependencies = ModelStepDependencies &
  Pick<StepDependencies, "recordUsage"> & { store?: ChunkStore | Pick<DayGenerationStore, "isCurrentRun"> };

/**
 * A story's model step: `step.callModel` where the engine has model-call
 * slots (Inngest's plan-days, the inline runner's), else an ordinary step
 * running it as those engines do (runModelStep).
 */
export function modelStep(
  step: StepRunner,
  id: string,
  request: ModelStepRequest,
  deps: ModelStepRunDependencies,
): Promise<PassResult> {
  return step.callModel ? step.callModel(id, request) : step.run(id, () => runModelStep(request, deps));
}

/**
 * Runs a model step from its description, on whichever engine holds its
 * slots. `attempt` (from 1) is the step's attempt number: a retry asks for
 * the chunk's larger output budget (chunk-pass.ts, chunkForAttempt).
 */
export async function runModelStep(
  request: ModelStepRequest,
  deps: ModelStepRunDependencies,
  attempt = 1,
): Promise<PassResult> {
  // A call only for the plan's current run, checked on every attempt (a retry may come after a cancel).
  if (deps.store && !(await deps.store.isCurrentRun(request.planId, runIdOf(request)))) {
    const days = describeDays(request.chunk.days);
    deps.logger.info(
      { planId: request.planId, runId: runIdOf(request), days },
      `no model call: ${RUN_NOT_CURRENT} (superseded, cancelled, or completed, failed or edited since it began)`,
    );
    throw runNotCurrent(days);
  }
  const asked = { ...request, chunk: chunkForAttempt(request.chunk, attempt) };
  const { recordUsage } = deps;
  // Each call's tokens are counted for this step's run as the call returns.
  const counted: ModelStepRunDependencies = recordUsage
    ? { ...deps, onUsage: (usage) => recordUsage(usageRunOf(request), usage) }
    : deps;
  if (asked.kind === "day") return planDayStep(asked, counted);
  const { store } = counted;
  if (!store || !("addDaysDone" in store)) {
    throw new Error(`a chunk's model step (plan ${asked.planId}) was given no plan store to count its days in`);
  }
  return planChunkStep(asked, { ...counted, store });
}

/**
 * One chunk of a pass: planned, then its checked days stored as drafts of the
 * run and counted as done, in one write from inside the step (the drafts do
 * not travel through the engine's step output).
 */
async function planChunkStep(
  request: ChunkStepRequest,
  deps: ModelStepDependencies & { store: ChunkStore },
): Promise<PassResult> {
  const result = await planDays(request, deps);
  const chunk = { days: describeDays(request.chunk.days), drafts: draftDays(result.days, request.candidates) };
  await deps.store.addDaysDone(request.planId, request.generationId, request.passId, chunk, request.spec.days);
  return result;
}

/**
 * The day's model call: planned, and refused when it repeats the day (or, in
 * a meal run, the meal) it replaces; the foods kept as they are do not count.
 */
async function planDayStep(request: DayStepRequest, deps: ModelStepDependencies): Promise<PassResult> {
  const result = await planDays(request, deps);
  const kept = new Set(request.scope?.fixed.map((item) => item.food_id));
  const meal = request.scope?.meal;
  const planned = meal === undefined ? result.days : result.days.map((day) => onlyMeal(day, meal));
  const foodsNow = new Set(usedFoodIds(planned).filter((id) => !kept.has(id)));
  const previous = request.previousFoodIds.filter((id) => !kept.has(id));
  const same = foodsNow.size === previous.length && previous.every((id) => foodsNow.has(id));
  if (same && previous.length > 0) {
    throw answerFailure(
      generationError("invalid_shape", `The answer repeats the ${meal ?? "day"} it should replace`),
      `day ${request.day}`,
    );
  }
  return result;
}

function onlyMeal(day: PlannedDay, meal: string): PlannedDay {
  return { ...day, meals: day.meals.filter((each) => sameMeal(each.name, meal)) };
}
