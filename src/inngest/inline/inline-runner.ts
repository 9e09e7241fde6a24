import { inngestConfig } from "@inngest-config";
import { afterFailedAttempt } from "@/inngest/attempts/failed-attempt";
import { markRunFailed } from "@/inngest/attempts/failure-message";
import { isRunNotCurrent, stepFaultOf } from "@/inngest/attempts/step-faults";
import { type ConcurrencyLimit, modelCallConcurrency, planWorkflowConcurrency } from "@/inngest/concurrency-limits";
import type { GenerationDependencies } from "@/inngest/story/generate-meal-plan";
import type { ModelStepRequest, PassResult } from "@/inngest/story/model-step-request";
import { type ModelStepRunDependencies, runModelStep } from "@/inngest/story/model-step-runner";
import type { DayGenerationDependencies } from "@/inngest/story/regenerate-plan-day";
import { modelCallTimeoutMs } from "@/inngest/story/run-dependencies";
import type { DayRegenerateRequestedData, GenerateRequestedData } from "@/inngest/story/run-events";
import { oneDayRun, type RunKind, wholePlanRun } from "@/inngest/story/run-kinds";
import type { StepRunner } from "@/inngest/story/story-steps";
import { db, renewPoolAfterLostConnection } from "@/server/database/index";
import { thisRunnerName } from "@/server/inline-run-owners";
import type { FailedAttemptEntry, RunStore } from "@/server/run-store";
import { ConcurrencySlots, type SlotClaim, StepCancelled, slotClaims } from "./concurrency-slots";

/**
 * Runs generate-meal-plan and regenerate-plan-day in this process, for
 * machines with no Inngest server (the embedded default). Same stories, same
 * step ids, per-step retries with backoff for retryable errors only, the same
 * failure path, one run per plan and kind (a restart cancels the older run,
 * like the Inngest function's cancelOn; so does a coach's cancel, aborting a
 * model call in flight).
 * It is not durable, but it is recoverable: each run, whole plan or one day,
 * writes this process's name on its plan, and the next server to start takes
 * up the runs of a process that died (inline-recovery.ts). A graceful stop
 * (stopInlineRuns) ends runs at their next step boundary and marks them for
 * the next start.
 */

export type InlineRunOptions = {
  dependencies?: GenerationDependencies;
  retries?: number;
  /** Multiplies every retry delay of the shared schedule (retry-policy.ts); tests make it small. Default 1. */
  retryDelayScale?: number;
  /** The plan function's concurrency limits (default: the ones the Inngest function is given). */
  concurrency?: readonly ConcurrencyLimit[];
  /** plan-days' limits, which only model calls claim (default: the ones Inngest is given). */
  modelConcurrency?: readonly ConcurrencyLimit[];
  /** The longest one model call can take (default: the call timeout the step budget gives). */
  worstAttemptMs?: number | null;
  /** How long a failed run keeps trying to record its outcome (default: inngest.config.ts, inlineRecovery). */
  outcomeWithinMs?: number;
};

type ActiveRun = { generationId: string; controller: AbortController; done: Promise<void> };

const activeRuns = new Map<string, ActiveRun>();
/** One set of slots for the process, like Inngest's one account: every run's steps count against it. */
const slots = new ConcurrencySlots();

/** One-day regenerations, by plan (a newer one for the plan stops the older, as for whole runs). */
const activeDayRuns = new Map<string, ActiveRun>();
let warned = false;

class RunCancelled extends Error {
  override name = "RunCancelled";
}

/** A step gave up: the run's other steps stop where they are. */
class RunFailed extends Error {
  override name = "RunFailed";
}

/** The server is stopping: the run ends at a step boundary and is left for the next start. */
class RunStopped extends Error {
  override name = "RunStopped";
}

export function startInlineRun(data: GenerateRequestedData, options: InlineRunOptions = {}): Promise<void> {
  if (!warned) {
    warned = true;
    console.warn(
      "[generation] Inline runner in use: runs happen inside this server process and are not durable (a run cut short by a restart starts again from the beginning when the server next starts). Set INNGEST_DEV=1 (with `npx inngest-cli@latest dev`) or INNGEST_EVENT_KEY to use Inngest.",
    );
  }
  return startHeldRun(activeRuns, data.planId, data.generationId, options, (signal) =>
    inlineJob(wholePlanRun, data, options, signal),
  );
}

/**
 * Graceful stop: every run ends at its next step boundary (a step already
 * running finishes, so nothing is half-written) and is handed to the next
 * server start. Waits at most `graceMs`; a run still inside a long step then
 * dies with the process and is recovered the same way.
 */
