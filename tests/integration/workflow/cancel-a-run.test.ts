import { InngestTestEngine } from "@inngest/test";
import { inngestConfig } from "@inngest-config";
import { describe, expect, it, vi } from "vitest";
import * as cancel from "@/app/api/nutrition/plans/[planId]/generate/cancel/route";
import * as start from "@/app/api/nutrition/plans/[planId]/generate/start/route";
import * as status from "@/app/api/nutrition/plans/[planId]/generate/status/route";
import * as planDetail from "@/app/api/nutrition/plans/[planId]/route";
import { inngest } from "@/inngest/binding/client";
import { generateMealPlanFunction } from "@/inngest/binding/generate-meal-plan-function";
import { settleInlineRuns, startInlineRun } from "@/inngest/inline/inline-runner";
import { generationDependencies } from "@/inngest/story/run-dependencies";
import { db } from "@/server/database/index";
import { resetEnvForTests } from "@/server/env";
import { generationStore } from "@/server/generation-store";
import { call } from "../../support/api-client";
import { createGeneratingPlan, generateEvent, readSavedPlan } from "../../support/generation-fixtures";
import { invokingPlanDays } from "../../support/inngest-invoke";
import { createPlan } from "../../support/plan-factory";
import { withRunTestSetup } from "../../support/run-test-hooks";
import { DEMO_ORG_ID } from "../../support/seed-ids";

/**
 * POST …/generate/cancel: the plan goes back to what it was before the run,
 * the run stops (a model call in flight included, inline), and a cancelled
 * run writes nothing whether or not it hears of the cancel.
 */

const API_KEY = "sk-ant-test-cancel-0123456789";
const run = withRunTestSetup(API_KEY);

