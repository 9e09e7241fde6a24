import type { MacroMiss } from "@/generation/adjust/balance-day";
import { type CatalogueFood, indexFoodsById } from "@/generation/catalogue/catalogue";
import { planRestrictions, type Restrictions } from "@/generation/catalogue/food-restrictions";
import { selectCandidates } from "@/generation/catalogue/select-candidates";
import { chooseModel } from "@/generation/generation-config";
import { parseGenerateBody } from "@/generation/intake/intake";
import type { PlanSpec } from "@/generation/intake/plan-spec";
import { effectiveIntake, resolvePlanSpec } from "@/generation/intake/resolve-plan-spec";
import type { ModelUsage } from "@/generation/model/model-port";
import { type PlannedDay, usedFoodIds } from "@/generation/nutrition/planned-day";
import { chunkPass } from "@/generation/passes/chunk-pass";
import { planOneWave } from "@/generation/passes/one-wave";
import { splitPasses } from "@/generation/passes/split-passes";
import { FinalError } from "@/inngest/attempts/final-error";
import { isRunNotCurrent, stepFailure } from "@/inngest/attempts/step-faults";
import type { DayMealMiss, GenerationStore } from "@/server/generation-store";
import type { ChunkStepRequest, PassResult, PlannedChunk } from "./model-step-request";
import { modelStep } from "./model-step-runner";
import type { GenerateRequestedData } from "./run-events";
import { adjustDays, logMealMisses, type StepDependencies, type StepRunner, titledDay } from "./story-steps";

/**
 * The story of one generation run, engine-agnostic: Inngest runs it durably
 * (each step memoised and retried on its own), the inline runner runs it
 * in-process with the same step ids. Every step calls pure functions from
 * src/generation; the only I/O is the model port and the store. The steps
 * it shares with the day story (the model call, scale → dedup → balance) are
 * in story/story-steps.ts.
 *
 *   load-context → pass-one → pass-two (plans of 6+ days) → scale → dedup → balance → save
 *
 * A pass whose answer would not fit one step's time budget is split into
 * day-chunks run as parallel steps (`pass-one-days-1-2`, ...). In one-wave
 * mode (config.waves "one") pass one holds every day, each chunk steered to
 * its own share of the plan's foods (one-wave.ts), and there is no pass two.
 */

export type GenerationDependencies = StepDependencies & { store: GenerationStore };

export type GenerationOutcome = { status: "saved"; days: number } | { status: "superseded" };

type RunContext = {
  spec: PlanSpec;
  /** The plan's diet, allergies and disliked families: what no food of the plan may break. */
  restrictions: Restrictions;
  candidates: CatalogueFood[];
  intakeData: Record<string, unknown> | undefined;
  passOne: PlannedChunk[];
  passTwo: PlannedChunk[];
};

export async function generateMealPlan(
  data: GenerateRequestedData,
  step: StepRunner,
  deps: GenerationDependencies,
): Promise<GenerationOutcome> {
  const { planId, generationId } = data;

  const context = await step.run("load-context", () => loadContext(data, deps));
  if (context === "superseded") {
    deps.logger.info({ planId, generationId }, "run superseded by a newer start; nothing to do");
    return { status: "superseded" };
  }
  const { spec, candidates, restrictions } = context;

  const run: PassRun = { context, data, step, deps };
  let planned: PassResult[];
  try {
    const passOne = await runPass(run, "pass-one", context.passOne, []);
    let passTwo: PassResult[] = [];
    if (context.passTwo.length > 0) {
      // Pass two is told what pass one used, so the second half of the plan varies.
      const avoid = usedFoodIds(passOne.flatMap((chunk) => chunk.days));
      passTwo = await runPass(run, "pass-two", context.passTwo, avoid);
    }
    planned = [...passOne, ...passTwo];
  } catch (error) {
    // A chunk found the run no longer holds the plan and made no call (story/model-step-runner.ts): nothing failed.
    if (!isRunNotCurrent(error)) throw error;
    deps.logger.info({ planId, generationId }, "run no longer holds the plan; stopped before its model calls");
    return { status: "superseded" };
  }
  const allDays = planned.flatMap((chunk) => chunk.days).sort((a, b) => a.day - b.day);
  const foods = indexFoodsById(candidates);

  // Every day is planned by now; the last stages only change what the bar says.
  const balanced = await adjustDays(
    step,
    allDays,
    {
      spec,
      candidates,
      restrictions,
      foods,
      planId,
      enterPhase: (phase) =>
        deps.store.recordProgress(planId, generationId, { phase, days_done: spec.days, days_total: spec.days }),
    },
    deps,
    (results): BalancedPlan => {
      const changes = results.flatMap((result) => result.changes.map((change) => ({ day: result.day.day, ...change })));
      if (changes.length > 0)
        deps.logger.info({ planId, changes }, "changed foods so days could meet the split and meal rules");
      const macroMisses = results.flatMap((result) => (result.miss ? [{ day: result.day.day, ...result.miss }] : []));
      if (macroMisses.length > 0) {
        deps.logger.warn({ planId, macroMisses }, "days saved off the macro split (each with its reason)");
      }
      const mealMisses = results.flatMap((result) =>
        result.mealMisses.map((miss) => ({ day: result.day.day, ...miss })),
      );
      logMealMisses(deps.logger, planId, mealMisses);
      return { days: results.map((result) => result.day), macroMisses, mealMisses };
    },
  );
  const days = balanced.days.map((day) => titledDay(day, foods));

  const saved = await step.run("save", () =>
    deps.store.savePlan(planId, generationId, {
      days,
      macroMisses: balanced.macroMisses,
      mealMisses: balanced.mealMisses ?? [],
      intakeData: context.intakeData,
      planLengthDays: spec.days,
      model: [...new Set(planned.map((chunk) => chunk.model))].join(", "),
      usage: sumUsage(planned.map((chunk) => chunk.usage)),
    }),
  );
  if (saved === "superseded") {
    deps.logger.info({ planId, generationId }, "run superseded before saving; wrote nothing");
    return { status: "superseded" };
  }
  if (saved === "settled") {
    // A rerun from a later step (load-context memoised, so its guard did not run), or a save replayed after it committed.
    deps.logger.info(
      { planId, generationId },
      "the plan is no longer generating for this run (completed, failed or edited since it began); wrote nothing",
    );
    return { status: "superseded" };
  }
  return { status: "saved", days: days.length };
}

