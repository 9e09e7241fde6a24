import { InngestTestEngine } from "@inngest/test";
import { inngestConfig } from "@inngest-config";
import { describe, expect, it } from "vitest";
import { ModelCallError } from "@/generation/model/model-call-error";
import { afterFailedAttempt } from "@/inngest/attempts/failed-attempt";
import { stepFailure } from "@/inngest/attempts/step-faults";
import { generateMealPlanFunction } from "@/inngest/binding/generate-meal-plan-function";
import { planDaysFunction } from "@/inngest/binding/plan-days-function";
import { db } from "@/server/database/index";
import { generationStore } from "@/server/generation-store";
import { expectConsoleError } from "../../support/fail-on-console-error";
import {
  createGeneratingPlan,
  draftOfDay,
  generateEvent,
  range,
  readSavedPlan,
} from "../../support/generation-fixtures";
import { invokingPlanDays } from "../../support/inngest-invoke";

function engineFor(data: Awaited<ReturnType<typeof createGeneratingPlan>>) {
  return new InngestTestEngine({
    function: generateMealPlanFunction,
    events: [generateEvent(data)],
    transformCtx: invokingPlanDays,
  });
}

describe("the generate-meal-plan Inngest function (offline planner)", () => {
  it.each([1, 5, 6, 14])("saves exactly days 1..%i and reports progress N/N", async (days) => {
    const data = await createGeneratingPlan({ plan_length_days: days });
    const { result, error } = await engineFor(data).execute();

    expect(error).toBeUndefined();
    expect(result).toEqual({ status: "saved", days });
    const saved = await readSavedPlan(data.planId);
    expect(saved.status).toBe("complete");
    expect(saved.dayNumbers).toEqual(range(1, days));
    expect(saved.progress).toMatchObject({ phase: "done", days_done: days, days_total: days });
    expect(saved.mealRows).toBeGreaterThanOrEqual(days * 3);
  });

  it("runs pass two only for plans longer than five days", async () => {
    const short = await createGeneratingPlan({ plan_length_days: 5 });
    const long = await createGeneratingPlan({ plan_length_days: 6 });
    const shortRun = await engineFor(short).execute();
    const longRun = await engineFor(long).execute();
    const stepIds = (run: typeof shortRun) =>
      (run.ctx.step.run as unknown as { mock: { calls: [string][] } }).mock.calls.map((call) => call[0]);
    expect(stepIds(shortRun)).toEqual(["load-context", "pass-one", "scale", "dedup", "balance", "save"]);
    expect(stepIds(longRun)).toEqual(["load-context", "pass-one", "pass-two", "scale", "dedup", "balance", "save"]);
  });

  it("keeps every saved day within 3 % of the calorie target", async () => {
    const data = await createGeneratingPlan({ plan_length_days: 7, intake_data: { calorie_target: 1800 } });
    await engineFor(data).execute();
    const saved = await readSavedPlan(data.planId);
    for (const day of saved.dayTotals) expect(Math.abs(day.total_kcal - 1800) / 1800).toBeLessThanOrEqual(0.03);
  });

  it("writes nothing for a run superseded by a newer start", async () => {
    const data = await createGeneratingPlan({ plan_length_days: 3 });
    await db()`update meal_plans set generation_id = gen_random_uuid() where id = ${data.planId}`;
    const { result } = await engineFor(data).execute();
    expect(result).toEqual({ status: "superseded" });
    const saved = await readSavedPlan(data.planId);
    expect(saved).toMatchObject({ status: "generating", dayRows: 0 });
  });

  it("writes no duplicate days when save runs again (a replay)", async () => {
    const data = await createGeneratingPlan({ plan_length_days: 4 });
    await engineFor(data).execute();
    const first = await readSavedPlan(data.planId);
    await engineFor(data).execute();
    const second = await readSavedPlan(data.planId);
    expect(second.dayNumbers).toEqual(range(1, 4));
    expect({ meals: second.mealRows, items: second.itemRows }).toEqual({
      meals: first.mealRows,
      items: first.itemRows,
    });
  });

  it("completes a failed run replayed from the dashboard while its generation is still current", async () => {
    const data = await createGeneratingPlan({ plan_length_days: 2 });
    await db()`update meal_plans set generation_status = 'error', generation_error = 'Claude was overloaded (529) for days 1-2'
               where id = ${data.planId}`;
    const { result } = await engineFor(data).execute();
    expect(result).toEqual({ status: "saved", days: 2 });
    expect(await readSavedPlan(data.planId)).toMatchObject({ status: "complete", error: null, dayNumbers: [1, 2] });
  });

  it("fails at once, without retrying, when the request cannot be planned", async () => {
    // One line for the run's failure: the step's attempt logged its own line (a warning), the SDK's goes to debug.
    expectConsoleError(1);
    const data = await createGeneratingPlan({ plan_length_days: 2, request: { plan_length_days: 99 } });
    const { error } = await engineFor(data).execute();
    expect(error).toMatchObject({ name: "NonRetriableError" });
    expect((error as { message: string }).message).toMatch(/plan_length_days/);
  });

  it("is configured as the contract says: trigger, per-plan concurrency, account limit, retries", () => {
    // What the serve endpoint sends Inngest when it syncs, not just the options object.
    type WireConfig = {
      id: string;
      triggers: unknown;
      concurrency: unknown;
      steps: { step: { retries: unknown } };
      cancel: unknown;
      timeouts: unknown;
    };
    const [config] = (generateMealPlanFunction as unknown as { getConfig(options: object): WireConfig[] }).getConfig({
      baseUrl: new URL("http://127.0.0.1/api/inngest"),
      appPrefix: inngestConfig.appId,
    });
    expect(config?.id).toBe("meal-plan-generation-generate-meal-plan");
    expect(config?.triggers).toEqual([{ event: "plan/generate.requested" }]);
    // Per plan only, shared with regenerate-plan-day: the model calls hold plan-days' limits instead.
    expect(config?.concurrency).toEqual([{ scope: "env", key: "event.data.planId", limit: 28 }]);
    expect(config?.steps.step.retries).toEqual({ attempts: 5 });
    expect(config?.cancel).toEqual([
      { event: "plan/generate.requested", if: inngestConfig.generateMealPlan.cancelWhenRestarted },
      { event: "plan/generate.cancelled", if: inngestConfig.generateMealPlan.cancelWhenCancelled },
    ]);
    expect(config?.timeouts).toEqual({ start: "5m", finish: "20m" });
    // The second line of the spend limits: runs per org, queued (not dropped) past the limit.
    expect((config as unknown as { throttle: unknown }).throttle).toEqual({
      key: "event.data.orgId",
      limit: inngestConfig.orgRunThrottle.limit,
      period: "1m",
      burst: inngestConfig.orgRunThrottle.burst,
    });
  });

  it("sends plan-days, the one function that calls the model, the account and per-org model limits", () => {
    type WireConfig = {
      id: string;
      triggers: unknown;
      concurrency: unknown;
      cancel: unknown;
      steps: { step: { retries: unknown } };
    };
    const [config] = (planDaysFunction as unknown as { getConfig(options: object): WireConfig[] }).getConfig({
      baseUrl: new URL("http://127.0.0.1/api/inngest"),
      appPrefix: inngestConfig.appId,
    });
    expect(config?.id).toBe("meal-plan-generation-plan-days");
    // Inngest's most: its attempts count 429s too; our schedule ends a step after 6 that met a fault.
    expect(config?.steps.step.retries).toEqual({ attempts: 20 });
    expect(config?.concurrency).toEqual([
      { scope: "account", key: '"anthropic-messages"', limit: 5 },
      { scope: "fn", key: "event.data.orgId", limit: 3 },
    ]);
    expect(config?.cancel).toEqual([
      { event: "plan/generate.requested", if: inngestConfig.generateMealPlan.cancelWhenRestarted },
      { event: "plan/generate.cancelled", if: inngestConfig.generateMealPlan.cancelWhenCancelled },
      { event: "inngest/function.failed", if: inngestConfig.planDays.cancelWhenRunEnded },
      { event: "inngest/function.cancelled", if: inngestConfig.planDays.cancelWhenRunEnded },
    ]);
    // The ended run it listens for is this app's generate-meal-plan, by its synced id.
    expect(inngestConfig.planDays.cancelWhenRunEnded).toContain(
      `'${inngestConfig.appId}-${inngestConfig.generateMealPlan.id}'`,
    );
  });
});

