import { type ChildProcess, spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { once } from "node:events";
import { hostname } from "node:os";
import { threadId } from "node:worker_threads";
import { inngestConfig } from "@inngest-config";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import * as regenerate from "@/app/api/nutrition/plans/[planId]/days/[day]/regenerate/route";
import * as status from "@/app/api/nutrition/plans/[planId]/generate/status/route";
import * as planDetail from "@/app/api/nutrition/plans/[planId]/route";
import type { ModelPort } from "@/generation/model/model-port";
import { createOfflineModel } from "@/generation/offline/offline-model";
import { resumeInterruptedInlineRuns } from "@/inngest/inline/inline-recovery";
import { settleInlineRuns, startInlineDayRun, startInlineRun, stopInlineRuns } from "@/inngest/inline/inline-runner";
import { generationDependencies } from "@/inngest/story/run-dependencies";
import { db } from "@/server/database/index";
import { dayGenerationStore } from "@/server/day-generation-store";
import { resetEnvForTests } from "@/server/env";
import { generationStore } from "@/server/generation-store";
import { runnerName, STOPPED_OWNER, thisRunnerName } from "@/server/inline-run-owners";
import { call, demoCoachToken } from "../../support/api-client";
import { expectConsoleError } from "../../support/fail-on-console-error";
import { type FakeAnthropic, startFakeAnthropic } from "../../support/fake-anthropic";
import { createGeneratingPlan, range, readSavedPlan } from "../../support/generation-fixtures";

/** The pid of a process that has just exited: what a crashed server leaves on its plans. */
async function pidOfAnExitedProcess(): Promise<number> {
  const child = spawn(process.execPath, ["-e", ""], { stdio: "ignore" });
  const pid = child.pid ?? 0;
  await once(child, "exit");
  return pid;
}

/** Another process on this machine that stays alive until the file's tests end: a holder still at work. */
let liveProcess: ChildProcess;
beforeAll(() => {
  liveProcess = spawn(process.execPath, ["-e", "setInterval(() => {}, 1000)"], { stdio: "ignore" });
});
afterAll(() => {
  liveProcess.kill();
});
const liveOwner = () => `inline:${hostname()}:${liveProcess.pid}:0ddba11`;

async function holdPlan(planId: string, owner: string, request: Record<string, unknown> = {}) {
  await db()`update meal_plans set generation_runner = ${owner}, generation_request = ${db().json(request as never)}
             where id = ${planId}`;
}

async function ownerOf(planId: string) {
  const [row] = await db()<{ generation_runner: string | null; generation_resumed_at: Date | null }[]>`
    select generation_runner, generation_resumed_at from meal_plans where id = ${planId}`;
  return row;
}

const fast = { dependencies: undefined, retryDelayScale: 0.001 };

/** The offline planner behind a gate: every call waits until `release()`, so a stop lands mid-run. */
function modelHeldUntilReleased() {
  let release: () => void = () => {};
  const held = new Promise<void>((resolve) => {
    release = resolve;
  });
  let calls = 0;
  const offline = createOfflineModel();
  const slowModel: ModelPort = {
    name: "offline",
    async planPass(pass) {
      calls += 1;
      await held;
      return offline.planPass(pass);
    },
  };
  return { slowModel, calls: () => calls, release };
}

describe("taking up runs when the server starts", () => {
  it("re-runs a crashed process's run under the same generation id, with the request it was started with", async () => {
    const data = await createGeneratingPlan({ plan_length_days: 7 });
    await holdPlan(data.planId, `inline:${hostname()}:${await pidOfAnExitedProcess()}:0badc0de`, {
      plan_length_days: 3,
    });

    const resumed = await resumeInterruptedInlineRuns(fast);
    expect(resumed.map((run) => [run.planId, run.runId])).toEqual([[data.planId, data.generationId]]);
    await Promise.all(resumed.map((run) => run.done));

    const saved = await readSavedPlan(data.planId);
    expect(saved).toMatchObject({ status: "complete", dayNumbers: range(1, 3) });
    expect((await ownerOf(data.planId))?.generation_resumed_at).toBeInstanceOf(Date);
  });

  it("leaves alone a run whose process on this machine is still alive", async () => {
    const data = await createGeneratingPlan({ plan_length_days: 2 });
    await holdPlan(data.planId, liveOwner());

    expect(await resumeInterruptedInlineRuns(fast)).toEqual([]);
    expect(await ownerOf(data.planId)).toEqual({ generation_runner: liveOwner(), generation_resumed_at: null });
  });

  it("takes up at once a run an earlier process left under this process's pid (a container restarted at pid 1)", async () => {
    const data = await createGeneratingPlan({ plan_length_days: 1 });
    await holdPlan(data.planId, `inline:${hostname()}:${process.pid}:0ddba11`);

    const resumed = await resumeInterruptedInlineRuns(fast);
    await Promise.all(resumed.map((run) => run.done));

    expect(resumed.map((run) => run.planId)).toEqual([data.planId]);
    expect((await readSavedPlan(data.planId)).status).toBe("complete");
  });

  it("leaves alone a run held by another thread of this process (netlify serve answers each request in a new worker thread)", async () => {
    const data = await createGeneratingPlan({ plan_length_days: 1 });
    const otherThread = runnerName(hostname(), process.pid, threadId + 1, "0ddba11");
    await holdPlan(data.planId, otherThread);

    expect(await resumeInterruptedInlineRuns(fast)).toEqual([]);
    expect(await ownerOf(data.planId)).toEqual({ generation_runner: otherThread, generation_resumed_at: null });
  });

  it("takes up a run held on another machine only once it has been silent longer than any step", async () => {
    const quiet = await createGeneratingPlan({ plan_length_days: 1 });
    const silent = await createGeneratingPlan({ plan_length_days: 1 });
    await holdPlan(quiet.planId, "inline:other-host:4242:cafe0001");
    await holdPlan(silent.planId, "inline:other-host:4242:cafe0001");
    await db()`update meal_plans set generation_heartbeat_at = now() - interval '10 minutes' where id = ${silent.planId}`;

    const resumed = await resumeInterruptedInlineRuns(fast);
    await Promise.all(resumed.map((run) => run.done));

    expect(resumed.map((run) => run.planId)).toEqual([silent.planId]);
    expect((await readSavedPlan(silent.planId)).status).toBe("complete");
    expect((await readSavedPlan(quiet.planId)).status).toBe("generating");
  });

  it("lets only one of two starting servers take up a run", async () => {
    const data = await createGeneratingPlan({ plan_length_days: 1 });
    await holdPlan(data.planId, STOPPED_OWNER);
    const [first, second] = await Promise.all([resumeInterruptedInlineRuns(fast), resumeInterruptedInlineRuns(fast)]);
    await Promise.all([...first, ...second].map((run) => run.done));
    expect(first.length + second.length).toBe(1);
    expect((await readSavedPlan(data.planId)).dayNumbers).toEqual([1]);
  });
});

describe("a resumed run that cannot record its outcome", () => {
  it("is taken up again in this process, not left generating until the next start", async () => {
    const data = await createGeneratingPlan({ plan_length_days: 2 });
    await holdPlan(data.planId, `inline:${hostname()}:${await pidOfAnExitedProcess()}:0badc0de`);
    // The restarted database drops the first run's connections: every step
    // attempt and every try at recording its failure meets CONNECTION_CLOSED,
    // until the run is taken up again.
    const closed = () => new Error("write CONNECTION_CLOSED 127.0.0.1:54322");
    let loads = 0;
    let away = true;
    const store = {
      ...generationStore,
      loadPlanForGeneration: async (planId: string, generationId: string) => {
        loads += 1;
        if (loads <= inngestConfig.generateMealPlan.retries + 1) throw closed();
        away = false;
        return generationStore.loadPlanForGeneration(planId, generationId);
      },
      failedAttempts: async (planId: string, generationId: string) => {
        if (away) throw closed();
        return generationStore.failedAttempts(planId, generationId);
      },
      markFailed: async (planId: string, generationId: string, message: string) => {
        if (away) throw closed();
        return generationStore.markFailed(planId, generationId, message);
      },
    };
    expectConsoleError(1);
    const resumed = await resumeInterruptedInlineRuns({
      dependencies: generationDependencies({ store }),
      retryDelayScale: 0.001,
      outcomeWithinMs: 10,
    });
    expect(resumed.map((run) => run.planId)).toEqual([data.planId]);
    await Promise.all(resumed.map((run) => run.done));

    expect(loads).toBe(inngestConfig.generateMealPlan.retries + 2);
    expect(await readSavedPlan(data.planId)).toMatchObject({ status: "complete", dayNumbers: [1, 2] });
  });
});

describe("a graceful stop", () => {
  it("ends the run at a step boundary, writes no days, and leaves it for the next start", async () => {
    const data = await createGeneratingPlan({ plan_length_days: 6 });
    const { slowModel, calls, release } = modelHeldUntilReleased();
    const run = startInlineRun(data, {
      dependencies: generationDependencies({ model: slowModel }),
      retryDelayScale: 0.001,
    });
    await expect.poll(calls).toBe(1);

    await stopInlineRuns(20); // pass one is mid-call: the grace period runs out first
    release();
    await run;

    expect(calls()).toBe(1); // pass two never started
    expect(await readSavedPlan(data.planId)).toMatchObject({ status: "generating", dayRows: 0 });
    expect((await ownerOf(data.planId))?.generation_runner).toBe(STOPPED_OWNER);

    const resumed = await resumeInterruptedInlineRuns(fast);
    await Promise.all(resumed.map((next) => next.done));
    expect(await readSavedPlan(data.planId)).toMatchObject({ status: "complete", dayNumbers: range(1, 6) });
  });
});

/** A saved two-day plan whose day 1 is being regenerated (day run generating, held by `owner`). */
async function dayRunInProgress(owner: string | null) {
  const data = await createGeneratingPlan({ plan_length_days: 2 });
  await startInlineRun(data, fast);
  const dayGenerationId = randomUUID();
  await db()`update meal_plans set day_generation_id = ${dayGenerationId}, day_generation_day = 1,
               day_generation_status = 'generating', day_generation_phase = 'planning',
               day_generation_heartbeat_at = now(), day_generation_runner = ${owner}
             where id = ${data.planId}`;
  return { planId: data.planId, orgId: data.orgId, dayGenerationId, day: 1 };
}

async function dayRunOf(planId: string) {
  const [row] = await db()<
    { day_generation_status: string; day_generation_runner: string | null; day_generation_resumed_at: Date | null }[]
  >`select day_generation_status, day_generation_runner, day_generation_resumed_at from meal_plans where id = ${planId}`;
  return row;
}

/** The food ids of a saved day, by day number. */
async function foodsByDay(planId: string): Promise<Record<number, string[]>> {
  const rows = await db()<{ day_number: number; food_ids: string[] }[]>`
    select d.day_number, array_agg(i.food_id::text order by i.food_id) as food_ids
    from meal_plan_days d join meal_plan_meals m on m.day_id = d.id join meal_plan_items i on i.meal_id = m.id
    where d.plan_id = ${planId} group by d.day_number`;
  return Object.fromEntries(rows.map((row) => [row.day_number, row.food_ids]));
}

/** The food ids and grams of each meal of a saved day, by meal name. */
async function foodsByMeal(planId: string, day: number): Promise<Record<string, string[]>> {
  const rows = await db()<{ name: string; items: string[] }[]>`
    select m.name, array_agg(i.food_id::text || ' ' || i.grams::text order by i.position) as items
    from meal_plan_days d join meal_plan_meals m on m.day_id = d.id join meal_plan_items i on i.meal_id = m.id
    where d.plan_id = ${planId} and d.day_number = ${day} group by m.name`;
  return Object.fromEntries(rows.map((row) => [row.name, row.items]));
}

const dayRunsOf = (resumed: Awaited<ReturnType<typeof resumeInterruptedInlineRuns>>, planId: string) =>
  resumed.filter((run) => run.kind === "day" && run.planId === planId);

describe("taking up one-day regenerations when the server starts", () => {
  it("re-runs a crashed process's day run under the same id: the day is replaced once, and status says resumed", async () => {
    const run = await dayRunInProgress(`inline:${hostname()}:${await pidOfAnExitedProcess()}:0badc0de`);
    const before = await foodsByDay(run.planId);

    const resumed = await resumeInterruptedInlineRuns(fast);
    expect(dayRunsOf(resumed, run.planId).map((next) => next.runId)).toEqual([run.dayGenerationId]);
    await Promise.all(resumed.map((next) => next.done));

    const after = await foodsByDay(run.planId);
    expect((await readSavedPlan(run.planId)).dayNumbers).toEqual([1, 2]);
    expect(after[1]).not.toEqual(before[1]);
    expect(after[2]).toEqual(before[2]);
    const token = await demoCoachToken();
    const polled = (await call(status.GET, { token, params: { planId: run.planId } })).json;
    expect(polled.day_regeneration).toMatchObject({ day: 1, status: "complete", phase: "done", error: null });
    const resumedAt = (polled.day_regeneration as { resumed_at: string | null }).resumed_at;
    expect(resumedAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect(resumedAt).toBe((await dayRunOf(run.planId))?.day_generation_resumed_at?.toISOString());
    // The plan read reports it the same way.
    const detail = (await call(planDetail.GET, { token, params: { planId: run.planId } })).json;
    expect(detail.day_regeneration).toEqual(polled.day_regeneration);
    // Done is done: the next start finds nothing to take up.
    expect(dayRunsOf(await resumeInterruptedInlineRuns(fast), run.planId)).toEqual([]);
  });

  it("re-runs a crashed process's meal run as a meal run: only that meal changes", async () => {
    const run = await dayRunInProgress(`inline:${hostname()}:${await pidOfAnExitedProcess()}:0badc0de`);
    await db()`update meal_plans set day_generation_meal = 'Lunch' where id = ${run.planId}`;
    const mealsBefore = await foodsByMeal(run.planId, 1);

    const resumed = await resumeInterruptedInlineRuns(fast);
    await Promise.all(resumed.map((next) => next.done));

    const mealsAfter = await foodsByMeal(run.planId, 1);
    expect(mealsAfter.Lunch).not.toEqual(mealsBefore.Lunch);
    expect({ ...mealsAfter, Lunch: [] }).toEqual({ ...mealsBefore, Lunch: [] });
    expect(await dayRunOf(run.planId)).toMatchObject({ day_generation_status: "complete" });
  });

  it("forgets the resume when the coach regenerates a day again", async () => {
    const run = await dayRunInProgress(STOPPED_OWNER);
    await Promise.all((await resumeInterruptedInlineRuns(fast)).map((next) => next.done));
    expect((await dayRunOf(run.planId))?.day_generation_resumed_at).toBeInstanceOf(Date);

    const token = await demoCoachToken();
    const response = await call(regenerate.POST, { token, params: { planId: run.planId, day: "2" }, body: {} });
    expect(response.status).toBe(202);
    expect((await call(status.GET, { token, params: { planId: run.planId } })).json.day_regeneration).toMatchObject({
      day: 2,
      resumed_at: null,
    });
    await settleInlineRuns();
    expect(await dayRunOf(run.planId)).toMatchObject({
      day_generation_status: "complete",
      day_generation_resumed_at: null,
    });
  });

  it("leaves alone a day run whose process on this machine is still alive", async () => {
    const run = await dayRunInProgress(liveOwner());

    expect(dayRunsOf(await resumeInterruptedInlineRuns(fast), run.planId)).toEqual([]);
    expect(await dayRunOf(run.planId)).toEqual({
      day_generation_status: "generating",
      day_generation_runner: liveOwner(),
      day_generation_resumed_at: null,
    });
  });

  it("lets only one of two starting servers take up a day run", async () => {
    const run = await dayRunInProgress(STOPPED_OWNER);
    const before = await foodsByDay(run.planId);
    const [first, second] = await Promise.all([resumeInterruptedInlineRuns(fast), resumeInterruptedInlineRuns(fast)]);
    await Promise.all([...first, ...second].map((next) => next.done));
    expect(dayRunsOf([...first, ...second], run.planId)).toHaveLength(1);
    expect((await readSavedPlan(run.planId)).dayNumbers).toEqual([1, 2]);
    expect((await foodsByDay(run.planId))[1]).not.toEqual(before[1]);
  });

  it("after a graceful stop, leaves the day run generating for the next start, which completes it", async () => {
    const run = await dayRunInProgress(null);
    const before = await foodsByDay(run.planId);
    const { slowModel, calls, release } = modelHeldUntilReleased();
    const running = startInlineDayRun(run, {
      dependencies: { ...generationDependencies({ model: slowModel }), store: dayGenerationStore },
      retryDelayScale: 0.001,
    });
    await expect.poll(calls).toBe(1);
    // While it runs, the day run names this process, so a crash now would leave it to the next start.
    expect((await dayRunOf(run.planId))?.day_generation_runner).toBe(thisRunnerName());

    await stopInlineRuns(20); // the model call is in flight: the grace period runs out first
    release();
    await running;

    expect(calls()).toBe(1);
    expect(await foodsByDay(run.planId)).toEqual(before);
    expect(await dayRunOf(run.planId)).toEqual({
      day_generation_status: "generating",
      day_generation_runner: STOPPED_OWNER,
      day_generation_resumed_at: null,
    });

    const resumed = await resumeInterruptedInlineRuns(fast);
    expect(dayRunsOf(resumed, run.planId)).toHaveLength(1);
    await Promise.all(resumed.map((next) => next.done));
    expect((await dayRunOf(run.planId))?.day_generation_status).toBe("complete");
    expect((await foodsByDay(run.planId))[1]).not.toEqual(before[1]);
  });
});

describe("the failure message of an inline run", () => {
  const API_KEY = "sk-ant-test-failure-summary";
  let fake: FakeAnthropic;
  beforeAll(async () => {
    fake = await startFakeAnthropic({ apiKey: API_KEY });
    process.env.ANTHROPIC_API_KEY = API_KEY;
    process.env.ANTHROPIC_BASE_URL = fake.baseURL;
    resetEnvForTests();
  });
  afterEach(() => fake.respondWith(() => ({ text: "" })));
  afterAll(async () => {
    delete process.env.ANTHROPIC_API_KEY;
    delete process.env.ANTHROPIC_BASE_URL;
    resetEnvForTests();
    await fake.close();
  });

  it("names the days and what each attempt met, with no key and no prompt", async () => {
    const data = await createGeneratingPlan({ plan_length_days: 1 });
    // Six attempts (inngest.config.ts: retries 5), each failing.
    fake.enqueue(
      { status: 529 },
      { status: 529 },
      { status: 500 },
      { text: '{"days": [' },
      { status: 529 },
      { text: '{"days": [' },
    );
    await startInlineRun(data, { dependencies: generationDependencies(), retryDelayScale: 0.001 });

    const saved = await readSavedPlan(data.planId);
    expect(saved.status).toBe("error");
    expect(saved.error).toContain("day 1: 529 overloaded ×3, 500 server error, malformed JSON ×2");
    expect(saved.error).not.toContain(API_KEY);
    expect(saved.error).not.toMatch(/food_id|catalogue/i);
  });

  it("reports every group of days that failed, not only the last one", async () => {
    // Two days on Sonnet's step budget: one model call per day, run side by side.
    const data = await createGeneratingPlan({ plan_length_days: 2 });
    fake.respondWith(() => ({ status: 529 }));
    await startInlineRun(data, { dependencies: generationDependencies(), retryDelayScale: 0.001 });

    const { status, error } = await readSavedPlan(data.planId);
    expect(status).toBe("error");
    expect(error).toMatch(/day 1: 529 overloaded ×\d/);
    expect(error).toMatch(/day 2: 529 overloaded ×\d/);
  });
});
