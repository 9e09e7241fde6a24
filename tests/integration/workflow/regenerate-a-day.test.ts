import { inngestConfig } from "@inngest-config";
import { describe, expect, it } from "vitest";
import * as regenerate from "@/app/api/nutrition/plans/[planId]/days/[day]/regenerate/route";
import * as start from "@/app/api/nutrition/plans/[planId]/generate/start/route";
import * as status from "@/app/api/nutrition/plans/[planId]/generate/status/route";
import * as planDetail from "@/app/api/nutrition/plans/[planId]/route";
import { regeneratePlanDayFunction } from "@/inngest/binding/regenerate-plan-day-function";
import { settleInlineRuns, startInlineDayRun } from "@/inngest/inline/inline-runner";
import { regeneratePlanDay } from "@/inngest/story/regenerate-plan-day";
import { generationDependencies } from "@/inngest/story/run-dependencies";
import type { StepRunner } from "@/inngest/story/story-steps";
import { db } from "@/server/database/index";
import { dayGenerationStore, saveDay } from "@/server/day-generation-store";
import { resetEnvForTests } from "@/server/env";
import type { PlanDay } from "@/server/plan-detail";
import { call } from "../../support/api-client";
import { readSavedPlan } from "../../support/generation-fixtures";
import { createPlan } from "../../support/plan-factory";
import { queueRunsOnInngest, withRunTestSetup } from "../../support/run-test-hooks";
import { DEMO_ORG_ID } from "../../support/seed-ids";

/**
 * POST …/days/{day}/regenerate and the regenerate-plan-day workflow: one day
 * replaced, durably and only once, the rest of the plan untouched.
 */

const API_KEY = "sk-ant-test-regenerate-0123456789";
const run = withRunTestSetup(API_KEY);

async function generatedPlan(days = 3): Promise<{ planId: string; days: PlanDay[] }> {
  const planId = await createPlan({ plan_length_days: days, intake_data: { calorie_target: 2300, meals_per_day: 4 } });
  expect((await call(start.POST, { token: run.token, params: { planId }, body: {} })).status).toBe(202);
  await settleInlineRuns();
  const detail = await call(planDetail.GET, { token: run.token, params: { planId } });
  expect(detail.json.generation_status).toBe("complete");
  return { planId, days: detail.json.days as PlanDay[] };
}

const foodIds = (day: PlanDay | undefined) =>
  (day?.meals ?? []).flatMap((meal) => meal.items.map((item) => item.food_id)).sort();

