import { inngestConfig } from "@inngest-config";
import { describe, expect, it } from "vitest";
import { chooseModel, DEFAULT_GENERATION_CONFIG } from "@/generation/generation-config";
import { type ChunkLimits, chunkForAttempt, chunkPass, tokensThatFitOneStep } from "@/generation/passes/chunk-pass";
import { chunkLimitsFor } from "@/inngest/story/run-dependencies";
import { outputRateOf, PUBLISHED_FIRST_TOKEN_SECONDS } from "../../support/fake-pacing";

const haikuOnNetlify: ChunkLimits = {
  stepBudgetSeconds: 20,
  outputTokensPerSecond: 70,
  retryOutputTokensPerSecond: 120,
  requestOverheadSeconds: 3,
  outputTokensPerDay: 500,
};
const sonnetOnNetlify: ChunkLimits = { ...haikuOnNetlify, outputTokensPerSecond: 40, retryOutputTokensPerSecond: 70 };
const longRunningHost: ChunkLimits = { ...haikuOnNetlify, stepBudgetSeconds: null };

const days = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, index) => from + index);

describe("sizing each model call to one step's time budget", () => {
  it("fits (budget − overhead) × rate output tokens in one step", () => {
    expect(tokensThatFitOneStep(haikuOnNetlify)).toBe(1190);
    expect(tokensThatFitOneStep(sonnetOnNetlify)).toBe(680);
    expect(tokensThatFitOneStep(longRunningHost)).toBeNull();
  });

  it("never gives a chunk more max_tokens than fit in the budget", () => {
    for (const limits of [haikuOnNetlify, sonnetOnNetlify]) {
      const fit = tokensThatFitOneStep(limits) ?? 0;
      for (const chunk of chunkPass(days(6, 28), 8192, limits)) {
        expect(chunk.maxTokens).toBeLessThanOrEqual(fit);
        // and a chunk's days fit its tokens at the planned rate per day
        expect(chunk.days.length * limits.outputTokensPerDay).toBeLessThanOrEqual(
          Math.max(chunk.maxTokens, limits.outputTokensPerDay),
        );
      }
    }
  });

  it("covers every day of the pass exactly once, in order, in chunks of even size", () => {
    const chunks = chunkPass(days(6, 14), 8192, haikuOnNetlify);
    expect(chunks.flatMap((chunk) => chunk.days)).toEqual(days(6, 14));
    const sizes = chunks.map((chunk) => chunk.days.length);
    expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
  });

  it("plans one day per call when even one day barely fits", () => {
    const chunks = chunkPass(days(1, 3), 4096, sonnetOnNetlify);
    expect(chunks.map((chunk) => chunk.days)).toEqual([[1], [2], [3]]);
  });

  it("makes exactly the original route's single call per pass when there is no budget", () => {
    expect(chunkPass(days(1, 5), 8192, longRunningHost)).toEqual([{ days: days(1, 5), maxTokens: 8192 }]);
    expect(chunkPass(days(6, 14), 8192, longRunningHost)).toEqual([{ days: days(6, 14), maxTokens: 8192 }]);
  });

  it("keeps the original route's max_tokens when it is below what fits", () => {
    const generous: ChunkLimits = { ...haikuOnNetlify, stepBudgetSeconds: 900 };
    expect(chunkPass([1], 2048, generous)).toEqual([{ days: [1], maxTokens: 2048, retryMaxTokens: 2048 }]);
  });
});

describe("a retry asks for more room than the first call", () => {
  it("gives a retry the step's budget at the retry rate, never less than the first call's", () => {
    for (const limits of [haikuOnNetlify, sonnetOnNetlify]) {
      for (const chunk of chunkPass(days(1, 14), 8192, limits)) {
        expect(chunk.retryMaxTokens).toBe(tokensThatFitOneStep(limits, limits.retryOutputTokensPerSecond));
        expect(chunk.retryMaxTokens).toBeGreaterThan(chunk.maxTokens);
      }
    }
    // The original route's max_tokens still caps a retry.
    expect(chunkPass([1], 900, sonnetOnNetlify)).toEqual([{ days: [1], maxTokens: 680, retryMaxTokens: 900 }]);
  });

  it("sends the first attempt's budget first and the larger one on every retry", () => {
    const [chunk] = chunkPass([3], 8192, sonnetOnNetlify);
    if (!chunk) throw new Error("no chunk");
    expect(chunkForAttempt(chunk, 1).maxTokens).toBe(680);
    expect(chunkForAttempt(chunk, 2).maxTokens).toBe(1190);
    expect(chunkForAttempt(chunk, 6).maxTokens).toBe(1190);
    expect(chunkForAttempt(chunk, 2).days).toEqual([3]);
  });

  it("retries a chunk planned before retry budgets existed (a run in flight) with its own budget", () => {
    const memoised = { days: [1, 2], maxTokens: 1024 };
    expect(chunkForAttempt(memoised, 3)).toEqual(memoised);
  });
});

