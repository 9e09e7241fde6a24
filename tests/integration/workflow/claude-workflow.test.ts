import { InngestTestEngine, mockCtx } from "@inngest/test";
import { inngestConfig } from "@inngest-config";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { planDaysFunction } from "@/inngest/binding/plan-days-function";
import { type InlineRunOptions, startInlineRun } from "@/inngest/inline/inline-runner";
import { generateMealPlan } from "@/inngest/story/generate-meal-plan";
import type { ModelStepRequest } from "@/inngest/story/model-step-request";
import { generationDependencies } from "@/inngest/story/run-dependencies";
import { resetEnvForTests } from "@/server/env";
import { type FakeAnthropic, planFromPrompt, startFakeAnthropic } from "../../support/fake-anthropic";
import { createGeneratingPlan, range, readSavedPlan } from "../../support/generation-fixtures";

/**
 * The workflow end to end with the real Anthropic SDK talking to the fake
 * Messages API over loopback, run by the inline runner (same handler and step
 * ids as on Inngest, real retries with a short backoff).
 */

const API_KEY = "sk-ant-test-THIS-KEY-MUST-NEVER-LEAK-0123456789";
let fake: FakeAnthropic;

beforeAll(async () => {
  fake = await startFakeAnthropic({ apiKey: API_KEY });
});
afterAll(async () => {
  await fake.close();
});

function useClaude(stepBudgetSeconds: number) {
  process.env.ANTHROPIC_API_KEY = API_KEY;
  process.env.ANTHROPIC_BASE_URL = fake.baseURL;
  process.env.GENERATION_STEP_BUDGET_SECONDS = String(stepBudgetSeconds);
  resetEnvForTests();
  fake.requests.length = 0;
}

afterEach(() => {
  delete process.env.ANTHROPIC_API_KEY;
  delete process.env.ANTHROPIC_BASE_URL;
  delete process.env.GENERATION_STEP_BUDGET_SECONDS;
  resetEnvForTests();
});

function firstDayAsked(userMessage: string): number {
  return Number(/Days to plan: (\d+)/.exec(userMessage)?.[1]);
}

const quickRetries = (): InlineRunOptions => ({ retryDelayScale: 0.001, dependencies: generationDependencies() });

