import type { BalancedDay } from "@/generation/adjust/balance-day";
import { balanceDays } from "@/generation/adjust/balance-plan";
import { dedupThenRescale } from "@/generation/adjust/dedup-foods";
import { type DayScope, withFixedItems } from "@/generation/adjust/fixed-items";
import { type FixedKeysByDay, scaleCalories } from "@/generation/adjust/scale-calories";
import { checkPassDays } from "@/generation/answer/check-pass-days";
import { sanitizePlan } from "@/generation/answer/sanitize-plan";
import { type CatalogueFood, indexFoodsById } from "@/generation/catalogue/catalogue";
import type { Restrictions } from "@/generation/catalogue/food-restrictions";
import { chooseModel, type GenerationConfig } from "@/generation/generation-config";
import type { PlanSpec } from "@/generation/intake/plan-spec";
import { withDishTitles } from "@/generation/meals/dish-titles";
import type { MealMiss } from "@/generation/meals/meal-patterns";
import type { ModelPort, ModelReply, ModelUsage, PassToPlan } from "@/generation/model/model-port";
import { parseModelReply } from "@/generation/model/parse-model-reply";
import type { PlannedDay } from "@/generation/nutrition/planned-day";
import type { ChunkLimits } from "@/generation/passes/chunk-pass";
import { generationError } from "@/generation/shared/generation-error";
import { FinalError } from "@/inngest/attempts/final-error";
import { answerFailure, describeDays, stepFailure } from "@/inngest/attempts/step-faults";
import type { UsageRun } from "@/server/model-usage";
import type { ModelStepRequest, PassResult, PlannedChunk } from "./model-step-request";

/**
 * The step kit both stories (story/generate-meal-plan.ts, the whole plan;
 * story/regenerate-plan-day.ts, one day) are told with: what they need from
 * an engine (StepRunner), the ports they call (StepDependencies), the model
 * call with its answer made safe (planDays), and the last stages every
 * planned day goes through (adjustDays: scale → dedup → balance).
 */

/** What the story needs from an engine. Step results must be plain JSON. */
export type StepRunner = {
  run<T>(id: string, work: () => Promise<T>): Promise<T>;
  /**
   * A step that calls the model, under the model-call slots (story/model-step-request.ts):
   * Inngest invokes the plan-days function, the inline runner claims the
   * slots. Without it (a bare run in tests and benchmarks) it is an ordinary step.
   */
  callModel?(id: string, request: ModelStepRequest): Promise<PassResult>;
};

export type GenerationLogger = {
  info(fields: Record<string, unknown>, message: string): void;
  warn(fields: Record<string, unknown>, message: string): void;
};

/** The ports and settings every step of both stories uses; each story adds its own store. */
export type StepDependencies = {
  model: ModelPort;
  config: GenerationConfig;
  /** Limits that size each model call to one step's time budget, per model. */
  chunkLimitsFor: (model: string, mealsPerDay?: number) => ChunkLimits;
  logger: GenerationLogger;
  /** Aborts a model call in flight when the run is cancelled (the inline runner's; Inngest cancels between steps). */
  signal?: AbortSignal;
  /**
   * Counts one model call's tokens against the org's daily budget as the
   * call returns (src/server/model-usage.ts); absent in runs that count
   * nothing (in-memory tests, benchmarks).
   */
  recordUsage?: (run: UsageRun, usage: ModelUsage) => Promise<void>;
};

/**
 * What a model step reads of the dependencies (no store: the step that calls
 * it writes); `onUsage` is told each call's usage as it returns, before its
 * answer is checked (runModelStep binds it to the step's run).
 */
export type ModelStepDependencies = Pick<StepDependencies, "model" | "config" | "logger" | "signal"> & {
  onUsage?: (usage: ModelUsage) => Promise<void>;
};

/**
 * One model call for some days, and its answer made safe: parsed, stripped of
 * foods the plan may not contain, each day checked against the calorie
 * target. Shared by both workflows (whole plan and one day).
 */