export async function stopInlineRuns(graceMs: number): Promise<void> {
  for (const run of [...activeRuns.values(), ...activeDayRuns.values()]) {
    run.controller.abort(new RunStopped("the server is stopping"));
  }
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([
    settleInlineRuns(),
    new Promise<void>((resolve) => {
      timer = setTimeout(resolve, graceMs);
    }),
  ]);
  clearTimeout(timer);
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

/**
 * Runs regenerate-plan-day in this process: same story, step ids, retries and
 * failure path as on Inngest, and held, stopped and resumed like a whole run.
 */
export function startInlineDayRun(data: DayRegenerateRequestedData, options: InlineDayRunOptions = {}): Promise<void> {
  // The same slots as the whole-plan runs: the per-plan limit is shared (scope env), as on Inngest.
  return startHeldRun(activeDayRuns, data.planId, data.dayGenerationId, options, (signal) =>
    inlineJob(oneDayRun, data, options, signal),
  );
}

/**
 * A kind of run (story/run-kinds.ts) as an inline job: its story, slots,
 * holder and failure path, with every attempt's fault in the message. The
 * run may have failed because the database went away: the outcome is
 * retried for a while, so the plan does not stay generating.
 */
function inlineJob<
  Data extends { planId: string; orgId: string },
  Deps extends ModelStepRunDependencies & { store: RunStore },
>(
  kind: RunKind<Data, Deps>,
  data: Data,
  options: Omit<InlineRunOptions, "dependencies"> & { dependencies?: Deps },
  signal: AbortSignal,
): HeldRunJob {
  const dependencies = { ...(options.dependencies ?? kind.dependencies()), signal };
  const { store } = dependencies;
  const runId = kind.runId(data);
  return {
    retries: options.retries ?? kind.limits.retries,
    claims: slotClaims(options.concurrency ?? planWorkflowConcurrency(), kind.limits.id, data),
    modelClaims: slotClaims(options.modelConcurrency ?? modelCallConcurrency(), inngestConfig.planDays.id, data),
    hold: (owner) => store.holdInlineRun(data.planId, runId, owner, kind.heldRequest(data)),
    release: (owner) => store.releaseInlineRun(data.planId, runId, owner),
    record: (entry) => store.recordFailedAttempt(data.planId, runId, entry),
    story: (step) => kind.story(data, step, dependencies),
    runModel: (request, attempt) => runModelStep(request, dependencies, attempt),
    fail: (error) =>
      untilItWorks(
        () => markRunFailed(store, data.planId, runId, error),
        options.outcomeWithinMs ?? inngestConfig.inlineRecovery.outcomeWithinMs,
      ),
  };
}

/** What differs between a whole-plan run and a one-day run; the rest is startHeldRun's. */
type HeldRunJob = {
  retries: number;
  /** The concurrency slots each step attempt holds. */
  claims: SlotClaim[];
  /** The slots each model-call attempt holds instead (plan-days' on Inngest). */
  modelClaims: SlotClaim[];
  /** Names this process on the run (the first step), so a restart after a crash can take it up. */
  hold: (owner: string) => Promise<void>;
  /** A graceful stop: leaves the run generating, for the next start to take up at once. */
  release: (owner: string) => Promise<void>;
  /** Appends a failed attempt to the run's list on the plan. */
  record: (entry: FailedAttemptEntry) => Promise<{ repeatingForMs: number } | null>;
  story: (step: StepRunner) => Promise<unknown>;
  /** One attempt (from 1) of a model step. */
  runModel: (request: ModelStepRequest, attempt: number) => Promise<PassResult>;
  /** Records that the run gave up, with what every attempt met. */
  fail: (error: Error) => Promise<unknown>;
};

/**
 * One run per plan in `runs` (a newer run stops the older and waits for it),
 * run to its end in this process: the holder step, then the story with
 * per-step retries and slots; a cancel ends it quietly, a stop releases it,
 * any other error is the run's failure.
 */
function startHeldRun(
  runs: Map<string, ActiveRun>,
  planId: string,
  runId: string,
  options: Pick<InlineRunOptions, "retryDelayScale" | "worstAttemptMs">,
  prepare: (signal: AbortSignal) => HeldRunJob,
): Promise<void> {
  const previous = runs.get(planId);
  if (previous?.generationId === runId) return previous.done;
  previous?.controller.abort();

  const controller = new AbortController();
  const timing: RetryTiming = {
    delayScale: options.retryDelayScale ?? 1,
    worstAttemptMs: options.worstAttemptMs === undefined ? modelCallTimeoutMs() : options.worstAttemptMs,
  };
  const done = (previous?.done ?? Promise.resolve())
    .catch(() => undefined)
    .then(() => runHeld(prepare(controller.signal), controller, timing))
    .finally(() => {
      if (runs.get(planId)?.controller === controller) runs.delete(planId);
    });
  runs.set(planId, { generationId: runId, controller, done });
  return done;
}

type RetryTiming = { delayScale: number; worstAttemptMs: number | null };

/** The claims that stand for the provider's account (one API key): the ones its rate limit concerns. */
function providerClaims(claims: readonly SlotClaim[]): SlotClaim[] {
  return claims.filter(({ slot }) => slot.startsWith("account|"));
}

async function runHeld(job: HeldRunJob, controller: AbortController, timing: RetryTiming): Promise<void> {
  const { signal } = controller;
  const attempts = <T>(work: (attempt: number) => Promise<T>) => withAttempts(work, job, signal, timing);
  const steps: StepRunner = {
    // Each attempt holds its slots while it executes, as on Inngest (not while backing off).
    run: (_id, work) => attempts(() => slots.hold(job.claims, work, signal)),
    // A model call holds plan-days' slots only: on Inngest the plan's run waits on step.invoke, holding none.
    // The account-wide slots follow the provider's own limit: fewer while 429s come, more after successes.
    callModel: (_id, request) =>
      attempts((attempt) =>
        slots.hold(
          job.modelClaims,
          async () => {
            try {
              const result = await job.runModel(request, attempt);
              slots.succeeded(providerClaims(job.modelClaims));
              return result;
            } catch (error) {
              if (stepFaultOf(error)?.kind === "rate_limited") slots.rateLimited(providerClaims(job.modelClaims));
              throw error;
            }
          },
          signal,
        ),
      ),
  };
  const owner = thisRunnerName();
  try {
    await attempts(() => job.hold(owner));
    await job.story(steps);
    // A story that stopped early (its run no longer holds the plan) leaves its other chunks nothing to do.
    if (!signal.aborted) controller.abort(new RunCancelled("the run has ended"));
  } catch (error) {
    if (error instanceof RunCancelled || error instanceof StepCancelled) return;
    if (error instanceof RunStopped) {
      await job.release(owner);
      return;
    }
    // The run has failed: its other steps (a pass's other chunks) stop now, spending no more calls.
    controller.abort(new RunFailed("another step of the run failed"));
    await job.fail(error as Error);
  }
}

/** One step's attempts: each failure recorded and decided by the shared schedule (failed-attempt.ts). */
async function withAttempts<T>(
  work: (attempt: number) => Promise<T>,
  job: HeldRunJob,
  signal: AbortSignal,
  timing: RetryTiming,
): Promise<T> {
  // The last failure's fault and since when it has been repeating (used if the record cannot answer).
  let previous: { fault: string; repeatingSince: number } | undefined;
  // Counts the attempts that met a fault: a 429 (the provider's limit) is tried again as the same attempt.
  for (let attempt = 1; ; ) {
    if (signal.aborted) {
      throw signal.reason instanceof RunStopped
        ? signal.reason
        : new RunCancelled("superseded by a newer run of this plan");
    }
    const pool = db();
    try {
      return await work(attempt);
    } catch (error) {
      // A model call aborted by a cancel or a stop fails like a timeout: it is the abort, not a failure.
      if (signal.aborted) {
        throw signal.reason instanceof RunStopped ? signal.reason : new RunCancelled("the run was stopped");
      }
      // No model call was made: the run no longer holds the plan, which is no failure to record or retry.
      if (error instanceof StepCancelled || isRunNotCurrent(error)) throw error;
      const outcome = await afterFailedAttempt(error, {
        attempt,
        maxAttempts: job.retries + 1,
        worstAttemptMs: timing.worstAttemptMs,
        record: job.record,
        ...(previous ? { previous } : {}),
      });
      if ("final" in outcome) throw outcome.final;
      previous = outcome.repeating;
      if (stepFaultOf(error)?.kind !== "rate_limited") attempt++;
      // A step that lost its database connection tries again on a fresh one.
      renewPoolAfterLostConnection(error, pool);
      await sleep(outcome.retryInMs * timing.delayScale, signal);
    }
  }
}

/**
 * Retries `work` with backoff (1, 2, 4, 8, 8, ... s) for about a minute, then
 * lets its error through. A try that lost its database connection renews the
 * pool first, so the next one is made on a fresh connection.
 */
export async function untilItWorks<T>(work: () => Promise<T>, budgetMs = 60_000): Promise<T> {
  const deadline = Date.now() + budgetMs;
  for (let attempt = 0; ; attempt++) {
    const pool = db();
    try {
      return await work();
    } catch (error) {
      renewPoolAfterLostConnection(error, pool);
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, Math.min(8_000, 1_000 * 2 ** attempt)));
    }
  }
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const timer = setTimeout(resolve, ms);
    signal.addEventListener("abort", () => {
      clearTimeout(timer);
      resolve();
    });
  });
}
