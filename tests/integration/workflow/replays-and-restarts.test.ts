import { randomUUID } from "node:crypto";
import { InngestTestEngine } from "@inngest/test";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { ModelPort } from "@/generation/model/model-port";
import { createOfflineModel } from "@/generation/offline/offline-model";
import {
  generateMealPlanFunction,
  markCancelledGenerationFunction,
} from "@/inngest/binding/generate-meal-plan-function";
import { startInlineRun } from "@/inngest/inline/inline-runner";
import { generateMealPlan } from "@/inngest/story/generate-meal-plan";
import { generationDependencies } from "@/inngest/story/run-dependencies";
import { db } from "@/server/database/index";
import { resetEnvForTests } from "@/server/env";
import { type FakeAnthropic, startFakeAnthropic } from "../../support/fake-anthropic";
import { createGeneratingPlan, generateEvent, range, readSavedPlan } from "../../support/generation-fixtures";
import { invokingPlanDays } from "../../support/inngest-invoke";

type StepCalls = { mock: { calls: [string, unknown][]; results: { value: unknown }[] } };

/** What Inngest stored for each step of a finished run, in the order the steps ran. */
async function memoisedSteps(run: { ctx: { step: { run: unknown } } }): Promise<{ id: string; result: unknown }[]> {
  const calls = run.ctx.step.run as unknown as StepCalls;
  return Promise.all(
    calls.mock.calls.map(async (call, index) => ({ id: call[0], result: await calls.mock.results[index]?.value })),
  );
}

/**
 * A run that stopped because it no longer holds the plan: it returns
 * superseded, or (a chunk refused) ends on that chunk's error, which is
 * where @inngest/test stops: it does not hand a failed step back to the
 * handler, as Inngest does, for the story to end superseded.
 */
function endedWithoutWork(execution: { result?: unknown; error?: unknown }): boolean {
  if (execution.error) return /the run no longer holds the plan/.test(String((execution.error as Error).message));
  return JSON.stringify(execution.result) === JSON.stringify({ status: "superseded" });
}

describe("replaying a run with its earlier steps memoised", () => {
  it("re-runs only what is left and writes no duplicate days", async () => {
    const data = await createGeneratingPlan({ plan_length_days: 7 });
    const first = await new InngestTestEngine({
      function: generateMealPlanFunction,
      events: [generateEvent(data)],
      transformCtx: invokingPlanDays,
    }).execute();
    expect(first.result).toEqual({ status: "saved", days: 7 });
    const before = await readSavedPlan(data.planId);

    // The run died before its save committed: every step but save memoised, the plan still generating.
    const memoised = (await memoisedSteps(first)).filter((step) => step.id !== "save");
    await db()`delete from meal_plan_days where plan_id = ${data.planId}`;
    await db()`update meal_plans set generation_status = 'generating' where id = ${data.planId}`;
    const replay = await new InngestTestEngine({
      function: generateMealPlanFunction,
      events: [generateEvent(data)],
      steps: memoised.map((step) => ({ id: step.id, handler: () => step.result })),
      transformCtx: invokingPlanDays,
    }).execute();

    expect(replay.result).toEqual({ status: "saved", days: 7 });
    const after = await readSavedPlan(data.planId);
    expect(after.dayNumbers).toEqual(range(1, 7));
    expect({ meals: after.mealRows, items: after.itemRows }).toEqual({
      meals: before.mealRows,
      items: before.itemRows,
    });
  });

  it("leaves a completed plan alone when its finished run is replayed", async () => {
    const data = await createGeneratingPlan({ plan_length_days: 2 });
    await new InngestTestEngine({
      function: generateMealPlanFunction,
      events: [generateEvent(data)],
      transformCtx: invokingPlanDays,
    }).execute();
    const [{ updated_at: finishedAt } = { updated_at: "" }] =
      await db()`select updated_at from meal_plans where id = ${data.planId}`;
    const replay = await new InngestTestEngine({
      function: generateMealPlanFunction,
      events: [generateEvent(data)],
      transformCtx: invokingPlanDays,
    }).execute();
    expect(replay.result).toEqual({ status: "superseded" });
    const [row] = await db()`select generation_status, updated_at from meal_plans where id = ${data.planId}`;
    expect(row).toEqual({ generation_status: "complete", updated_at: finishedAt });
  });
});