describe("regenerating one day (inline runner, offline planner)", () => {
  it("replaces only that day with a different one on its calorie target, and status says so", async () => {
    const { planId, days: before } = await generatedPlan(3);
    const response = await call(regenerate.POST, { token: run.token, params: { planId, day: "2" }, body: {} });
    expect(response.status).toBe(202);
    expect(response.json).toMatchObject({ status: "generating", day: 2 });
    await settleInlineRuns();

    const after = (await call(planDetail.GET, { token: run.token, params: { planId } })).json.days as PlanDay[];
    expect(after.map((day) => day.day_number)).toEqual([1, 2, 3]);
    expect(after[0]).toEqual(before[0]);
    expect(after[2]).toEqual(before[2]);
    expect(foodIds(after[1])).not.toEqual(foodIds(before[1]));
    expect(Math.abs((after[1]?.totals.kcal ?? 0) / 2300 - 1)).toBeLessThanOrEqual(0.03);
    const polled = await call(status.GET, { token: run.token, params: { planId } });
    expect(polled.json).toMatchObject({
      generation_status: "complete",
      day_regeneration: { day: 2, status: "complete", phase: "done", error: null },
    });
  });

  it("gives a different day each time it is asked (choices vary with the day-generation id)", async () => {
    const { planId } = await generatedPlan(1);
    const seen = new Set<string>();
    for (let attempt = 0; attempt < 3; attempt++) {
      expect((await call(regenerate.POST, { token: run.token, params: { planId, day: "1" }, body: {} })).status).toBe(
        202,
      );
      await settleInlineRuns();
      const days = (await call(planDetail.GET, { token: run.token, params: { planId } })).json.days as PlanDay[];
      seen.add(foodIds(days[0]).join(","));
    }
    expect(seen.size).toBe(3);
  });

  it("works on a plan whose last whole-plan run failed but kept its previous days", async () => {
    const { planId, days: before } = await generatedPlan(2);
    await db()`update meal_plans set generation_status = 'error', generation_error = 'Claude was overloaded'
               where id = ${planId}`;
    expect((await call(regenerate.POST, { token: run.token, params: { planId, day: "1" }, body: {} })).status).toBe(
      202,
    );
    await settleInlineRuns();
    const after = (await call(planDetail.GET, { token: run.token, params: { planId } })).json.days as PlanDay[];
    expect(foodIds(after[0])).not.toEqual(foodIds(before[0]));
    expect(after[1]).toEqual(before[1]);
  });

  it("writes nothing twice when the run or its save is replayed", async () => {
    const { planId } = await generatedPlan(2);
    const response = await call(regenerate.POST, { token: run.token, params: { planId, day: "1" }, body: {} });
    await settleInlineRuns();
    const once = await readSavedPlan(planId);
    const dayGenerationId = response.json.day_generation_id as string;
    await startInlineDayRun({ planId, orgId: DEMO_ORG_ID, dayGenerationId, day: 1 });
    const day = { day: 1, meals: [{ name: "Breakfast", items: [] }] };
    expect(await saveDay(planId, dayGenerationId, day)).toBe("saved");
    expect(await readSavedPlan(planId)).toEqual(once);
  });

  it("runs its steps under the ids a run in flight replays by: load-context, plan-day, scale, dedup, balance, save-day", async () => {
    const { planId } = await generatedPlan(2);
    queueRunsOnInngest();
    const response = await call(regenerate.POST, { token: run.token, params: { planId, day: "1" }, body: {} });
    const ids: string[] = [];
    const steps: StepRunner = {
      run: (id, work) => {
        ids.push(id);
        return work();
      },
    };
    const logger = { info: () => undefined, warn: () => undefined };
    const data = { planId, orgId: DEMO_ORG_ID, dayGenerationId: response.json.day_generation_id as string, day: 1 };
    const outcome = await regeneratePlanDay(data, steps, {
      ...generationDependencies({ logger }),
      store: dayGenerationStore,
    });
    expect(outcome).toEqual({ status: "saved", day: 1 });
    expect(ids).toEqual(["load-context", "plan-day", "scale", "dedup", "balance", "save-day"]);
  });

  it("writes nothing when a whole-plan run has started since", async () => {
    const { planId } = await generatedPlan(2);
    const send = queueRunsOnInngest();
    const response = await call(regenerate.POST, { token: run.token, params: { planId, day: "1" }, body: {} });
    expect(send).toHaveBeenCalledTimes(1);
    await db()`update meal_plans set generation_status = 'generating', generation_id = gen_random_uuid(),
                 generation_heartbeat_at = now() where id = ${planId}`;
    const before = (await call(planDetail.GET, { token: run.token, params: { planId } })).json.days;
    const dayGenerationId = response.json.day_generation_id as string;
    await startInlineDayRun({ planId, orgId: DEMO_ORG_ID, dayGenerationId, day: 1 });
    expect((await call(planDetail.GET, { token: run.token, params: { planId } })).json.days).toEqual(before);
    // Its status says so instead of reading "generating" until it goes stale.
    expect((await call(status.GET, { token: run.token, params: { planId } })).json.day_regeneration).toMatchObject({
      day: 1,
      status: "error",
      error: expect.stringMatching(/whole-plan generation started/),
    });
  });
});

describe("regenerating a day with Claude (fake Messages API, real SDK)", () => {
  it("makes one model call for that day, telling it the neighbouring days' foods", async () => {
    const { planId, days } = await generatedPlan(3);
    process.env.ANTHROPIC_API_KEY = API_KEY;
    process.env.ANTHROPIC_BASE_URL = run.fake.baseURL;
    resetEnvForTests();
    run.fake.requests.length = 0;

    expect((await call(regenerate.POST, { token: run.token, params: { planId, day: "2" }, body: {} })).status).toBe(
      202,
    );
    await settleInlineRuns();

    expect(run.fake.requests).toHaveLength(1);
    const user = run.fake.requests[0]?.user ?? "";
    expect(user).toMatch(/Days to plan: 2\b/);
    const avoided = /Foods already used \(prefer others\): (.*)/.exec(user)?.[1] ?? "";
    for (const id of [...foodIds(days[0]), ...foodIds(days[2])]) expect(avoided).toContain(id);
    expect(await readSavedPlan(planId)).toMatchObject({ status: "complete", dayNumbers: [1, 2, 3] });
  });
});

