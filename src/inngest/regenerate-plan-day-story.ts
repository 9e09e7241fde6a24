import { NonRetriableError } from "inngest";
import type { MacroMiss } from "@/generation/adjust/balance-day";
import { type CatalogueFood, indexFoodsById } from "@/generation/catalogue/catalogue";
import { planRestrictions, type Restrictions } from "@/generation/catalogue/food-restrictions";
import { selectCandidates } from "@/generation/catalogue/select-candidates";
import { chooseModel } from "@/generation/generation-config";
import type { PlanSpec } from "@/generation/intake/plan-spec";
import { resolvePlanSpec } from "@/generation/intake/resolve-plan-spec";
import type { MealMiss } from "@/generation/meals/meal-patterns";
import type { PlannedDay } from "@/generation/nutrition/planned-day";
import { chunkPass } from "@/generation/passes/chunk-pass";
import type { DayGenerationStore } from "@/server/day-generation-store";
import type { DayRegenerateRequestedData } from "./events";
import type { DayStepRequest, PassResult, PlannedChunk } from "./model-step";
import { modelStep } from "./run-model-step";
import { isRunNotCurrent, stepFailure } from "./step-failures";
import { adjustDays, logMealMisses, type StepDependencies, type StepRunner, titledDay } from "./step-kit";

/**
 * The story of regenerating one day of a saved plan, with the same stages
 * and guarantees as the whole plan, for one day:
 *
 *   load-context → plan-day (one model call sized to the step budget) → scale → dedup → balance → save-day
 *
 * The model is told which foods the neighbouring days (and the day being
 * replaced) use, so the week keeps its variety and the new day differs from
 * the old; candidates are drawn with the day-generation id as the seed, so
 * the offline planner's choices vary from one regeneration to the next.
 * save-day replaces only that day, in one transaction, only while this run
 * is the plan's current day run.
 */

export type DayGenerationDependencies = StepDependencies & { store: DayGenerationStore };

export type DayGenerationOutcome = { status: "saved"; day: number } | { status: "superseded" };

type DayContext = {
  spec: PlanSpec;
  restrictions: Restrictions;
  candidates: CatalogueFood[];
  chunk: PlannedChunk;
  /** Foods of the days either side and of the day being replaced. */
  avoidFoodIds: string[];
  /** The replaced day's foods, to tell a genuinely new day from a repeat. */
  previousFoodIds: string[];
};

export async function regeneratePlanDay(
  data: DayRegenerateRequestedData,
  step: StepRunner,
  deps: DayGenerationDependencies,
): Promise<DayGenerationOutcome> {
  const { planId, dayGenerationId } = data;

  const context = await step.run("load-context", () => loadDayContext(data, deps));
  if (context === "superseded") {
    deps.logger.info({ planId, dayGenerationId }, "day run superseded; nothing to do");
    return { status: "superseded" };
  }
  const foods = indexFoodsById(context.candidates);

  const request: DayStepRequest = {
    kind: "day",
    planId,
    orgId: data.orgId,
    dayGenerationId,
    day: data.day,
    ...context,
  };
  let planned: PassResult;
  try {
    planned = await modelStep(step, "plan-day", request, deps);
  } catch (error) {
    // The day run no longer holds the plan and made no call (run-model-step.ts): nothing failed.
    if (!isRunNotCurrent(error)) throw error;
    deps.logger.info({ planId, dayGenerationId }, "day run no longer holds the plan; stopped before its model call");
    return { status: "superseded" };
  }

  // The same stages as a whole plan's: the day's grams re-solved onto the macro split too.
  const balanced = await adjustDays(
    step,
    planned.days,
    {
      spec: context.spec,
      candidates: context.candidates,
      restrictions: context.restrictions,
      foods,
      planId,
      enterPhase: (phase) => deps.store.recordDayPhase(planId, dayGenerationId, phase),
    },
    deps,
    ([result]): BalancedDayRecord => {
      if (!result) throw new NonRetriableError(`The model planned no day ${data.day}`);
      if (result.changes.length > 0) {
        deps.logger.info(
          { planId, changes: result.changes },
          "changed foods so the day could meet the split and meal rules",
        );
      }
      if (result.miss) {
        deps.logger.warn({ planId, day: data.day, miss: result.miss }, "day saved off the macro split");
      }
      logMealMisses(
        deps.logger,
        planId,
        result.mealMisses.map((miss) => ({ day: data.day, ...miss })),
      );
      return { day: result.day, miss: result.miss, mealMisses: result.mealMisses };
    },
  );

  const day = titledDay(balanced.day, foods);
  const saved = await step.run("save-day", () =>
    deps.store.saveDay(planId, dayGenerationId, day, balanced.miss, balanced.mealMisses ?? []),
  );
  if (saved === "superseded") {
    deps.logger.info({ planId, dayGenerationId }, "day run superseded before saving; wrote nothing");
    return { status: "superseded" };
  }
  return { status: "saved", day: day.day };
}

/**
 * What the balance step records. `mealMisses` is absent from a balance result
 * Inngest memoised before meals were judged (a run in flight across the
 * deploy): that day saves with none.
 */
type BalancedDayRecord = { day: PlannedDay; miss: MacroMiss | null; mealMisses?: MealMiss[] };

async function loadDayContext(
  data: DayRegenerateRequestedData,
  deps: DayGenerationDependencies,
): Promise<DayContext | "superseded"> {
  const loaded = await deps.store.loadPlanForDay(data.planId, data.dayGenerationId);
  if (loaded.status === "superseded") return "superseded";
  if (loaded.day !== data.day)
    throw new NonRetriableError(`The run is for day ${data.day}, the plan's for ${loaded.day}`);

  let spec: PlanSpec;
  try {
    spec = resolvePlanSpec(loaded.plan, {}, deps.config);
  } catch (error) {
    throw stepFailure(error, "the plan");
  }
  if (data.day > spec.days) throw new NonRetriableError(`The plan has no day ${data.day} (it has ${spec.days})`);
  const restrictions = planRestrictions(spec, loaded.catalogue);
  const candidates = selectCandidates(
    loaded.catalogue,
    { ...restrictions, macroSplit: spec.macroSplit },
    { seed: data.dayGenerationId },
  );
  if (candidates.length === 0) {
    throw new NonRetriableError("No foods in the catalogue fit this plan's diet, allergies and dislikes");
  }
  const { model, maxTokens } = chooseModel(spec.days, deps.config);
  const [sized] = chunkPass([data.day], maxTokens, deps.chunkLimitsFor(model));
  if (!sized) throw new NonRetriableError(`Day ${data.day} could not be sized to one step`);
  const chunk: PlannedChunk = { ...sized, model };
  const previousFoodIds = loaded.foodIdsByDay[data.day] ?? [];
  const neighbours = [data.day - 1, data.day + 1].flatMap((day) => loaded.foodIdsByDay[day] ?? []);
  return {
    spec,
    restrictions,
    candidates,
    chunk,
    avoidFoodIds: [...new Set([...neighbours, ...previousFoodIds])],
    previousFoodIds,
  };
}