describe("rerunning an old run from a step after its plan completed", () => {
  it("writes nothing and calls no model whichever step it starts from, and keeps the coach's edits", async () => {
    const data = await createGeneratingPlan({ plan_length_days: 7 });
    const first = await new InngestTestEngine({
      function: generateMealPlanFunction,
      events: [generateEvent(data)],
      transformCtx: invokingPlanDays,
    }).execute();
    expect(first.result).toEqual({ status: "saved", days: 7 });
    const steps = await memoisedSteps(first);
    // The coach edits the completed plan.
    await db()`
      update meal_plan_items set grams = 123 where id = (select i.id from meal_plan_items i
        join meal_plan_meals m on m.id = i.meal_id join meal_plan_days d on d.id = m.day_id
        where d.plan_id = ${data.planId} order by d.day_number, m.position, i.position limit 1)`;
    const edited = await readSavedPlan(data.planId);
    const items = () => db()`
      select i.food_id, i.grams from meal_plan_items i join meal_plan_meals m on m.id = i.meal_id
      join meal_plan_days d on d.id = m.day_id where d.plan_id = ${data.planId} order by d.day_number, m.position, i.position`;
    const itemsBefore = await items();
    const finished = () =>
      db()`select generation_status, generation_finished_at from meal_plans where id = ${data.planId}`;
    const finishedBefore = await finished();
    // Any write to the plan's row moves updated_at, a model call's token count included.
    const [{ updated_at: editedAt } = { updated_at: "" }] =
      await db()`select updated_at from meal_plans where id = ${data.planId}`;

    // "Rerun from step" for every step after load-context: the steps before it memoised, load-context's guard never runs.
    for (let from = 1; from < steps.length; from++) {
      const rerun = await new InngestTestEngine({
        function: generateMealPlanFunction,
        events: [generateEvent(data)],
        steps: steps.slice(0, from).map((step) => ({ id: step.id, handler: () => step.result })),
        transformCtx: invokingPlanDays,
      }).execute();
      expect({ from: steps[from]?.id, ended: endedWithoutWork(rerun) }).toEqual({ from: steps[from]?.id, ended: true });
    }
    expect(await readSavedPlan(data.planId)).toEqual(edited);
    expect(await items()).toEqual(itemsBefore);
    expect(await finished()).toEqual(finishedBefore);
    expect((await db()`select updated_at from meal_plans where id = ${data.planId}`)[0]).toEqual({
      updated_at: editedAt,
    });
  });
});

describe("a plan restarted while its run is still working", () => {
  it("keeps the old run from saving anything", async () => {
    const data = await createGeneratingPlan({ plan_length_days: 6 });
    const offline = createOfflineModel();
    const restartDuringPassOne: ModelPort = {
      name: "offline",
      async planPass(pass) {
        // The coach presses Generate again while pass one is being written.
        await db()`update meal_plans set generation_id = ${randomUUID()} where id = ${data.planId}`;
        return offline.planPass(pass);
      },
    };
    await startInlineRun(data, {
      dependencies: generationDependencies({ model: restartDuringPassOne }),
      retryDelayScale: 0.001,
    });
    const saved = await readSavedPlan(data.planId);
    expect(saved).toMatchObject({ status: "generating", dayRows: 0 });
  });

  it("cancels the older inline run of the same plan when a new one starts", async () => {
    const first = await createGeneratingPlan({ plan_length_days: 6 });
    let releasePassOne: () => void = () => {};
    const passOneHeld = new Promise<void>((resolve) => {
      releasePassOne = resolve;
    });
    const offline = createOfflineModel();
    const slow: ModelPort = {
      name: "offline",
      async planPass(pass) {
        await passOneHeld;
        return offline.planPass(pass);
      },
    };
    const firstRun = startInlineRun(first, {
      dependencies: generationDependencies({ model: slow }),
      retryDelayScale: 0.001,
    });
    const restarted = { ...first, generationId: randomUUID() };
    await db()`update meal_plans set generation_id = ${restarted.generationId} where id = ${first.planId}`;
    const secondRun = startInlineRun(restarted, { dependencies: generationDependencies(), retryDelayScale: 0.001 });
    releasePassOne();
    await Promise.all([firstRun, secondRun]);
    const saved = await readSavedPlan(first.planId);
    expect(saved.status).toBe("complete");
    expect(saved.dayNumbers).toEqual(range(1, 6));
  });
});