describe("POST …/days/{day}/regenerate refuses", () => {
  it.each([["0"], ["4"], ["two"], ["2.5"], ["-1"], ["999"]])("day %s of a 3-day plan with 400", async (day) => {
    const { planId } = await generatedPlan(3);
    const response = await call(regenerate.POST, { token: run.token, params: { planId, day }, body: {} });
    expect(response.status).toBe(400);
    expect(response.json.error).toMatch(/day must be/);
  });

  it("another org's plan with 404", async () => {
    const { planId } = await generatedPlan(1);
    expect(
      (await call(regenerate.POST, { token: run.otherToken, params: { planId, day: "1" }, body: {} })).status,
    ).toBe(404);
  });

  it("while the whole plan is being generated, with 409 saying why", async () => {
    const { planId } = await generatedPlan(1);
    queueRunsOnInngest();
    expect((await call(start.POST, { token: run.token, params: { planId }, body: {} })).status).toBe(202);
    const response = await call(regenerate.POST, { token: run.token, params: { planId, day: "1" }, body: {} });
    expect(response.status).toBe(409);
    expect(response.json.error).toMatch(/whole plan is being generated/);
  });

  it("a plan with no days yet with 409", async () => {
    const planId = await createPlan({ plan_length_days: 2 });
    const response = await call(regenerate.POST, { token: run.token, params: { planId, day: "1" }, body: {} });
    expect(response.status).toBe(409);
    expect(response.json.error).toMatch(/no day 1 yet; generate it first/);
  });

  it("the second of two simultaneous regenerations of a day: one runs", async () => {
    const { planId } = await generatedPlan(2);
    const send = queueRunsOnInngest();
    const responses = await Promise.all(
      [1, 2].map(() => call(regenerate.POST, { token: run.token, params: { planId, day: "2" }, body: {} })),
    );
    expect(responses.map((response) => response.status).sort()).toEqual([202, 409]);
    expect(send).toHaveBeenCalledTimes(1);
    const event = send.mock.calls[0]?.[0] as { name: string; id: string; data: Record<string, unknown> };
    const accepted = responses.find((response) => response.status === 202);
    expect(event).toMatchObject({
      name: "plan/day.regenerate.requested",
      id: accepted?.json.day_generation_id,
      data: { planId, day: 2, dayGenerationId: accepted?.json.day_generation_id },
    });
  });
});

describe("POST …/days/{day}/regenerate when Inngest does not accept the event", () => {
  it(`answers 503 after the dispatch timeout (${inngestConfig.dispatchTimeoutMs} ms), and the day can be asked for again`, async () => {
    const { planId, days: before } = await generatedPlan(2);
    const send = queueRunsOnInngest();
    send.mockReturnValueOnce(new Promise(() => {}) as never); // the send never settles

    const response = await call(regenerate.POST, { token: run.token, params: { planId, day: "2" }, body: {} });
    expect(response.status).toBe(503);
    expect(response.json.error).toBe("Could not queue the regeneration; try again");
    expect(console.warn).toHaveBeenCalledWith(expect.stringMatching(/could not queue day 2 .*not accepted within/));
    // The day's regeneration is failed, not left generating; the plan and its days are as they were.
    const polled = await call(status.GET, { token: run.token, params: { planId } });
    expect(polled.json).toMatchObject({
      generation_status: "complete",
      day_regeneration: { day: 2, status: "error", error: "Could not queue the regeneration; try again" },
    });
    expect((await call(planDetail.GET, { token: run.token, params: { planId } })).json.days).toEqual(before);
    expect((await call(regenerate.POST, { token: run.token, params: { planId, day: "2" }, body: {} })).status).toBe(
      202,
    );
  });
});

describe("the regenerate-plan-day function", () => {
  it("shares the per-plan concurrency queue with generate-meal-plan", () => {
    type WireConfig = { id: string; triggers: unknown; concurrency: unknown };
    const [config] = (regeneratePlanDayFunction as unknown as { getConfig(options: object): WireConfig[] }).getConfig({
      baseUrl: new URL("http://127.0.0.1/api/inngest"),
      appPrefix: inngestConfig.appId,
    });
    expect(config?.id).toBe("meal-plan-generation-regenerate-plan-day");
    expect(config?.triggers).toEqual([{ event: "plan/day.regenerate.requested" }]);
    // The same env-scoped key and limit as generate-meal-plan's, so Inngest keeps one queue per plan for both.
    expect(config?.concurrency).toEqual(
      expect.arrayContaining([
        { scope: "env", key: "event.data.planId", limit: inngestConfig.perPlanConcurrency.limit },
      ]),
    );
  });
});