/**
 * What the balance step records. `mealMisses` is absent from a balance result
 * Inngest memoised before meals were judged (a run in flight across the
 * deploy): that run saves with none.
 */
type BalancedPlan = {
  days: PlannedDay[];
  macroMisses: (MacroMiss & { day: number })[];
  mealMisses?: DayMealMiss[];
};

async function loadContext(
  data: GenerateRequestedData,
  deps: GenerationDependencies,
): Promise<RunContext | "superseded"> {
  const body = parseGenerateBody(data.request);
  if (!body.ok) throw new FinalError(`The generate request is invalid: ${body.error}`);
  const loaded = await deps.store.loadPlanForGeneration(data.planId, data.generationId);
  if (loaded.status === "superseded") return "superseded";

  let spec: PlanSpec;
  let intakeData: Record<string, unknown> | undefined;
  try {
    spec = resolvePlanSpec(loaded.plan, body.value, deps.config);
    intakeData = effectiveIntake(loaded.plan, body.value);
  } catch (error) {
    throw stepFailure(error, "the plan");
  }
  const restrictions = planRestrictions(spec, loaded.catalogue);
  const candidates = selectCandidates(
    loaded.catalogue,
    { ...restrictions, macroSplit: spec.macroSplit },
    { seed: data.generationId },
  );
  if (candidates.length === 0) {
    throw new FinalError("No foods in the catalogue fit this plan's diet, allergies and dislikes");
  }
  const { model, maxTokens } = chooseModel(spec.days, deps.config);
  const limits = deps.chunkLimitsFor(model, spec.mealsPerDay);
  const oneWave = deps.config.waves === "one";
  const passes = splitPasses(spec.days, oneWave ? spec.days : deps.config.firstPassMaxDays);
  const sized = (days: number[]): PlannedChunk[] =>
    chunkPass(days, maxTokens, limits).map((chunk) => ({ ...chunk, model }));
  const passOne = sized(passes.passOne);
  await deps.store.recordProgress(data.planId, data.generationId, {
    phase: "pass-one",
    days_done: 0,
    days_total: spec.days,
    passes: [passes.passOne, passes.passTwo ?? []]
      .filter((days) => days.length > 0)
      .map((days): [number, number] => [days[0] ?? 1, days[days.length - 1] ?? spec.days]),
  });
  return {
    spec,
    restrictions,
    candidates,
    // Saved with the plan only when the request brought one (the merge of stored and requested keys).
    intakeData: body.value.intake_data ? intakeData : undefined,
    passOne: oneWave ? planOneWave(passOne, candidates, data.generationId) : passOne,
    passTwo: passes.passTwo ? sized(passes.passTwo) : [],
  };
}

/** What every pass of one run shares: the loaded context, the event, the engine and the ports. */
type PassRun = { context: RunContext; data: GenerateRequestedData; step: StepRunner; deps: GenerationDependencies };

/** One pass: each of its chunks a model step (`pass-one`, or `pass-one-days-3-4` when split), run at once. */
function runPass(
  { context, data, step, deps }: PassRun,
  passId: "pass-one" | "pass-two",
  chunks: PlannedChunk[],
  avoidFoodIds: string[],
): Promise<PassResult[]> {
  const single = chunks.length === 1;
  return Promise.all(
    chunks.map((chunk) => {
      const stepId = single ? passId : `${passId}-days-${chunk.days[0]}-${chunk.days[chunk.days.length - 1]}`;
      const request: ChunkStepRequest = {
        kind: "chunk",
        planId: data.planId,
        orgId: data.orgId,
        generationId: data.generationId,
        passId,
        spec: context.spec,
        restrictions: context.restrictions,
        candidates: context.candidates,
        chunk,
        avoidFoodIds,
      };
      return modelStep(step, stepId, request, deps);
    }),
  );
}

export function sumUsage(usages: ModelUsage[]): Record<string, number> {
  const total = {
    inputTokens: 0,
    outputTokens: 0,
    cacheReadInputTokens: 0,
    cacheCreationInputTokens: 0,
    calls: usages.length,
  };
  for (const usage of usages) {
    total.inputTokens += usage.inputTokens;
    total.outputTokens += usage.outputTokens;
    total.cacheReadInputTokens += usage.cacheReadInputTokens;
    total.cacheCreationInputTokens += usage.cacheCreationInputTokens;
  }
  return total;
}
