import { inngestConfig } from "@inngest-config";
import { markRunFailed } from "@/inngest/attempts/failure-message";
import { planWorkflowConcurrency } from "@/inngest/concurrency-limits";
import type { ModelStepRunDependencies } from "@/inngest/story/model-step-runner";
import type { RunKind } from "@/inngest/story/run-kinds";
import type { RunStore } from "@/server/run-store";
import { inngest } from "./client";
import { asInngestError } from "./inngest-errors";
import { inngestStepRunner } from "./inngest-step-runner";
import { markCancelledFunction } from "./mark-cancelled-function";
import { planDaysFunction } from "./plan-days-function";

type FunctionOptions = Parameters<typeof inngest.createFunction>[0];

/**
 * A kind of run (story/run-kinds.ts) as an Inngest function: its trigger, the
 * per-plan concurrency queue both kinds share, the org throttle, its limits
 * and failure path (onFailure: every failed attempt the run recorded, in the
 * message). Its model calls run in plan-days, reached with step.invoke under
 * the story's step ids (`pass-one-days-3-4`).
 */
export function runFunction<
  Data extends { planId: string; orgId: string },
  Deps extends ModelStepRunDependencies & { store: RunStore },
>(
  kind: RunKind<Data, Deps>,
  options: { name: string; triggers: FunctionOptions["triggers"]; cancelOn?: FunctionOptions["cancelOn"] },
) {
  const { limits } = kind;
  return inngest.createFunction(
    {
      id: limits.id,
      name: options.name,
      triggers: options.triggers,
      retries: limits.retries,
      // The same limit the inline runner emulates (concurrency-slots.ts, from concurrency-limits.ts).
      concurrency: planWorkflowConcurrency(),
      throttle: inngestConfig.orgRunThrottle,
      ...(options.cancelOn ? { cancelOn: options.cancelOn } : {}),
      timeouts: limits.timeouts,
      onFailure: async ({ event, error, step }) => {
        const data = (event.data as { event: { data: Data } }).event.data;
        await step.run("mark-failed", () => markRunFailed(kind.store, data.planId, kind.runId(data), error));
      },
    },
    async ({ event, step, attempt, logger }) => {
      const data = event.data as Data;
      const deps = kind.dependencies({ logger });
      const steps = inngestStepRunner(
        step,
        {
          attempt,
          retries: limits.retries,
          record: (entry) => deps.store.recordFailedAttempt(data.planId, kind.runId(data), entry),
        },
        (id, request) => step.invoke(id, { function: planDaysFunction, data: request }) as Promise<never>,
      );
      return kind.story(data, steps, deps).catch((error: unknown) => {
        throw asInngestError(error);
      });
    },
  );
}

/** The kind's runs stopped by their timeouts (or a restart) reach no onFailure: see markCancelledFunction. */
export function markTimedOutFunction<
  Data extends { planId: string; orgId: string },
  Deps extends ModelStepRunDependencies & { store: RunStore },
>(kind: RunKind<Data, Deps>, options: { id: string; name: string }) {
  return markCancelledFunction({
    ...options,
    watches: kind.limits,
    runIdField: kind.runIdField,
    markFailed: (planId, runId) => kind.store.markFailed(planId, runId, kind.timedOutMessage),
  });
}
