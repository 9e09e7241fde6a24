import type { DayScope } from "@/generation/adjust/fixed-items";
import type { FixedKeysByDay } from "@/generation/adjust/scale-calories";
import type { CatalogueFood } from "@/generation/catalogue/catalogue";
import type { Restrictions } from "@/generation/catalogue/food-restrictions";
import type { PlanSpec } from "@/generation/intake/plan-spec";
import type { ModelUsage } from "@/generation/model/model-port";
import type { PlannedDay } from "@/generation/nutrition/planned-day";
import type { PassChunk } from "@/generation/passes/chunk-pass";
import type { UsageRun } from "@/server/model-usage";

/**
 * A step that calls the model, described as data so that either engine can
 * run it where its slots are: on Inngest, the plan-days function reached
 * with `step.invoke` (only model calls hold the account and per-org model
 * slots); inline, a step that claims those slots (concurrency-slots.ts).
 * story/model-step-runner.ts turns a request back into the work.
 */

/**
 * A chunk to plan, with the model its output budget was sized for (chosen
 * once, in load-context; absent on chunks of runs planned before it
 * travelled with them, which choose it again); one-wave chunks carry their
 * own foods to prefer and avoid.
 */
export type PlannedChunk = PassChunk & { model?: string; preferFoodIds?: string[]; avoidFoodIds?: string[] };

/** `fixedKeys`: a scoped day run's fixed items in the planned days, by day (fixed-items.ts). */
export type PassResult = { days: PlannedDay[]; usage: ModelUsage; model: string; fixedKeys?: FixedKeysByDay };

type ModelStepBase = {
  planId: string;
  orgId: string;
  spec: PlanSpec;
  /** The plan's diet, allergies and disliked families (plain JSON). */
  restrictions: Restrictions;
  candidates: CatalogueFood[];
  chunk: PlannedChunk;
  avoidFoodIds: string[];
};

/** Some days of a whole-plan run (`pass-one-days-3-4`, ...): counted as done on the plan when planned. */
export type ChunkStepRequest = ModelStepBase & {
  kind: "chunk";
  generationId: string;
  passId: "pass-one" | "pass-two";
};

/**
 * The one day of a day regeneration (or one meal of it, `scope.meal`): must
 * differ from the day (or meal) it replaces; `scope` keeps the coach's
 * locked items (and a meal run's other meals) as they are.
 */
export type DayStepRequest = ModelStepBase & {
  kind: "day";
  dayGenerationId: string;
  day: number;
  previousFoodIds: string[];
  scope?: DayScope;
};

export type ModelStepRequest = ChunkStepRequest | DayStepRequest;

/** The run a model step belongs to (its failed attempts are recorded there). */
export function runIdOf(request: ModelStepRequest): string {
  return request.kind === "chunk" ? request.generationId : request.dayGenerationId;
}

/** The run a model step's calls are counted for (src/server/model-usage.ts). */
export function usageRunOf(request: ModelStepRequest): UsageRun {
  return {
    orgId: request.orgId,
    planId: request.planId,
    kind: request.kind === "chunk" ? "plan" : "day",
    runId: runIdOf(request),
  };
}
