import { inngestConfig, MAX_PLAN_DAYS } from "@inngest-config";
import { durationToMs, NonRetriableError, RetryAfterError } from "inngest";
import { describe, expect, it } from "vitest";
import { chooseModel, DEFAULT_GENERATION_CONFIG } from "@/generation/generation-config";
import { ModelCallError } from "@/generation/model/model-call-error";
import { chunkPass } from "@/generation/passes/chunk-pass";
import { splitPasses } from "@/generation/passes/split-passes";
import { generationError } from "@/generation/shared/generation-error";
import { decideRetry, type FailedAttempt, retryDelayMs, worstRunSeconds } from "@/inngest/attempts/retry-policy";
import { answerFailure, stepFailure, stepFaultOf } from "@/inngest/attempts/step-faults";
import { attemptedOnInngest } from "@/inngest/binding/inngest-step-runner";
import { modelCallConcurrency } from "@/inngest/concurrency-limits";
import { chunkLimitsFor, modelCallTimeoutMs } from "@/inngest/story/run-dependencies";
import { parseEnv } from "@/server/env";
import { range } from "../../support/generation-fixtures";

const schedule = inngestConfig.retrySchedule;
const noJitter = () => 0;
const fullJitter = () => 0.999_999;
const WORST_ATTEMPT_MS = 19_000;

describe("the delay before trying again, by what the attempt met", () => {
  it("waits what a 429 asked, never less, and a default when it did not say", () => {
    expect(retryDelayMs({ kind: "rate_limited", retryAfterMs: 1_000, attempt: 1 }, noJitter)).toBe(1_000);
    expect(retryDelayMs({ kind: "rate_limited", retryAfterMs: 1_000, attempt: 1 }, fullJitter)).toBeLessThanOrEqual(
      1_000 * (1 + schedule.jitter),
    );
    expect(retryDelayMs({ kind: "rate_limited", attempt: 1 }, noJitter)).toBe(schedule.rateLimitedMs);
  });

  it("backs off a few seconds, doubling to a cap, for 529 and 5xx", () => {
    const delays = [1, 2, 3, 4, 5].map((attempt) => retryDelayMs({ kind: "overloaded", attempt }, noJitter));
    expect(delays).toEqual([2_000, 4_000, 8_000, 8_000, 8_000]);
  });

  it("asks again almost at once after a timeout or a cut-off, malformed or wrong-shape answer", () => {
    expect(retryDelayMs({ kind: "timeout", attempt: 3 }, noJitter)).toBe(schedule.quickMs);
    expect(retryDelayMs({ kind: "answer", attempt: 5 }, noJitter)).toBe(schedule.quickMs);
    expect(schedule.quickMs).toBeLessThanOrEqual(500);
  });

  it("backs off from a second for anything else (the database, say)", () => {
    const delays = [1, 2, 3, 4, 5].map((attempt) => retryDelayMs({ kind: "other", attempt }, noJitter));
    expect(delays).toEqual([1_000, 2_000, 4_000, 8_000, 8_000]);
  });

  it("files each failure under its kind, leaving the delay to the schedule", () => {
    const cases: [Error, string][] = [
      [
        stepFailure(new ModelCallError("rate_limited", "429", { status: 429, retryAfterMs: 3_000 }), "day 1"),
        "rate_limited",
      ],
      [stepFailure(new ModelCallError("overloaded", "529", { status: 529 }), "day 1"), "overloaded"],
      [stepFailure(new ModelCallError("server_error", "500", { status: 500 }), "day 1"), "overloaded"],
      [stepFailure(new ModelCallError("timeout", "slow"), "day 1"), "timeout"],
      [stepFailure(new ModelCallError("connection", "reset"), "day 1"), "timeout"],
      [answerFailure(generationError("truncated", "cut off"), "day 1"), "answer"],
    ];
    for (const [error, kind] of cases) {
      expect(stepFaultOf(error)?.kind).toBe(kind);
      expect(error).not.toBeInstanceOf(RetryAfterError);
    }
    expect(stepFaultOf(cases[0]?.[0])?.retryAfterMs).toBe(3_000);
  });
});

