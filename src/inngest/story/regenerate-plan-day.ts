import type { MacroMiss } from "@/generation/adjust/balance-day";
import type { EditableDay } from "@/generation/adjust/edit-day";
import {
  carriedItems,
  type DayScope,
  type FixedItem,
  lockedKeys,
  sameMeal,
  withSavedTitles,
} from "@/generation/adjust/fixed-items";
import { type CatalogueFood, indexFoodsById, uniqueFoods } from "@/generation/catalogue/catalogue";
import { planRestrictions, type Restrictions } from "@/generation/catalogue/food-restrictions";
import { selectCandidates } from "@/generation/catalogue/select-candidates";
import { chooseModel } from "@/generation/generation-config";
import type { PlanSpec } from "@/generation/intake/plan-spec";
import { resolvePlanSpec } from "@/generation/intake/resolve-plan-spec";
import type { MealMiss } from "@/generation/meals/meal-patterns";
import type { PlannedDay } from "@/generation/nutrition/planned-day";
import { chunkPass } from "@/generation/passes/chunk-pass";
import { FinalError } from "@/inngest/attempts/final-error";
import { isRunNotCurrent, stepFailure } from "@/inngest/attempts/step-faults";
import type { DayGenerationStore } from "@/server/day-generation-store";
import type { DayStepRequest, PassResult, PlannedChunk } from "./model-step-request";
import { modelStep } from "./model-step-runner";
import type { DayRegenerateRequestedData } from "./run-events";
import { adjustDays, logMealMisses, type StepDependencies, type StepRunner, titledDay } from "./story-steps";

/**
 * The story of regenerating one day of a saved plan, or one meal of it, with
 * the same stages and guarantees as the whole plan, for one day:
 *
 *   load-context → plan-day (one model call sized to the step budget) → scale → dedup → balance
 *     → save-day (a whole day: a new day row) | save-meal (one meal: the day written in place, its history kept)
 *
 * What the coach keeps stays as it was through every stage (fixed-items.ts):
 * the day's locked items, and in a meal run every other meal. The model is
 * told about them and asked for the rest only (for a meal run, that meal).
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
  /** The replaced day's (or meal's) foods, to tell a genuinely new one from a repeat. */
  previousFoodIds: string[];
  /**
   * What stays as it was: the day's locked items, and in a meal run every
   * other meal (fixed-items.ts). Absent from a context memoised before locks
   * travelled with the run.
   */
  scope?: DayScope;
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

  const { scope } = context;
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
    // The day run no longer holds the plan and made no call (story/model-step-runner.ts): nothing failed.
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
      ...(planned.fixedKeys ? { fixedByDay: planned.fixedKeys } : {}),
    },
    deps,
    ([result]): BalancedDayRecord => {
      if (!result) throw new FinalError(`The model planned no day ${data.day}`);
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

  const day = scope ? titledDay(withSavedTitles(balanced.day, scope), foods) : titledDay(balanced.day, foods);
  const mealMisses = balanced.mealMisses ?? [];
  const saved =
    scope?.meal === undefined
      ? await step.run("save-day", () =>
          deps.store.saveDay(
            planId,
            dayGenerationId,
            day,
            balanced.miss,
            mealMisses,
            scope ? lockedKeys(day, scope) : [],
          ),
        )
      : await step.run("save-meal", () =>
          deps.store.saveMeal(planId, dayGenerationId, carriedItems(day, scope), day.day, balanced.miss, mealMisses),
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
  if (loaded.day !== data.day) throw new FinalError(`The run is for day ${data.day}, the plan's for ${loaded.day}`);
  if ((data.meal ?? null) !== loaded.meal) {
    throw new FinalError(
      `The run is for ${data.meal ?? "the whole day"}, the plan's for ${loaded.meal ?? "the whole day"}`,
    );
  }

  let spec: PlanSpec;
  try {
    spec = resolvePlanSpec(loaded.plan, {}, deps.config);
  } catch (error) {
    throw stepFailure(error, "the plan");
  }
  if (data.day > spec.days) throw new FinalError(`The plan has no day ${data.day} (it has ${spec.days})`);
  const restrictions = planRestrictions(spec, loaded.catalogue);
  const scope = dayScope(loaded.saved, data.meal);
  if (scope === "no such meal") throw new FinalError(`Day ${data.day} has no ${data.meal} to regenerate`);
  const kept = new Set(scope.fixed.map((item) => item.food_id));
  const candidates = uniqueFoods([
    ...selectCandidates(
      loaded.catalogue,
      { ...restrictions, macroSplit: spec.macroSplit },
      { seed: data.dayGenerationId },
    ),
    // The kept foods are the coach's and already in the day: the stages must know them.
    ...loaded.catalogue.filter((food) => kept.has(food.id)),
  ]);
  if (candidates.length === 0) {
    throw new FinalError("No foods in the catalogue fit this plan's diet, allergies and dislikes");
  }
  const { model, maxTokens } = chooseModel(spec.days, deps.config);
  const [sized] = chunkPass([data.day], maxTokens, deps.chunkLimitsFor(model, spec.mealsPerDay));
  if (!sized) throw new FinalError(`Day ${data.day} could not be sized to one step`);
  const chunk: PlannedChunk = { ...sized, model };
  const dayFoodIds = loaded.foodIdsByDay[data.day] ?? [];
  const scopeMeal = scope.meal;
  const previousFoodIds =
    scopeMeal === undefined
      ? dayFoodIds
      : (loaded.saved?.meals.find((meal) => sameMeal(meal.name, scopeMeal))?.items.map((item) => item.food_id) ?? []);
  const neighbours = [data.day - 1, data.day + 1].flatMap((day) => loaded.foodIdsByDay[day] ?? []);
  return {
    spec,
    restrictions,
    candidates,
    chunk,
    avoidFoodIds: [...new Set([...neighbours, ...dayFoodIds])],
    previousFoodIds,
    // A whole day with nothing locked is planned as it always was.
    ...(scope.meal !== undefined || scope.fixed.length > 0 ? { scope } : {}),
  };
}

/**
 * What the run keeps of the saved day: its locked items (a whole-day run),
 * or every other meal and the meal's locked items (a meal run).
 */
function dayScope(saved: EditableDay | null, meal: string | undefined): DayScope | "no such meal" {
  const meals = saved?.meals ?? [];
  if (meal !== undefined && !meals.some((each) => sameMeal(each.name, meal))) return "no such meal";
  const fixed: FixedItem[] = meals.flatMap((each) =>
    each.items.flatMap((item) =>
      item.locked || (meal !== undefined && !sameMeal(each.name, meal))
        ? [{ meal: each.name, food_id: item.food_id, grams: item.grams, id: item.id ?? undefined, locked: item.locked }]
        : [],
    ),
  );
  if (meal === undefined) return { fixed, meals: [] };
  return {
    meal: meals.find((each) => sameMeal(each.name, meal))?.name ?? meal,
    fixed,
    meals: meals.map(({ name, title, preparation }) => ({
      name,
      ...(title === undefined ? {} : { title }),
      ...(preparation === undefined ? {} : { preparation }),
    })),
  };
}