export async function planDays(
  input: {
    spec: PlanSpec;
    restrictions: Restrictions;
    candidates: CatalogueFood[];
    chunk: PlannedChunk;
    avoidFoodIds: string[];
    planId: string;
    /** A day run's foods kept as they are and the meal it regenerates: put back into the answer before it is checked. */
    scope?: DayScope;
  },
  deps: ModelStepDependencies,
): Promise<PassResult> {
  const { spec, restrictions, candidates, chunk, avoidFoodIds, scope } = input;
  const days = describeDays(chunk.days);
  const pass: PassToPlan = {
    spec,
    restrictions,
    candidates,
    dayNumbers: chunk.days,
    avoidFoodIds: chunk.avoidFoodIds ?? avoidFoodIds,
    preferFoodIds: chunk.preferFoodIds ?? [],
    model: chunk.model ?? chooseModel(spec.days, deps.config).model,
    maxTokens: chunk.maxTokens,
    ...(scope ? { scope } : {}),
  };

  let reply: ModelReply;
  try {
    reply = await deps.model.planPass(pass, deps.signal ? { signal: deps.signal } : undefined);
  } catch (error) {
    throw stepFailure(error, days);
  }
  // Counted before the answer is judged: a cut-off or malformed answer cost its tokens too.
  await countQuietly(deps, reply.usage, input.planId);
  const parsed = parseModelReply(reply, chunk.days);
  if (!parsed.ok) throw answerFailure(parsed.error, days);
  if (parsed.repaired) deps.logger.warn({ planId: input.planId, days }, `the model's days: ${parsed.repaired}`);

  const sanitized = sanitizePlan(parsed.plan, candidates, restrictions, spec.mealsPerDay, spec.calorieTarget);
  const { unknownFood, restrictedFood, unsuitedFood } = sanitized.removed;
  if (unknownFood + restrictedFood + unsuitedFood > 0) {
    deps.logger.warn(
      { planId: input.planId, days, unknownFood, restrictedFood, unsuitedFood },
      "removed foods the plan may not contain, or that suit none of the day's meals",
    );
  }
  const { movedFood, cutToMealAmount } = sanitized.repaired;
  if (movedFood + cutToMealAmount > 0) {
    deps.logger.info({ planId: input.planId, days, movedFood, cutToMealAmount }, "moved foods to meals they suit");
  }
  const foods = indexFoodsById(candidates);
  const scoped = scope ? keptIn(sanitized.days, scope, foods, spec.mealsPerDay) : { days: sanitized.days };
  if ("missing" in scoped) {
    throw answerFailure(generationError("invalid_shape", `The answer has no ${scoped.missing}`), days);
  }
  const problem = checkPassDays(scoped.days, spec.calorieTarget, foods, deps.config);
  if (problem) throw answerFailure(problem, days);
  return {
    days: scoped.days,
    usage: reply.usage,
    model: reply.model,
    ...(scoped.fixedKeys ? { fixedKeys: scoped.fixedKeys } : {}),
  };
}

/** The answered days with the scope's fixed items put back (fixed-items.ts), or the meal the answer lacks. */
function keptIn(
  planned: PlannedDay[],
  scope: DayScope,
  foods: ReadonlyMap<string, CatalogueFood>,
  mealsPerDay: number,
): { days: PlannedDay[]; fixedKeys?: FixedKeysByDay } | { missing: string } {
  const out: PlannedDay[] = [];
  const fixedKeys: Record<number, string[]> = {};
  for (const day of planned) {
    const kept = withFixedItems(day, scope, foods, mealsPerDay);
    if (!kept) return { missing: scope.meal ?? "meal" };
    out.push(kept.day);
    fixedKeys[day.day] = kept.fixedKeys;
  }
  return { days: out, fixedKeys };
}

/**
 * The tokens are spent whatever happens to the count: a database away must
 * not fail the step (its retry would call the model again), so the count is
 * logged and the step goes on.
 */