describe("the generate-meal-plan failure path", () => {
  type FailureContext = Parameters<NonNullable<typeof generateMealPlanFunction.opts.onFailure>>[0];
  const runOnFailure = (data: { planId: string; generationId: string }, error: Error) =>
    generateMealPlanFunction.opts.onFailure?.({
      event: { name: "inngest/function.failed", data: { event: { name: "plan/generate.requested", data } } },
      error,
      step: { run: (_id: string, work: () => unknown) => work() },
    } as unknown as FailureContext);

  it("ends the plan in error naming every group of days and what each attempt met, as recorded", async () => {
    const data = await createGeneratingPlan({ plan_length_days: 14 });
    // What the failing steps appended as each attempt failed (onFailure itself sees only the last error).
    const record = (days: string, fault: string, attempt: number) =>
      generationStore.recordFailedAttempt(data.planId, data.generationId, {
        days,
        fault,
        attempt,
        maxAttempts: 6,
        retryFollows: true,
      });
    await record("day 3", "answer cut off", 1);
    await record("days 6-14", "529 overloaded", 1);
    await record("day 3", "answer cut off", 2);
    await record("days 6-14", "timed out", 2);
    await runOnFailure(
      data,
      new Error("Claude did not answer in time for days 6-14 (gave up after 2 attempts in 40 s)"),
    );
    const saved = await readSavedPlan(data.planId);
    expect(saved.status).toBe("error");
    expect(saved.error).toBe(
      "Claude did not answer in time for days 6-14 (gave up after 2 attempts in 40 s). " +
        "Attempts: day 3: answer cut off ×2; days 6-14: 529 overloaded, timed out",
    );
  });

  it("shows the coming retry in the progress while a group of days waits, and forgets it once they are planned", async () => {
    const data = await createGeneratingPlan({ plan_length_days: 7 });
    const record = (fault: string, attempt: number) =>
      generationStore.recordFailedAttempt(data.planId, data.generationId, {
        days: "day 5",
        fault,
        attempt,
        maxAttempts: 6,
        retryFollows: true,
      });
    const backdate = (index: number, seconds: number) =>
      db()`update meal_plans set generation_attempts = jsonb_set(generation_attempts, ${`{${index},at}`}::text[],
           to_jsonb(now() - make_interval(secs => ${seconds}))) where id = ${data.planId}`;
    expect(await record("529 overloaded", 1)).toEqual({ repeatingForMs: 0 });
    await backdate(0, 30);
    // How long this same fault has been repeating: a different fault before it does not count.
    expect(await record("answer cut off", 2)).toEqual({ repeatingForMs: 0 });
    await backdate(1, 20);
    const third = await record("answer cut off", 2);
    expect(third?.repeatingForMs).toBeGreaterThanOrEqual(20_000);
    expect(third?.repeatingForMs).toBeLessThan(30_000);
    expect((await readSavedPlan(data.planId)).progress).toMatchObject({
      retrying: { days: "day 5", attempt: 3, of: 6, fault: "answer cut off" },
    });
    await generationStore.addDaysDone(
      data.planId,
      data.generationId,
      "pass-one",
      { days: "day 4", drafts: [draftOfDay(4)] },
      7,
    );
    expect((await readSavedPlan(data.planId)).progress).toMatchObject({ retrying: { days: "day 5" } });
    await generationStore.addDaysDone(
      data.planId,
      data.generationId,
      "pass-one",
      { days: "day 5", drafts: [draftOfDay(5)] },
      7,
    );
    expect((await readSavedPlan(data.planId)).progress).not.toHaveProperty("retrying");
  });

  it("shows no coming retry for an attempt that will not be retried (a final error, or the last attempt)", async () => {
    const data = await createGeneratingPlan({ plan_length_days: 7 });
    const progress = async () => (await readSavedPlan(data.planId)).progress;
    const fail = (error: Error, attempt: number) =>
      afterFailedAttempt(error, {
        attempt,
        maxAttempts: 6,
        worstAttemptMs: null,
        record: (entry) => generationStore.recordFailedAttempt(data.planId, data.generationId, entry),
      });
    const rejectedKey = () =>
      stepFailure(new ModelCallError("authentication", "Claude rejected the API key (401)", { status: 401 }), "day 5");
    const overloaded = () => stepFailure(new ModelCallError("overloaded", "529", { status: 529 }), "days 1-2");

    expect(await fail(rejectedKey(), 1)).toHaveProperty("final");
    expect(await progress()).not.toHaveProperty("retrying");
    expect(await fail(overloaded(), 5)).toHaveProperty("retryInMs");
    expect(await progress()).toMatchObject({ retrying: { days: "days 1-2", attempt: 6, of: 6 } });
    expect(await fail(overloaded(), 6)).toHaveProperty("final");
    expect(await progress()).not.toHaveProperty("retrying");
    // Every attempt is still on the run's list, retried or not.
    expect((await generationStore.failedAttempts(data.planId, data.generationId)).map((a) => a.days)).toEqual([
      "day 5",
      "days 1-2",
      "days 1-2",
    ]);
  });

  it("does not count attempts for an error that was final at once", async () => {
    const data = await createGeneratingPlan({ plan_length_days: 2 });
    const final = new Error("Claude rejected the API key (401) for days 1-2");
    final.name = "NonRetriableError";
    await runOnFailure(data, final);
    expect((await readSavedPlan(data.planId)).error).toBe("Claude rejected the API key (401) for days 1-2");
  });

  it("leaves a plan alone when a newer run owns it", async () => {
    const data = await createGeneratingPlan({ plan_length_days: 2 });
    await db()`update meal_plans set generation_id = gen_random_uuid() where id = ${data.planId}`;
    await runOnFailure(data, new Error("boom"));
    expect((await readSavedPlan(data.planId)).status).toBe("generating");
  });
});