describe("two runs of one plan at once (the per-plan limit no longer serialises runs)", () => {
  it("lets only the plan's current run write, each day exactly once", async () => {
    const older = await createGeneratingPlan({ plan_length_days: 6 });
    const newer = { ...older, generationId: randomUUID() };
    let releaseOlder: () => void = () => {};
    const olderHeld = new Promise<void>((resolve) => {
      releaseOlder = resolve;
    });
    let olderCalled: () => void = () => {};
    const olderInPassOne = new Promise<void>((resolve) => {
      olderCalled = resolve;
    });
    const offline = createOfflineModel();
    const modelFor = (held: Promise<void> | null): ModelPort => ({
      name: "offline",
      async planPass(pass) {
        if (held) {
          olderCalled();
          await held;
        }
        return offline.planPass(pass);
      },
    });
    const steps = { run: <T>(_id: string, work: () => Promise<T>) => work() };

    // The older run is past load-context and waiting on its model calls when the coach restarts.
    const olderRun = generateMealPlan(older, steps, generationDependencies({ model: modelFor(olderHeld) }));
    await olderInPassOne;
    await db()`update meal_plans set generation_id = ${newer.generationId} where id = ${older.planId}`;
    const newerRun = generateMealPlan(newer, steps, generationDependencies({ model: modelFor(null) }));
    const newerOutcome = await newerRun;
    releaseOlder();

    expect(newerOutcome).toEqual({ status: "saved", days: 6 });
    expect(await olderRun).toEqual({ status: "superseded" });
    const saved = await readSavedPlan(older.planId);
    expect(saved.status).toBe("complete");
    expect(saved.dayNumbers).toEqual(range(1, 6));
  });
});

describe("runs Inngest cancelled (timeouts, restarts)", () => {
  const cancelledEvent = (data: { planId: string; generationId: string }) => ({
    name: "inngest/function.cancelled" as const,
    data: {
      function_id: "meal-plan-generation-generate-meal-plan",
      run_id: "01RUN",
      event: { name: "plan/generate.requested", data },
    },
  });

  it("end in error, so a timed-out plan is never left generating", async () => {
    const data = await createGeneratingPlan({ plan_length_days: 3 });
    const { result } = await new InngestTestEngine({
      function: markCancelledGenerationFunction,
      events: [cancelledEvent(data)] as never,
    }).execute();
    expect(result).toEqual({ marked: true });
    expect(await readSavedPlan(data.planId)).toMatchObject({
      status: "error",
      error: expect.stringMatching(/too long/),
    });
  });

  it("change nothing when the plan has been restarted since", async () => {
    const data = await createGeneratingPlan({ plan_length_days: 3 });
    await db()`update meal_plans set generation_id = ${randomUUID()} where id = ${data.planId}`;
    const { result } = await new InngestTestEngine({
      function: markCancelledGenerationFunction,
      events: [cancelledEvent(data)] as never,
    }).execute();
    expect(result).toEqual({ marked: false });
    expect((await readSavedPlan(data.planId)).status).toBe("generating");
  });
});

describe("the inline runner and long waits", () => {
  const API_KEY = "sk-ant-test-inline-wait";
  let fake: FakeAnthropic;
  beforeAll(async () => {
    fake = await startFakeAnthropic({ apiKey: API_KEY });
  });
  afterAll(async () => {
    await fake.close();
  });
  afterEach(() => {
    delete process.env.ANTHROPIC_API_KEY;
    delete process.env.ANTHROPIC_BASE_URL;
    resetEnvForTests();
  });

  it("gives up at once, saying so, when Claude asks it to wait an hour", async () => {
    process.env.ANTHROPIC_API_KEY = API_KEY;
    process.env.ANTHROPIC_BASE_URL = fake.baseURL;
    resetEnvForTests();
    const data = await createGeneratingPlan({ plan_length_days: 1 });
    fake.enqueue({ status: 429, headers: { "retry-after": "3600" } });
    await startInlineRun(data, { dependencies: generationDependencies(), retryDelayScale: 0.001 });
    const saved = await readSavedPlan(data.planId);
    expect(saved.status).toBe("error");
    expect(saved.error).toMatch(/wait 3600 s, try again later/);
  });
});