async function countQuietly(deps: ModelStepDependencies, usage: ModelUsage, planId: string): Promise<void> {
  if (!deps.onUsage) return;
  try {
    await deps.onUsage(usage);
  } catch (error) {
    deps.logger.warn(
      { planId, error: error instanceof Error ? error.name : "unknown" },
      "could not count a model call's tokens against the daily budget",
    );
  }
}

/** The stages after planning, for the bar. */
export type AdjustPhase = "scaling" | "deduplicating" | "balancing";

/**
 * The planned days brought onto the plan's targets, as three steps with the
 * ids both stories have always used (`scale`, `dedup`, `balance`: Inngest
 * memoises by id, so a run in flight replays them): calories scaled, repeated
 * foods removed and the days rescaled, then every day re-solved on its macros
 * as well as its calories (the model's grams are not computed). `finish`
 * turns the balanced days into what the balance step records (each story's
 * own shape, kept so memoised runs replay) and logs what changed.
 */
export async function adjustDays<Balanced>(
  step: StepRunner,
  days: PlannedDay[],
  plan: {
    spec: PlanSpec;
    candidates: CatalogueFood[];
    restrictions: Restrictions;
    foods: ReturnType<typeof indexFoodsById>;
    planId: string;
    enterPhase: (phase: AdjustPhase) => Promise<unknown>;
    /** Items a scoped day run keeps as they are, by day (fixed-items.ts): no stage moves them. */
    fixedByDay?: FixedKeysByDay;
  },
  deps: Pick<StepDependencies, "config" | "logger">,
  finish: (results: BalancedDay[]) => Balanced,
): Promise<Balanced> {
  const { spec, foods } = plan;
  const scaled = await step.run("scale", async () => {
    await plan.enterPhase("scaling");
    const result = scaleCalories(days, foods, spec.calorieTarget, deps.config, plan.fixedByDay);
    if (!result.ok) throw new FinalError(result.error.message);
    return result.days;
  });

  const deduped = await step.run("dedup", async () => {
    await plan.enterPhase("deduplicating");
    const result = dedupThenRescale(scaled, foods, spec.calorieTarget, deps.config, plan.fixedByDay);
    if (!result.ok) throw new FinalError(result.error.message);
    if (result.dropped.length > 0) {
      deps.logger.info(
        { planId: plan.planId, dropped: result.dropped, rescaled: result.rescaled },
        "removed repeated foods",
      );
    }
    return result.days;
  });

  return step.run("balance", async () => {
    await plan.enterPhase("balancing");
    const options = {
      candidates: plan.candidates,
      restrictions: plan.restrictions,
      config: deps.config,
      // A run memoised before the week bound existed has no foodsPerWeek: its weeks stay unbounded.
      foodsPerWeek: spec.foodsPerWeek,
      leftovers: spec.leftovers,
      // One day per scoped run: its fixed items stay at their foods and grams.
      ...(plan.fixedByDay && deduped.length === 1
        ? { fixedItems: new Set(plan.fixedByDay[deduped[0]?.day ?? 0] ?? []) }
        : {}),
    };
    return finish(await balanceDays(deduped, foods, spec, options));
  });
}

/**
 * Logs the meal rules saved days could not meet, as the macro misses are: a
 * warning naming each day, meal and rule (the rule's text names foods only;
 * nothing the coach wrote about the client is logged).
 */
export function logMealMisses(
  logger: GenerationLogger,
  planId: string,
  misses: readonly (MealMiss & { day: number })[],
): void {
  if (misses.length === 0) return;
  logger.warn(
    { planId, mealMisses: misses.map(({ day, meal, rule }) => ({ day, meal, rule })) },
    "days saved with meals off their pattern (each with its reason)",
  );
}

/**
 * The day with every meal titled: a meal that carries a title (the model's,
 * sanitised, or the balance step's) keeps it; any other gets one derived from
 * its foods, so a saved meal always reads as a dish. Pure and deterministic,
 * so it may run outside a step (a replay derives the same titles).
 */
export function titledDay(day: PlannedDay, foods: ReadonlyMap<string, CatalogueFood>): PlannedDay {
  return withDishTitles(day, day, foods);
}