async function waitFor(condition: () => boolean, what: string): Promise<void> {
  for (let waited = 0; !condition(); waited += 10) {
    if (waited > 5_000) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

async function generated(days = 2): Promise<string> {
  const planId = await createPlan({ plan_length_days: days });
  expect((await call(start.POST, { token: run.token, params: { planId }, body: {} })).status).toBe(202);
  await settleInlineRuns();
  expect((await readSavedPlan(planId)).status).toBe("complete");
  return planId;
}

describe("cancelling an inline run", () => {
  it("aborts the model call in flight and puts a never-generated plan back to idle, saying it was cancelled", async () => {
    run.sendRunsToClaude();
    run.fake.enqueue({ hang: true });
    const planId = await createPlan({ plan_length_days: 1 });
    expect((await call(start.POST, { token: run.token, params: { planId }, body: {} })).status).toBe(202);
    await waitFor(() => run.fake.requests.length >= 1, "the model call");

    const response = await call(cancel.POST, { token: run.token, params: { planId } });
    expect(response.status).toBe(202);
    expect(response.json.status).toBe("cancelled");
    // The run ends at once (the hanging call would otherwise last the step budget).
    const startedWaiting = Date.now();
    await settleInlineRuns();
    expect(Date.now() - startedWaiting).toBeLessThan(2_000);

    const polled = await call(status.GET, { token: run.token, params: { planId } });
    expect(polled.json).toMatchObject({
      generation_status: "idle",
      generation_error: null,
      progress: { phase: "cancelled" },
    });
    expect(run.fake.requests).toHaveLength(1); // a one-day plan: one call, and no retry after the abort
    expect((await readSavedPlan(planId)).dayRows).toBe(0);
  });

  it("puts a plan that had days back to complete with those same days", async () => {
    const planId = await generated(2);
    const before = (await call(planDetail.GET, { token: run.token, params: { planId } })).json.days;

    run.sendRunsToClaude();
    run.fake.enqueue({ hang: true });
    expect((await call(start.POST, { token: run.token, params: { planId }, body: {} })).status).toBe(202);
    await waitFor(() => run.fake.requests.length >= 1, "the model call");
    expect((await call(cancel.POST, { token: run.token, params: { planId } })).status).toBe(202);
    await settleInlineRuns();

    const after = await call(planDetail.GET, { token: run.token, params: { planId } });
    expect(after.json.generation_status).toBe("complete");
    expect(after.json.progress).toMatchObject({ phase: "cancelled" });
    expect(after.json.days).toEqual(before);
  });
});

describe("cancelling on Inngest", () => {
  it("sends plan/generate.cancelled naming the plan and generation, which the function's cancelOn matches", async () => {
    process.env.GENERATION_RUNNER = "inngest";
    resetEnvForTests();
    const send = vi.spyOn(inngest, "send").mockResolvedValue({ ids: ["queued"] } as never);
    const planId = await createPlan({ plan_length_days: 3 });
    const started = await call(start.POST, { token: run.token, params: { planId }, body: {} });
    const generationId = started.json.generation_id as string;

    expect((await call(cancel.POST, { token: run.token, params: { planId } })).status).toBe(202);
    const cancelled = send.mock.calls.at(-1)?.[0] as { name: string; id: string; data: Record<string, unknown> };
    expect(cancelled).toMatchObject({
      name: inngestConfig.events.generateCancelled,
      id: `cancel-${generationId}`,
      data: { planId, generationId },
    });
  });

  it("still answers 202 when the event cannot be sent: the plan is already back and the run can write nothing", async () => {
    process.env.GENERATION_RUNNER = "inngest";
    resetEnvForTests();
    const send = vi.spyOn(inngest, "send").mockResolvedValue({ ids: ["queued"] } as never);
    const planId = await createPlan({ plan_length_days: 1 });
    const generationId = (await call(start.POST, { token: run.token, params: { planId }, body: {} })).json
      .generation_id as string;
    send.mockRejectedValue(new Error("Inngest unreachable"));

    expect((await call(cancel.POST, { token: run.token, params: { planId } })).status).toBe(202);
    // The run, never told, reaches save: it writes nothing.
    const written = await generationStore.savePlan(planId, generationId, {
      days: [{ day: 1, meals: [] }],
      intakeData: undefined,
      planLengthDays: 1,
      model: "claude",
      usage: {},
    });
    expect(written).toBe("superseded");
    expect(await readSavedPlan(planId)).toMatchObject({ status: "idle", dayRows: 0 });
    // Nor can its other writes touch the plan.
    await generationStore.recordProgress(planId, generationId, { phase: "scaling", days_done: 1, days_total: 1 });
    expect(await generationStore.markFailed(planId, generationId, "boom")).toBe(false);
    expect(await readSavedPlan(planId)).toMatchObject({ status: "idle", progress: { phase: "cancelled" } });
  });

  it(`answers 202 after the dispatch timeout (${inngestConfig.dispatchTimeoutMs} ms) when the send hangs: the plan is already back`, async () => {
    const planId = await generated(1);
    const before = await readSavedPlan(planId);
    process.env.GENERATION_RUNNER = "inngest";
    resetEnvForTests();
    const send = vi.spyOn(inngest, "send").mockResolvedValue({ ids: ["queued"] } as never);
    const generationId = (await call(start.POST, { token: run.token, params: { planId }, body: {} })).json
      .generation_id as string;
    send.mockReturnValueOnce(new Promise(() => {}) as never); // the send never settles

    const response = await call(cancel.POST, { token: run.token, params: { planId } });
    expect(response.status).toBe(202);
    expect(response.json).toEqual({ status: "cancelled", generation_id: generationId });
    expect(console.warn).toHaveBeenCalledWith(expect.stringMatching(/could not send the cancel .*not accepted within/));
    // Back to its previous days, not generating, and the untold run can write nothing.
    expect(await readSavedPlan(planId)).toEqual({
      ...before,
      progress: expect.objectContaining({ phase: "cancelled" }),
    });
    expect(await generationStore.markFailed(planId, generationId, "boom")).toBe(false);
    expect((await readSavedPlan(planId)).status).toBe("complete");
  });
});

describe("a run that goes on after a cancel", () => {
  const cancelledProgress = (planId: string) => db()`
    update meal_plans set generation_id = null, generation_status = 'idle',
      generation_progress = jsonb_build_object('phase', 'cancelled', 'days_done', 0, 'days_total', plan_length_days)
    where id = ${planId} and generation_status = 'generating'`;

  it("on Inngest: the chunks it invokes after the cancel start no model call", async () => {
    run.sendRunsToClaude();
    process.env.GENERATION_RUNNER = "inngest";
    resetEnvForTests();
    vi.spyOn(inngest, "send").mockResolvedValue({ ids: ["queued"] } as never);
    const planId = await createPlan({ plan_length_days: 7 });
    const started = await call(start.POST, { token: run.token, params: { planId }, body: {} });
    const data = { planId, orgId: DEMO_ORG_ID, generationId: started.json.generation_id as string, request: {} };

    let cancelSent = 0;
    // The cancel lands as load-context ends: the run has not heard of it (cancelOn not modelled here).
    const cancelledAfterLoad = (raw: Parameters<typeof invokingPlanDays>[0]) => {
      const ctx = invokingPlanDays(raw) as unknown as { step: { run: (id: string, work: () => unknown) => unknown } };
      const runStep = ctx.step.run;
      ctx.step.run = async (id, work) => {
        const result = await runStep(id, work);
        // The engine re-enters the handler after each step: the cancel is sent once.
        if (id === "load-context" && !cancelSent++)
          expect((await call(cancel.POST, { token: run.token, params: { planId } })).status).toBe(202);
        return result;
      };
      return ctx as never;
    };
    const { error } = await new InngestTestEngine({
      function: generateMealPlanFunction,
      events: [generateEvent(data)],
      transformCtx: cancelledAfterLoad,
    }).execute();

    // The chunk refuses (@inngest/test ends there; Inngest hands the failed step back and the story ends superseded).
    expect((error as Error).message).toMatch(/^No model call for days? [-\d]+: the run no longer holds the plan/);
    expect(run.fake.requests).toHaveLength(0);
    expect(await readSavedPlan(planId)).toMatchObject({ status: "idle", dayRows: 0, progress: { phase: "cancelled" } });
  });

  it("inline, cancelled by another server: its chunks start no model call", async () => {
    run.sendRunsToClaude();
    const data = await createGeneratingPlan({ plan_length_days: 7 });
    // The cancel is taken by another instance (this process's run is not aborted): as cancelGeneration writes it.
    const cancelledElsewhere = {
      ...generationStore,
      recordProgress: async (...args: Parameters<typeof generationStore.recordProgress>) => {
        await generationStore.recordProgress(...args);
        if (args[2].phase === "pass-one") await cancelledProgress(data.planId);
      },
    };
    await startInlineRun(data, {
      dependencies: generationDependencies({ store: cancelledElsewhere }),
      retryDelayScale: 0.001,
    });

    expect(run.fake.requests).toHaveLength(0);
    expect(await readSavedPlan(data.planId)).toMatchObject({ status: "idle", dayRows: 0 });
  });
});

describe("cancel with nothing to cancel", () => {
  it("is 409 for a plan that is not generating, and changes nothing (a cancel after save)", async () => {
    const planId = await generated(1);
    const before = await readSavedPlan(planId);
    const response = await call(cancel.POST, { token: run.token, params: { planId } });
    expect(response.status).toBe(409);
    expect(response.json.error).toMatch(/No generation is running/);
    expect(await readSavedPlan(planId)).toEqual(before);
  });

  it("is 404 for another org's plan and 400 for a bad plan id", async () => {
    const planId = await createPlan({ generation_status: "generating", generation_id: crypto.randomUUID() });
    expect((await call(cancel.POST, { token: run.otherToken, params: { planId } })).status).toBe(404);
    expect((await db()`select generation_status from meal_plans where id = ${planId}`)[0]).toEqual({
      generation_status: "generating",
    });
    expect((await call(cancel.POST, { token: run.token, params: { planId: "nope" } })).status).toBe(400);
  });
});
