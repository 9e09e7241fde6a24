import { inngestConfig } from "@inngest-config";
import { invoke } from "inngest";
import { z } from "zod";
import { modelCallConcurrency } from "@/inngest/concurrency-limits";
import { type ModelStepRequest, runIdOf } from "@/inngest/story/model-step-request";
import { runModelStep } from "@/inngest/story/model-step-runner";
import { generationDependencies } from "@/inngest/story/run-dependencies";
import { dayGenerationStore } from "@/server/day-generation-store";
import { generationStore } from "@/server/generation-store";
import { inngest } from "./client";
import { planGenerateCancelled, planGenerateRequested } from "./events";
import { attemptedOnInngest } from "./inngest-step-runner";

const limits = inngestConfig.planDays;

/**
 * What plan-days is invoked with: checked here for its shape (ids, the days
 * to plan, the foods), the rest being what the calling step computed.
 */
const ModelStepEnvelopeSchema = z.looseObject({
  kind: z.enum(["chunk", "day"]),
  planId: z.uuid(),
  orgId: z.uuid(),
  spec: z.looseObject({ days: z.number().int().min(1) }),
  restrictions: z.looseObject({ diet: z.array(z.string()), allergies: z.array(z.string()) }),
  candidates: z.array(z.looseObject({ id: z.string() })).min(1),
  chunk: z.looseObject({
    days: z.array(z.number().int().min(1)).min(1),
    maxTokens: z.number().int().positive(),
    retryMaxTokens: z.number().int().positive().optional(),
    model: z.string().min(1).optional(),
  }),
  avoidFoodIds: z.array(z.string()),
});

const ModelStepRequestSchema = z.custom<ModelStepRequest>((value) => ModelStepEnvelopeSchema.safeParse(value).success, {
  message: "not a model step request",
});

/**
 * plan-days: one chunk of days planned by the model, and its answer made
 * safe. generate-meal-plan and regenerate-plan-day reach it with
 * `step.invoke`, so that only model calls hold its two limits: calls across
 * the account and calls per organisation (inngest.config.ts, planDays). Its
 * failures go through the same schedule as every step (failed-attempt.ts);
 * when it gives up, the invoking run fails with its error. Cancelled with the
 * run it serves (a restart, a coach's cancel, the run failing on another
 * chunk, or the run stopped by its timeout), so a stopped plan spends no more calls.
 */
export const planDaysFunction = inngest.createFunction(
  {
    id: limits.id,
    name: "Plan days (one model call)",
    triggers: [invoke(ModelStepRequestSchema)],
    retries: limits.retries,
    concurrency: modelCallConcurrency(),
    cancelOn: [
      { event: planGenerateRequested, if: inngestConfig.generateMealPlan.cancelWhenRestarted },
      { event: planGenerateCancelled, if: inngestConfig.generateMealPlan.cancelWhenCancelled },
      // The plan's run gave up (another chunk failed) or was stopped: this chunk's calls would be for nothing.
      { event: "inngest/function.failed", if: limits.cancelWhenRunEnded },
      { event: "inngest/function.cancelled", if: limits.cancelWhenRunEnded },
    ],
    timeouts: limits.timeouts,
  },
  async ({ event, step, attempt, logger }) => {
    const request = event.data as ModelStepRequest;
    const store = request.kind === "chunk" ? generationStore : dayGenerationStore;
    const runId = runIdOf(request);
    // Inngest's `attempt` counts from 0; ours from 1.
    // The step asks the store of the run it serves whether that run still holds the plan (a day run's own).
    const deps = { ...generationDependencies({ logger }), store };
    const work = attemptedOnInngest(() => runModelStep(request, deps, attempt + 1), {
      attempt,
      retries: limits.retries,
      record: (entry) => store.recordFailedAttempt(request.planId, runId, entry),
      faults: {
        maxAttempts: limits.faultAttempts,
        rateLimitedBefore: async (days) =>
          (await store.failedAttempts(request.planId, runId)).filter(
            (failed) => failed.days === days && failed.fault.endsWith("rate limited"),
          ).length,
      },
    });
    return step.run("plan-days", work) as Promise<never>;
  },
);