describe("giving up", () => {
  const failure = (over: Partial<FailedAttempt> & { retryInMs?: number }) => ({
    kind: "answer" as const,
    attempt: 1,
    maxAttempts: 6,
    repeatingForMs: 0,
    worstAttemptMs: WORST_ATTEMPT_MS,
    retryInMs: schedule.quickMs,
    ...over,
  });

  it("stops when the attempts run out", () => {
    expect(decideRetry(failure({ attempt: 6 }))).toEqual({ giveUp: "gave up after 6 attempts" });
    expect(decideRetry(failure({ attempt: 5 }))).toEqual({ retryInMs: schedule.quickMs });
  });

  it("stops when the next attempt could not end within the window from the repeating fault's first occurrence", () => {
    const windowMs = (schedule.giveUpWithinSeconds - schedule.recordSeconds) * 1_000;
    const lastChance = windowMs - WORST_ATTEMPT_MS - schedule.quickMs;
    expect(decideRetry(failure({ repeatingForMs: lastChance }))).toEqual({ retryInMs: schedule.quickMs });
    expect(decideRetry(failure({ attempt: 4, repeatingForMs: lastChance + 1 }))).toEqual({
      giveUp: `gave up after 4 attempts in ${Math.round((lastChance + 1) / 1_000)} s`,
    });
    // A provider asking for longer than its (longer) window is not waited for.
    expect(decideRetry(failure({ kind: "rate_limited", retryAfterMs: 600_000, retryInMs: 600_000 }))).toEqual({
      giveUp: "gave up after 1 attempt in 0 s; Claude asked to wait 600 s, try again later",
    });
  });

  it("lets a 429 wait its retry-after without spending the attempts, within its own longer window", () => {
    const rateLimited = { kind: "rate_limited" as const, retryAfterMs: 2_000, retryInMs: 2_000 };
    expect(decideRetry(failure({ ...rateLimited, attempt: 6 }))).toEqual({ retryInMs: 2_000 });
    expect(decideRetry(failure({ ...rateLimited, attempt: 30, repeatingForMs: 120_000 }))).toEqual({
      retryInMs: 2_000,
    });
    const windowMs = (schedule.rateLimitedWithinSeconds - schedule.recordSeconds) * 1_000;
    expect(decideRetry(failure({ ...rateLimited, attempt: 30, repeatingForMs: windowMs }))).toMatchObject({
      giveUp: expect.stringMatching(/^gave up after 30 attempts in \d+ s; Claude asked to wait 2 s/),
    });
  });

  it.each([
    ["answer", 500],
    ["timeout", WORST_ATTEMPT_MS],
    ["overloaded", 200],
    ["rate_limited", 100],
  ] as const)(
    "ends a %s failure that repeats within %s ms per attempt inside the window, at the worst jitter",
    (kind, attemptMs) => {
      // Attempt 1 fails at t = 0; every later attempt takes attemptMs and fails too.
      let now = 0;
      for (let attempt = 1; ; attempt++) {
        const retryAfterMs = kind === "rate_limited" ? 10_000 : undefined;
        const retryInMs = retryDelayMs({ kind, retryAfterMs, attempt }, fullJitter);
        const decision = decideRetry({
          kind,
          retryAfterMs,
          attempt,
          maxAttempts: 6,
          repeatingForMs: now,
          retryInMs,
          worstAttemptMs: WORST_ATTEMPT_MS,
        });
        if ("giveUp" in decision) break;
        now += decision.retryInMs + attemptMs;
      }
      const window = kind === "rate_limited" ? schedule.rateLimitedWithinSeconds : schedule.giveUpWithinSeconds;
      expect(now).toBeLessThanOrEqual((window - schedule.recordSeconds) * 1_000);
    },
  );
});

