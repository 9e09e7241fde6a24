import { randomUUID } from "node:crypto";
import { inngestConfig } from "@inngest-config";
import { describe, expect, it } from "vitest";
import { DEFAULT_GENERATION_CONFIG } from "@/generation/generation-config";
import { ModelCallError } from "@/generation/model/model-call-error";
import type { ModelPort } from "@/generation/model/model-port";
import { createOfflineModel } from "@/generation/offline/offline-model";
import { modelCallConcurrency, planWorkflowConcurrency } from "@/inngest/concurrency-limits";
import { startInlineRun } from "@/inngest/inline/inline-runner";
import type { GenerationDependencies } from "@/inngest/story/generate-meal-plan";
import { chunkLimitsFor } from "@/inngest/story/run-dependencies";
import { parseEnv } from "@/server/env";
import type { GenerationStore } from "@/server/generation-store";
import { seedCatalogue } from "../../support/seed-catalogue";
import { inMemoryStore } from "../../support/workflow-in-memory";

const CALL_MS = 40;

/** The offline planner behind a call that takes CALL_MS, counting how many calls overlap. */
function timedModel() {
  const offline = createOfflineModel();
  const stats = { calls: 0, inFlight: 0, mostAtOnce: 0 };
  const model: ModelPort = {
    name: "claude",
    async planPass(pass, options) {
      stats.calls += 1;
      stats.inFlight += 1;
      stats.mostAtOnce = Math.max(stats.mostAtOnce, stats.inFlight);
      await new Promise((resolve) => setTimeout(resolve, CALL_MS));
      stats.inFlight -= 1;
      return offline.planPass(pass, options);
    },
  };
  return { model, stats };
}

/** A run's dependencies under the 20 s step budget, with the given model and store, logging nothing. */
function quietDependencies(model: ModelPort, store: GenerationStore): GenerationDependencies {
  return {
    model,
    store,
    config: DEFAULT_GENERATION_CONFIG,
    chunkLimitsFor: chunkLimitsFor(20),
    logger: { info: () => {}, warn: () => {} },
  };
}

/** A 5-day plan under the 20 s step budget: one pass of five one-day chunks. */
async function runFiveDayPlan(environment: Record<string, string>) {
  const { model, stats } = timedModel();
  let savedDays: number[] = [];
  const store = inMemoryStore({ plan_length_days: 5 }, seedCatalogue(), (saved) => {
    savedDays = saved.days.map((day) => day.day);
  });
  const started = performance.now();
  await startInlineRun(
    { planId: randomUUID(), orgId: "memory-org", generationId: randomUUID(), request: {} },
    {
      dependencies: quietDependencies(model, store),
      concurrency: planWorkflowConcurrency(parseEnv(environment)),
      modelConcurrency: modelCallConcurrency(parseEnv(environment)),
    },
  );
  return { ...stats, savedDays, elapsedMs: performance.now() - started };
}

describe("the inline runner under the function's concurrency limits", () => {
  it("counts model calls against plan-days' limits only: a per-plan limit of 1 does not serialise them", async () => {
    // On Inngest the plan's run waits on step.invoke while a chunk's call runs, holding no per-plan slot.
    const run = await runFiveDayPlan({
      GENERATION_PER_PLAN_CONCURRENCY: "1",
      GENERATION_MAX_CONCURRENT_MODEL_CALLS: "28",
      GENERATION_MAX_CONCURRENT_MODEL_CALLS_PER_ORG: "28",
    });
    expect(run.savedDays).toEqual([1, 2, 3, 4, 5]);
    expect(run.calls).toBe(5);
    expect(run.mostAtOnce).toBe(5);
  });

  it("overlaps a pass's chunks up to the org's share of the account's cap", async () => {
    const wide = await runFiveDayPlan({ GENERATION_MAX_CONCURRENT_MODEL_CALLS: "28" });
    expect(wide.savedDays).toEqual([1, 2, 3, 4, 5]);
    expect(wide.mostAtOnce).toBe(5);

    // The default: 5 across the account, 3 of them for one org.
    const shared = await runFiveDayPlan({});
    expect(shared.savedDays).toEqual([1, 2, 3, 4, 5]);
    expect(shared.mostAtOnce).toBe(3);

    const capped = await runFiveDayPlan({ GENERATION_MAX_CONCURRENT_MODEL_CALLS: "2" });
    expect(capped.savedDays).toEqual([1, 2, 3, 4, 5]);
    expect(capped.mostAtOnce).toBe(2);
  });
});