describe("generation with Claude (fake Messages API, real SDK)", () => {
  it("splits a 14-day plan into calls that each fit a 20 s step, pass two after pass one", async () => {
    useClaude(20);
    const data = await createGeneratingPlan({ plan_length_days: 14 });
    await startInlineRun(data, quickRetries());

    const saved = await readSavedPlan(data.planId);
    expect(saved.status).toBe("complete");
    expect(saved.dayNumbers).toEqual(range(1, 14));
    // Haiku (14 days) at half its published speed, 50 tokens/s, (20 − 3) s → 850 tokens: one day a call.
    const fit =
      (20 - inngestConfig.stepBudget.requestOverheadSeconds) * inngestConfig.stepBudget.outputTokensPerSecond.haiku;
    expect(fit).toBe(850);
    expect(fake.requests.length).toBe(14);
    for (const request of fake.requests) {
      expect(request.body?.model).toBe("claude-haiku-4-5-20251001");
      expect(request.body?.max_tokens).toBeLessThanOrEqual(fit);
    }
    // Every pass-one call (days 1-5) arrives before any pass-two call.
    const passOfRequest = fake.requests.map((request) => (firstDayAsked(request.user) <= 5 ? 1 : 2));
    expect(passOfRequest).toEqual([...Array(5).fill(1), ...Array(9).fill(2)]);
  });

  it("asks a six-meal day whole, so a short plan of big days is planned with one call a day and nothing cut off", async () => {
    useClaude(20);
    const data = await createGeneratingPlan({
      plan_length_days: 3,
      intake_data: { calorie_target: 6000, meals_per_day: 6 },
    });
    await startInlineRun(data, quickRetries());

    expect((await readSavedPlan(data.planId)).dayNumbers).toEqual([1, 2, 3]);
    expect(fake.requests.map((request) => request.body?.max_tokens)).toEqual([1000, 1000, 1000]);
  });

  it("makes exactly the original route's two calls for a 14-day plan when steps have no time limit", async () => {
    useClaude(0);
    const data = await createGeneratingPlan({ plan_length_days: 14 });
    await startInlineRun(data, quickRetries());
    expect((await readSavedPlan(data.planId)).dayNumbers).toEqual(range(1, 14));
    expect(fake.requests.map((request) => request.body?.max_tokens)).toEqual([8192, 8192]);
  });

  it("marks the catalogue prompt for caching so pass two reads it from the cache", async () => {
    useClaude(0);
    const data = await createGeneratingPlan({ plan_length_days: 8 });
    await startInlineRun(data, quickRetries());
    const systems = fake.requests.map((request) => request.body?.system);
    expect(systems).toHaveLength(2);
    for (const system of systems) {
      expect(Array.isArray(system) && system[0]?.cache_control).toEqual({ type: "ephemeral" });
    }
  });

  it("retries an overloaded step and still saves each day exactly once", async () => {
    useClaude(0);
    const data = await createGeneratingPlan({ plan_length_days: 3 });
    fake.enqueue({ status: 529 });
    await startInlineRun(data, quickRetries());
    const saved = await readSavedPlan(data.planId);
    expect(saved.status).toBe("complete");
    expect(saved.dayNumbers).toEqual([1, 2, 3]);
    expect(fake.requests).toHaveLength(2);
  });

  it("honours retry-after on a 429 and then succeeds", async () => {
    useClaude(0);
    const data = await createGeneratingPlan({ plan_length_days: 1 });
    fake.enqueue({ status: 429, headers: { "retry-after": "1" } });
    const startedAt = Date.now();
    // The real schedule: the provider's wait is a floor, never scaled down.
    await startInlineRun(data, { dependencies: generationDependencies() });
    expect(Date.now() - startedAt).toBeGreaterThanOrEqual(1000);
    expect((await readSavedPlan(data.planId)).status).toBe("complete");
  });

  it("asks again when the answer was cut off at max_tokens", async () => {
    useClaude(0);
    const data = await createGeneratingPlan({ plan_length_days: 2 });
    fake.enqueue({ truncateAtTokens: 40 });
    await startInlineRun(data, quickRetries());
    expect((await readSavedPlan(data.planId)).status).toBe("complete");
    expect(fake.requests).toHaveLength(2);
  });

  it("gives a retry after a cut-off answer more room, so a day longer than the estimate is still planned", async () => {
    useClaude(20);
    // Three meals: a day estimated at 500 tokens, under the 510 that fit the step.
    const data = await createGeneratingPlan({
      plan_length_days: 1,
      intake_data: { calorie_target: 2200, meals_per_day: 3 },
    });
    // A wordy model: its day needs 900 output tokens, nearly twice the estimate the first call is sized for.
    fake.respondWith((request) => {
      const maxTokens = Number(request.body?.max_tokens);
      return maxTokens < 900 ? { truncateAtTokens: maxTokens } : planFromPrompt(request);
    });
    try {
      await startInlineRun(data, quickRetries());
    } finally {
      fake.respondWith(planFromPrompt);
    }
    expect((await readSavedPlan(data.planId)).status).toBe("complete");
    // Sonnet (a short plan): (20 − 3) s at 30 tokens/s, then at the retry rate, 55 tokens/s.
    expect(fake.requests.map((request) => request.body?.max_tokens)).toEqual([510, 935]);
  });

  it("on Inngest, plan-days asks with the retry budget from the step's second attempt", async () => {
    useClaude(20);
    const data = await createGeneratingPlan({
      plan_length_days: 1,
      intake_data: { calorie_target: 2200, meals_per_day: 3 },
    });
    // The chunk the story invokes plan-days with, as the run computes it.
    const invoked: ModelStepRequest[] = [];
    await generateMealPlan(
      data,
      {
        run: (_id, work) => work(),
        callModel: async (_id, request) => {
          invoked.push(request);
          throw new Error("invocation captured");
        },
      },
      generationDependencies(),
    ).catch(() => undefined);
    expect(invoked).toHaveLength(1);
    // Inngest's attempt counts from 0: attempt 1 is the step's first retry.
    for (const attempt of [0, 1]) {
      const engine = new InngestTestEngine({
        function: planDaysFunction,
        events: [{ name: "inngest/function.invoked", data: invoked[0] }],
        transformCtx: (ctx) => ({ ...mockCtx(ctx), attempt }),
      });
      expect((await engine.execute()).error).toBeUndefined();
    }
    expect(fake.requests.map((request) => request.body?.max_tokens)).toEqual([510, 935]);
  });

  it("does not retry a rejected API key, and says why without the key", async () => {
    useClaude(0);
    const data = await createGeneratingPlan({ plan_length_days: 1 });
    fake.enqueue({ status: 401 });
    await startInlineRun(data, quickRetries());
    const saved = await readSavedPlan(data.planId);
    expect(fake.requests).toHaveLength(1);
    expect(saved.status).toBe("error");
    expect(saved.error).toMatch(/401/);
    expect(saved.error).toMatch(/day 1/);
    expect(saved.error).not.toContain(API_KEY);
    expect(saved.dayRows).toBe(0);
  });

  it("gives up after every attempt is overloaded, naming the days and the attempts", async () => {
    useClaude(0);
    const data = await createGeneratingPlan({ plan_length_days: 8 });
    const attempts = inngestConfig.generateMealPlan.retries + 1;
    fake.enqueue(...Array.from({ length: attempts }, () => ({ status: 529 })));
    await startInlineRun(data, quickRetries());
    const saved = await readSavedPlan(data.planId);
    expect(saved.status).toBe("error");
    expect(saved.error).toMatch(/overloaded/i);
    expect(saved.error).toMatch(/days 1-5/);
    expect(saved.error).toContain(`gave up after ${attempts} attempts`);
    expect(saved.error).not.toContain(API_KEY);
    expect(saved.dayRows).toBe(0);
  });

  it("ends a plan whose every answer is cut off in error, naming every group of days and each attempt", async () => {
    useClaude(20);
    const data = await createGeneratingPlan({ plan_length_days: 3 });
    const attempts = inngestConfig.generateMealPlan.retries + 1;
    // Three one-day chunks, each cut off on every attempt; the real schedule (a cut-off answer is asked again at once).
    fake.enqueue(...Array.from({ length: 3 * attempts }, () => ({ truncateAtTokens: 40 })));
    await startInlineRun(data, { dependencies: generationDependencies() });
    const saved = await readSavedPlan(data.planId);
    expect(saved.status).toBe("error");
    // The run ends when the first group gives up; each of the others has failed at least as often by then, less one.
    for (const day of [1, 2, 3])
      expect(saved.error).toMatch(new RegExp(`day ${day}: answer cut off ×[${attempts - 1}${attempts}]`));
    expect(saved.error).toMatch(new RegExp(`for day \\d \\(gave up after ${attempts} attempts\\)`));
    expect(saved.dayRows).toBe(0);
  });

  it("fails with a descriptive message when the model never returns valid JSON", async () => {
    useClaude(0);
    const data = await createGeneratingPlan({ plan_length_days: 2 });
    const prose = { text: "Here is a lovely plan: eat well and drink water!" };
    fake.enqueue(...Array.from({ length: inngestConfig.generateMealPlan.retries + 1 }, () => prose));
    await startInlineRun(data, quickRetries());
    const saved = await readSavedPlan(data.planId);
    expect(saved.status).toBe("error");
    expect(saved.error).toMatch(/JSON/);
    expect(saved.error).toMatch(/days 1-2/);
  });
});
