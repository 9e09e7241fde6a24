import { NonRetriableError } from "inngest";
import { dayGenerationStore } from "@/server/day-generation-store";
import { inngestConfig } from "../../inngest.config";
import { generationDependencies } from "./dependencies";
import type { DayRegenerateRequestedData, GenerateRequestedData } from "./events";
import { failureMessage } from "./failure-message";
import {
  type GenerationDependencies,
  type GenerationOutcome,
  generateMealPlan,
  type StepRunner,
} from "./generate-meal-plan-story";
import { type DayGenerationDependencies, regeneratePlanDay } from "./regenerate-plan-day-story";
import { isFinal, retryAfterMs } from "./step-failures";

/**
 * Runs generate-meal-plan in this process, for machines with no Inngest
 * server (the embedded default). Same handler, same step ids, per-step
 * retries with backoff for retryable errors only, the same failure path, one
 * run per plan (a restart cancels the older run, like the Inngest function's cancelOn;
 * so does a coach's cancel, aborting a model call in flight).
 * It is NOT durable: a server restart mid-run loses the run (the plan is then
 * restartable once GENERATION_STALE_AFTER_MINUTES have passed).
 */

export type InlineRunOptions = {
  dependencies?: GenerationDependencies;
  retries?: number;
  retryBaseDelayMs?: number;
};

/** Longest provider-requested wait the in-process runner honours before giving up. */
const MAX_INLINE_WAIT_MS = 60_000;

type ActiveRun = { generationId: string; controller: AbortController; done: Promise<void> };

const activeRuns = new Map<string, ActiveRun>();
/** One-day regenerations, by plan (a newer one for the plan stops the older, as for whole runs). */
const activeDayRuns = new Map<string, ActiveRun>();
let warned = false;

class RunCancelled extends Error {
  override name = "RunCancelled";
}

export function startInlineRun(data: GenerateRequestedData, options: InlineRunOptions = {}): Promise<void> {
  if (!warned) {
    warned = true;
    console.warn(
      "[generation] Inline runner in use: runs happen inside this server process and are not durable. Set INNGEST_DEV=1 (with `npx inngest-cli@latest dev`) or INNGEST_EVENT_KEY to use Inngest.",
    );
  }
  const previous = activeRuns.get(data.planId);
  if (previous?.generationId === data.generationId) return previous.done;
  previous?.controller.abort();

  const controller = new AbortController();
  const done = (previous?.done ?? Promise.resolve())
    .catch(() => undefined)
    .then(async () => {
      await runToEnd(data, controller.signal, options);
    })
    .finally(() => {
      if (activeRuns.get(data.planId)?.controller === controller) activeRuns.delete(data.planId);
    });
  activeRuns.set(data.planId, { generationId: data.generationId, controller, done });
  return done;
}

/**
 * Stops the plan's run if it is this generation: at once, a model call in
 * flight included (its AbortSignal reaches the SDK). False when no such run
 * is in this process.
 */
export function cancelInlineRun(planId: string, generationId: string): boolean {
  const run = activeRuns.get(planId);
  if (run?.generationId !== generationId) return false;
  run.controller.abort();
  return true;
}

/** Waits for every run in flight (tests and graceful shutdown). */
export async function settleInlineRuns(): Promise<void> {
  while (activeRuns.size + activeDayRuns.size > 0) {
    await Promise.all([...activeRuns.values(), ...activeDayRuns.values()].map((run) => run.done));
  }
}

export type InlineDayRunOptions = Omit<InlineRunOptions, "dependencies"> & { dependencies?: DayGenerationDependencies };

/** Runs regenerate-plan-day in this process: same story, step ids, retries and failure path as on Inngest. */
export function startInlineDayRun(data: DayRegenerateRequestedData, options: InlineDayRunOptions = {}): Promise<void> {
  const previous = activeDayRuns.get(data.planId);
  if (previous?.generationId === data.dayGenerationId) return previous.done;
  previous?.controller.abort();

  const controller = new AbortController();
  const done = (previous?.done ?? Promise.resolve())
    .catch(() => undefined)
    .then(async () => {
      const dependencies = {
        ...(options.dependencies ?? { ...generationDependencies(), store: dayGenerationStore }),
        signal: controller.signal,
      };
      const retries = options.retries ?? inngestConfig.regeneratePlanDay.retries;
      const step = inlineSteps(
        controller.signal,
        retries,
        options.retryBaseDelayMs ?? inngestConfig.inlineRetryBaseDelayMs,
      );
      try {
        await regeneratePlanDay(data, step, dependencies);
      } catch (error) {
        if (error instanceof RunCancelled) return;
        await dependencies.store.markDayGenerationFailed(
          data.planId,
          data.dayGenerationId,
          failureMessage(error as Error, retries + 1),
        );
      }
    })
    .finally(() => {
      if (activeDayRuns.get(data.planId)?.controller === controller) activeDayRuns.delete(data.planId);
    });
  activeDayRuns.set(data.planId, { generationId: data.dayGenerationId, controller, done });
  return done;
}

async function runToEnd(
  data: GenerateRequestedData,
  signal: AbortSignal,
  options: InlineRunOptions,
): Promise<GenerationOutcome | undefined> {
  const dependencies = { ...(options.dependencies ?? generationDependencies()), signal };
  const retries = options.retries ?? inngestConfig.generateMealPlan.retries;
  const step = inlineSteps(signal, retries, options.retryBaseDelayMs ?? inngestConfig.inlineRetryBaseDelayMs);
  try {
    return await generateMealPlan(data, step, dependencies);
  } catch (error) {
    if (error instanceof RunCancelled) return undefined;
    // The same failure path as Inngest's onFailure.
    await dependencies.store.markGenerationFailed(
      data.planId,
      data.generationId,
      failureMessage(error as Error, retries + 1),
    );
    return undefined;
  }
}

function inlineSteps(signal: AbortSignal, retries: number, baseDelayMs: number): StepRunner {
  return {
    async run<T>(_id: string, work: () => Promise<T>): Promise<T> {
      for (let attempt = 0; ; attempt++) {
        if (signal.aborted) throw new RunCancelled("superseded by a newer run of this plan");
        try {
          return await work();
        } catch (error) {
          // A model call aborted by a cancel fails like a timeout: it is the cancel, not a failure.
          if (signal.aborted) throw new RunCancelled("the run was stopped");
          if (isFinal(error) || attempt >= retries) throw error;
          const asked = retryAfterMs(error);
          if (asked !== undefined && asked > MAX_INLINE_WAIT_MS) {
            // Not durable: an hour-long sleep would just be lost on restart.
            throw new NonRetriableError(
              `${(error as Error).message}; it asked to wait ${Math.round(asked / 1000)} s, try again later`,
            );
          }
          const delay = asked ?? baseDelayMs * 2 ** attempt;
          await sleep(delay, signal);
        }
      }
    },
  };
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener("abort", () => {
      clearTimeout(timer);
      resolve();
    });
  });
}