describe("the Inngest binding", () => {
  const context = (attempt: number) => ({ attempt, retries: 5, record: async () => ({ repeatingForMs: 0 }) });

  it("throws a RetryAfterError for the exact time the schedule chose", async () => {
    const before = Date.now();
    const step = attemptedOnInngest(async () => {
      throw stepFailure(
        new ModelCallError("rate_limited", "Claude's rate limit was reached (429)", {
          status: 429,
          retryAfterMs: 2_000,
        }),
        "day 5",
      );
    }, context(0));
    const thrown = await step().catch((error: unknown) => error);
    expect(thrown).toBeInstanceOf(RetryAfterError);
    const at = Date.parse((thrown as RetryAfterError).retryAfter);
    expect(at - before).toBeGreaterThanOrEqual(2_000);
    expect(at - before).toBeLessThanOrEqual(2_000 * (1 + schedule.jitter) + 1_000);
    expect((thrown as Error).message).toBe("Claude's rate limit was reached (429) for day 5");
  });

  it("throws a NonRetriableError naming the attempts when the schedule gives up", async () => {
    const step = attemptedOnInngest(async () => {
      throw answerFailure(generationError("truncated", "The answer was cut off at the output token limit"), "day 5");
    }, context(5));
    const thrown = await step().catch((error: unknown) => error);
    expect(thrown).toBeInstanceOf(NonRetriableError);
    expect((thrown as Error).message).toBe(
      "The answer was cut off at the output token limit for day 5 (gave up after 6 attempts)",
    );
  });

  it("on plan-days, counts only the attempts that met a fault: the 429s before them spend none", async () => {
    const planDays = (attempt: number, rateLimitedBefore: number) => ({
      attempt,
      retries: inngestConfig.planDays.retries,
      record: async () => ({ repeatingForMs: 0 }),
      faults: { maxAttempts: inngestConfig.planDays.faultAttempts, rateLimitedBefore: async () => rateLimitedBefore },
    });
    const cutOff = async () => {
      throw answerFailure(generationError("truncated", "The answer was cut off at the output token limit"), "day 5");
    };
    // Inngest's 9th attempt after three 429s: the 6th that met a fault, the last.
    const last = await attemptedOnInngest(cutOff, planDays(8, 3))().catch((error: unknown) => error);
    expect((last as Error).message).toMatch(/\(gave up after 6 attempts\)$/);
    // The same attempt with four 429s before it is the 5th: tried again.
    expect(await attemptedOnInngest(cutOff, planDays(8, 4))().catch((error: unknown) => error)).toBeInstanceOf(
      RetryAfterError,
    );
    // A 429 on Inngest's 12th attempt is waited for.
    const rateLimited = async () => {
      throw stepFailure(new ModelCallError("rate_limited", "429", { status: 429, retryAfterMs: 2_000 }), "day 5");
    };
    expect(await attemptedOnInngest(rateLimited, planDays(11, 10))().catch((error: unknown) => error)).toBeInstanceOf(
      RetryAfterError,
    );
  });

  it("lets a final error through at once", async () => {
    const step = attemptedOnInngest(async () => {
      throw stepFailure(
        new ModelCallError("authentication", "Claude rejected the API key (401)", { status: 401 }),
        "day 1",
      );
    }, context(0));
    await expect(step()).rejects.toBeInstanceOf(NonRetriableError);
  });
});

describe("the finish timeouts", () => {
  const worstAttemptSeconds = (modelCallTimeoutMs(parseEnv({})) ?? Number.NaN) / 1_000;
  const [, perOrg] = modelCallConcurrency(parseEnv({}));
  // load-context, scale, dedup, balance, save, each retried at most through the "other" schedule: generous.
  const OTHER_STEPS_SECONDS = 60;

  it("stay at least twice above the worst schedule of the longest plan, retries included", () => {
    const { model, maxTokens } = chooseModel(MAX_PLAN_DAYS, DEFAULT_GENERATION_CONFIG);
    const limits = chunkLimitsFor(inngestConfig.stepBudget.defaultSeconds)(model);
    // The split the story makes (5 days, then 23).
    const passes = splitPasses(MAX_PLAN_DAYS, DEFAULT_GENERATION_CONFIG.firstPassMaxDays);
    const twoPasses = [
      chunkPass(passes.passOne, maxTokens, limits).length,
      chunkPass(passes.passTwo ?? [], maxTokens, limits).length,
    ];
    const oneWave = [chunkPass(range(1, MAX_PLAN_DAYS), maxTokens, limits).length];
    for (const chunksPerWave of [twoPasses, oneWave]) {
      const worst = worstRunSeconds({
        chunksPerWave,
        concurrentCalls: perOrg?.limit ?? 1,
        worstAttemptSeconds,
        otherStepsSeconds: OTHER_STEPS_SECONDS,
      });
      expect(2 * worst * 1_000).toBeLessThanOrEqual(durationToMs(inngestConfig.generateMealPlan.timeouts.finish));
    }
  });

  it("stay at least twice above a day regeneration's worst schedule", () => {
    const worst = worstRunSeconds({
      chunksPerWave: [1],
      concurrentCalls: 1,
      worstAttemptSeconds,
      otherStepsSeconds: OTHER_STEPS_SECONDS,
    });
    expect(2 * worst * 1_000).toBeLessThanOrEqual(durationToMs(inngestConfig.regeneratePlanDay.timeouts.finish));
  });
});