describe("the retry window", () => {
  async function runTwoDays(dayOneFaults: ModelCallError[]) {
    const offline = createOfflineModel();
    let failures = 0;
    // Day 1 fails with each fault in turn, then answers; day 2's call holds the only slot for 3 s meanwhile.
    const model: ModelPort = {
      name: "claude",
      async planPass(pass, options) {
        const fault = pass.dayNumbers.includes(1) ? dayOneFaults[failures] : undefined;
        if (fault) {
          failures += 1;
          throw fault;
        }
        if (pass.dayNumbers.includes(2)) await new Promise((resolve) => setTimeout(resolve, 3_000));
        return offline.planPass(pass, options);
      },
    };
    let savedDays: number[] = [];
    let failedWith = "";
    const store = {
      ...inMemoryStore({ plan_length_days: 2 }, seedCatalogue(), (saved) => {
        savedDays = saved.days.map((day) => day.day);
      }),
      markFailed: async (_planId: string, _generationId: string, message: string) => {
        failedWith = message;
        return true;
      },
    };
    const { giveUpWithinSeconds, recordSeconds } = inngestConfig.retrySchedule;
    await startInlineRun(
      { planId: randomUUID(), orgId: "memory-org", generationId: randomUUID(), request: {} },
      {
        dependencies: quietDependencies(model, store),
        concurrency: planWorkflowConcurrency(parseEnv({})),
        modelConcurrency: modelCallConcurrency(parseEnv({ GENERATION_MAX_CONCURRENT_MODEL_CALLS: "1" })),
        // An attempt may take all but 1 s of the window: a repeat 3 s after the first occurrence cannot fit.
        worstAttemptMs: (giveUpWithinSeconds - recordSeconds - 1) * 1_000,
      },
    );
    return { failures, savedDays, failedWith };
  }

  it("ends a fault that repeats within the window of its first occurrence, queueing included", async () => {
    const timeout = () => new ModelCallError("timeout", "Claude did not answer within 19 s");
    const run = await runTwoDays([timeout(), timeout(), timeout()]);
    expect(run.failures).toBe(2);
    expect(run.savedDays).toEqual([]);
    // "in 3 s" on a quiet machine (day 2 holds the slot 3 s); a loaded one adds a second or two.
    expect(run.failedWith).toMatch(
      /^Claude did not answer within 19 s for day 1 \(gave up after 2 attempts in \d+ s\)/,
    );
  });

  it("does not count a fault that changed as one that repeats", async () => {
    const run = await runTwoDays([
      new ModelCallError("timeout", "Claude did not answer within 19 s"),
      new ModelCallError("connection", "The connection to Claude failed"),
    ]);
    expect(run.failures).toBe(2);
    expect(run.savedDays).toEqual([1, 2]);
  });
});

describe("a run that fails", () => {
  it("stops its other steps at once, aborting their model calls in flight", async () => {
    let dayTwoAborted = false;
    const model: ModelPort = {
      name: "claude",
      async planPass(pass, options) {
        if (pass.dayNumbers.includes(1)) {
          throw new ModelCallError("authentication", "Claude rejected the API key (401)", { status: 401 });
        }
        // Day 2 answers only when its call is aborted.
        return new Promise((_resolve, reject) => {
          options?.signal?.addEventListener("abort", () => {
            dayTwoAborted = true;
            reject(new ModelCallError("timeout", "aborted"));
          });
        });
      },
    };
    let failedWith = "";
    const store = {
      ...inMemoryStore({ plan_length_days: 2 }, seedCatalogue()),
      markFailed: async (_planId: string, _generationId: string, message: string) => {
        failedWith = message;
        return true;
      },
    };
    await startInlineRun(
      { planId: randomUUID(), orgId: "memory-org", generationId: randomUUID(), request: {} },
      { dependencies: quietDependencies(model, store) },
    );
    expect(failedWith).toMatch(/^Claude rejected the API key \(401\) for day 1/);
    expect(dayTwoAborted).toBe(true);
  });
});
