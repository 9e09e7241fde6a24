import { spawn } from "node:child_process";
import { once } from "node:events";
import { hostname } from "node:os";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { ModelPort } from "@/generation/model/model-port";
import { createOfflineModel } from "@/generation/offline/offline-model";
import { generationDependencies } from "@/inngest/dependencies";
import { resumeInterruptedInlineRuns } from "@/inngest/inline-recovery";
import { startInlineRun, stopInlineRuns } from "@/inngest/inline-runner";
import { db } from "@/server/database/index";
import { resetEnvForTests } from "@/server/env";
import { STOPPED_OWNER } from "@/server/inline-run-owners";
import { type FakeAnthropic, startFakeAnthropic } from "../../support/fake-anthropic";
import { createGeneratingPlan, range, readSavedPlan } from "../../support/generation-fixtures";

/** The pid of a process that has just exited: what a crashed server leaves on its plans. */
async function pidOfAnExitedProcess(): Promise<number> {
  const child = spawn(process.execPath, ["-e", ""], { stdio: "ignore" });
  const pid = child.pid ?? 0;
  await once(child, "exit");
  return pid;
}

async function holdPlan(planId: string, owner: string, request: Record<string, unknown> = {}) {
  await db()`update meal_plans set generation_runner = ${owner}, generation_request = ${db().json(request as never)}
             where id = ${planId}`;
}

async function ownerOf(planId: string) {
  const [row] = await db()<{ generation_runner: string | null; generation_resumed_at: Date | null }[]>`
    select generation_runner, generation_resumed_at from meal_plans where id = ${planId}`;
  return row;
}

const fast = { dependencies: undefined, retryBaseDelayMs: 1 };

describe("taking up runs when the server starts", () => {
  it("re-runs a crashed process's run under the same generation id, with the request it was started with", async () => {
    const data = await createGeneratingPlan({ plan_length_days: 7 });
    await holdPlan(data.planId, `inline:${hostname()}:${await pidOfAnExitedProcess()}:0badc0de`, {
      plan_length_days: 3,
    });

    const resumed = await resumeInterruptedInlineRuns(fast);
    expect(resumed.map((run) => [run.planId, run.generationId])).toEqual([[data.planId, data.generationId]]);
    await Promise.all(resumed.map((run) => run.done));

    const saved = await readSavedPlan(data.planId);
    expect(saved).toMatchObject({ status: "complete", dayNumbers: range(1, 3) });
    expect((await ownerOf(data.planId))?.generation_resumed_at).toBeInstanceOf(Date);
  });

  it("leaves alone a run whose process on this machine is still alive", async () => {
    const data = await createGeneratingPlan({ plan_length_days: 2 });
    const liveOwner = `inline:${hostname()}:${process.pid}:0ddba11`;
    await holdPlan(data.planId, liveOwner);

    expect(await resumeInterruptedInlineRuns(fast)).toEqual([]);
    expect(await ownerOf(data.planId)).toEqual({ generation_runner: liveOwner, generation_resumed_at: null });
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

describe("a graceful stop", () => {
  it("ends the run at a step boundary, writes no days, and leaves it for the next start", async () => {
    const data = await createGeneratingPlan({ plan_length_days: 6 });
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
    const run = startInlineRun(data, {
      dependencies: generationDependencies({ model: slowModel }),
      retryBaseDelayMs: 1,
    });
    await expect.poll(() => calls).toBe(1);

    await stopInlineRuns(20); // pass one is mid-call: the grace period runs out first
    release();
    await run;

    expect(calls).toBe(1); // pass two never started
    expect(await readSavedPlan(data.planId)).toMatchObject({ status: "generating", dayRows: 0 });
    expect((await ownerOf(data.planId))?.generation_runner).toBe(STOPPED_OWNER);

    const resumed = await resumeInterruptedInlineRuns(fast);
    await Promise.all(resumed.map((next) => next.done));
    expect(await readSavedPlan(data.planId)).toMatchObject({ status: "complete", dayNumbers: range(1, 6) });
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
    await startInlineRun(data, { dependencies: generationDependencies(), retryBaseDelayMs: 1 });

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
    await startInlineRun(data, { dependencies: generationDependencies(), retryBaseDelayMs: 1 });

    const { status, error } = await readSavedPlan(data.planId);
    expect(status).toBe("error");
    expect(error).toMatch(/day 1: 529 overloaded ×\d/);
    expect(error).toMatch(/day 2: 529 overloaded ×\d/);
  });
});