describe("chunks sized with headroom (inngest.config.ts)", () => {
  const budget = inngestConfig.stepBudget;
  // Half the published speeds: Sonnet ~63 → 31.5, Haiku ~100 → 50 tokens/s. A chunk is at least one
  // day, so a one-day Sonnet chunk is the tightest case (500 tokens: 15.9 s + 3 s of 19 s).
  const halfSpeed = { "claude-sonnet-4-6": 63 / 2, "claude-haiku-4-5-20251001": 100 / 2 } as const;

  it("lets a model at half its published speed finish a chunk inside the call timeout", () => {
    const callTimeoutSeconds = budget.defaultSeconds - 1;
    for (const planDays of [1, 3, 4, 7, 14, 28]) {
      const { model, maxTokens } = chooseModel(planDays, DEFAULT_GENERATION_CONFIG);
      const limits = chunkLimitsFor(budget.defaultSeconds)(model);
      for (const chunk of chunkPass(days(1, planDays), maxTokens, limits)) {
        const seconds =
          budget.requestOverheadSeconds +
          (chunk.days.length * budget.outputTokensPerDay) / halfSpeed[model as keyof typeof halfSpeed];
        expect(seconds).toBeLessThanOrEqual(callTimeoutSeconds);
      }
    }
  });

  it("asks a day of five or six meals whole, though it does not fit the step at the cautious rate", () => {
    const callTimeoutSeconds = budget.defaultSeconds - 1;
    // A six-meal day on Sonnet (plans of up to three days): about 1,000 tokens against 510 that fit at 30 tokens/s.
    const { model, maxTokens } = chooseModel(3, DEFAULT_GENERATION_CONFIG);
    const limits = chunkLimitsFor(budget.defaultSeconds)(model, 6);
    expect(limits.outputTokensPerDay).toBe(1000);
    const chunks = chunkPass(days(1, 3), maxTokens, limits);
    expect(chunks.map((chunk) => chunk.days)).toEqual([[1], [2], [3]]);
    for (const chunk of chunks) {
      expect(chunk.maxTokens).toBe(1000);
      expect(chunk.retryMaxTokens).toBe(1000);
      // At the published speed the whole day still ends inside the call timeout.
      expect(PUBLISHED_FIRST_TOKEN_SECONDS + chunk.maxTokens / outputRateOf(model)).toBeLessThanOrEqual(
        callTimeoutSeconds,
      );
    }
    // Three meals are sized as before.
    expect(chunkLimitsFor(budget.defaultSeconds)(model).outputTokensPerDay).toBe(budget.outputTokensPerDay);
  });

  it("lets a retry that writes its whole budget at the published speed finish inside the call timeout", () => {
    const callTimeoutSeconds = budget.defaultSeconds - 1;
    for (const planDays of [1, 7, 14, 28]) {
      const { model, maxTokens } = chooseModel(planDays, DEFAULT_GENERATION_CONFIG);
      for (const chunk of chunkPass(days(1, planDays), maxTokens, chunkLimitsFor(budget.defaultSeconds)(model))) {
        const retryTokens = chunk.retryMaxTokens ?? chunk.maxTokens;
        expect(retryTokens).toBeGreaterThan(chunk.maxTokens * 1.5);
        expect(PUBLISHED_FIRST_TOKEN_SECONDS + retryTokens / outputRateOf(model)).toBeLessThanOrEqual(
          callTimeoutSeconds,
        );
      }
    }
  });
});
