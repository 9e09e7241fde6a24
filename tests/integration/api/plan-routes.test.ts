import { randomUUID } from "node:crypto";
import { inngestConfig } from "@inngest-config";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import * as retired from "@/app/api/nutrition/plans/[planId]/generate/route";
import * as start from "@/app/api/nutrition/plans/[planId]/generate/start/route";
import * as status from "@/app/api/nutrition/plans/[planId]/generate/status/route";
import * as planDetail from "@/app/api/nutrition/plans/[planId]/route";
import * as plans from "@/app/api/nutrition/plans/route";
import { settleInlineRuns } from "@/inngest/inline/inline-runner";
import { db } from "@/server/database/index";
import { resetEnvForTests } from "@/server/env";
import { call, demoCoachToken, otherCoachToken } from "../../support/api-client";
import { expectConsoleError } from "../../support/fail-on-console-error";
import { createPlan } from "../../support/plan-factory";
import { queueRunsOnInngest } from "../../support/run-test-hooks";
import { DEMO_CLIENT_ID, OTHER_CLIENT_ID, OTHER_ORG_ID } from "../../support/seed-ids";

let token: string;
let otherToken: string;
beforeAll(async () => {
  token = await demoCoachToken();
  otherToken = await otherCoachToken();
});

afterEach(async () => {
  await settleInlineRuns();
  vi.restoreAllMocks();
  delete process.env.GENERATION_RUNNER;
  resetEnvForTests();
});

describe("POST /api/nutrition/plans", () => {
  it("creates a plan in the caller's org and answers 201 with its id", async () => {
    const response = await call(plans.POST, {
      token,
      body: {
        name: "Cut for Alex",
        client_id: DEMO_CLIENT_ID,
        plan_length_days: 7,
        intake_data: { calorie_target: 2100, diet: ["vegetarian"] },
      },
    });
    expect(response.status).toBe(201);
    const [row] =
      await db()`select name, plan_length_days, intake_data, generation_status from meal_plans where id = ${response.json.id as string}`;
    expect(row).toEqual({
      name: "Cut for Alex",
      plan_length_days: 7,
      intake_data: { calorie_target: 2100, diet: ["vegetarian"] },
      generation_status: "idle",
    });
  });

  it.each([
    [{ plan_length_days: 7 }, "name"],
    [{ name: "x", plan_length_days: 0 }, "plan_length_days"],
    [{ name: "x", plan_length_days: 29 }, "plan_length_days"],
    [{ name: "x", plan_length_days: 3.5 }, "plan_length_days"],
    [
      { name: "x", plan_length_days: 7, intake_data: { macro_split: { protein_pct: 50, carb_pct: 40, fat_pct: 30 } } },
      "intake_data.macro_split",
    ],
    [{ name: "x", plan_length_days: 7, intake_data: { diet: ["carnivore"] } }, "intake_data.diet[0]"],
    [{ name: "x", plan_length_days: 7, intake_data: { allergies: ["mustard"] } }, "intake_data.allergies[0]"],
    [{ name: "x", plan_length_days: 7, intake_data: { calorie_target: 90000 } }, "intake_data.calorie_target"],
    [{ name: "x", plan_length_days: 7, client_id: "nope" }, "client_id"],
    [{ name: "x", plan_length_days: 7, surprise: true }, "(root)"],
  ])("answers 400 naming the field for %j", async (body, field) => {
    const response = await call(plans.POST, { token, body });
    expect(response.status).toBe(400);
    expect(response.json.details).toEqual(expect.arrayContaining([expect.objectContaining({ path: field })]));
  });

  it("refuses a client from another org", async () => {
    const response = await call(plans.POST, {
      token,
      body: { name: "x", plan_length_days: 3, client_id: OTHER_CLIENT_ID },
    });
    expect(response.status).toBe(400);
    expect(response.json.error).toMatch(/client/);
  });

  it("lists only the caller's org's plans", async () => {
    const mine = await createPlan({ name: "Mine" });
    const theirs = await createPlan({ name: "Theirs", org_id: OTHER_ORG_ID });
    const response = await call(plans.GET, { token });
    const ids = (response.json.plans as { id: string }[]).map((plan) => plan.id);
    expect(ids).toContain(mine);
    expect(ids).not.toContain(theirs);
  });
});

describe("the other org's plans", () => {
  it("are 404 on every plan route", async () => {
    const theirs = await createPlan({ org_id: OTHER_ORG_ID });
    const params = { planId: theirs };
    expect((await call(start.POST, { token, params, body: {} })).status).toBe(404);
    expect((await call(status.GET, { token, params })).status).toBe(404);
    expect((await call(planDetail.GET, { token, params })).status).toBe(404);
    expect((await call(status.GET, { token: otherToken, params })).status).toBe(200);
  });
});

describe("malformed requests to the plan routes", () => {
  it("answers 400 for a plan id that is not a UUID, on every route", async () => {
    const params = { planId: "../../etc/passwd" };
    for (const response of [
      await call(start.POST, { token, params, body: {} }),
      await call(status.GET, { token, params }),
      await call(planDetail.GET, { token, params }),
    ]) {
      expect(response.status).toBe(400);
      expect(response.json.error).toMatch(/UUID/);
    }
  });

  it("answers 400 for malformed JSON and for each malformed field of the start body", async () => {
    const planId = await createPlan();
    const params = { planId };
    expect((await call(start.POST, { token, params, body: "{not json" })).status).toBe(400);
    for (const body of [
      { plan_length_days: 40 },
      { calorie_target: "lots" },
      { macro_split: { protein_pct: 10, carb_pct: 10, fat_pct: 10 } },
      { intake_data: { meals_per_day: 9 } },
      { dietary_restrictions: 42 },
      { goal: "x".repeat(600) },
      { unknown_field: 1 },
      [1, 2, 3],
    ]) {
      const response = await call(start.POST, { token, params, body });
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect(response.json.error).toEqual(expect.any(String));
    }
    const [row] = await db()`select generation_status from meal_plans where id = ${planId}`;
    expect(row?.generation_status).toBe("idle");
  });

  it("answers 413 for an oversized body", async () => {
    const planId = await createPlan();
    const response = await call(start.POST, { token, params: { planId }, body: { goal: "x".repeat(70 * 1024) } });
    expect(response.status).toBe(413);
  });

  it("answers 410 on the retired one-request route, naming the new routes", async () => {
    const response = await call(retired.POST, { token, method: "POST" });
    expect(response.status).toBe(410);
    expect(response.json.error).toMatch(/generate\/start/);
    expect(response.json.error).toMatch(/generate\/status/);
  });
});

describe("POST .../generate/start", () => {
  it("moves the plan to generating, sends one event whose id is the generation id, and answers 202", async () => {
    const send = queueRunsOnInngest();
    const planId = await createPlan({ plan_length_days: 5 });
    const response = await call(start.POST, { token, params: { planId }, body: { calorie_target: 2400 } });
    expect(response.status).toBe(202);
    expect(response.json).toEqual({ status: "generating", generation_id: expect.any(String) });
    expect(send).toHaveBeenCalledTimes(1);
    const event = send.mock.calls[0]?.[0] as { id: string; name: string; data: Record<string, unknown> };
    expect(event).toMatchObject({
      name: "plan/generate.requested",
      id: response.json.generation_id,
      data: { planId, generationId: response.json.generation_id, request: { calorie_target: 2400 } },
    });
  });

  it("starts one generation for 20 concurrent starts of the same plan", async () => {
    const send = queueRunsOnInngest();
    const planId = await createPlan();
    const responses = await Promise.all(
      Array.from({ length: 20 }, () => call(start.POST, { token, params: { planId }, body: {} })),
    );
    expect(new Set(responses.map((response) => response.status))).toEqual(new Set([202]));
    expect(new Set(responses.map((response) => response.json.generation_id)).size).toBe(1);
    expect(send).toHaveBeenCalledTimes(1);
  });

  it("restarts a plan whose run has shown no sign of life past the staleness limit", async () => {
    queueRunsOnInngest();
    const stuck = randomUUID();
    const planId = await createPlan({ generation_status: "generating", generation_id: stuck });
    await db()`update meal_plans set generation_heartbeat_at = now() - interval '2 hours' where id = ${planId}`;
    const response = await call(start.POST, { token, params: { planId }, body: {} });
    expect(response.json.generation_id).not.toBe(stuck);
  });

  it("re-sends the same event when a queued run has shown no sign of life for a minute", async () => {
    const send = queueRunsOnInngest();
    const planId = await createPlan();
    const first = await call(start.POST, { token, params: { planId }, body: {} });
    await db()`update meal_plans set generation_heartbeat_at = now() - interval '2 minutes' where id = ${planId}`;
    const second = await call(start.POST, { token, params: { planId }, body: {} });
    expect(second.json.generation_id).toBe(first.json.generation_id);
    expect(send).toHaveBeenCalledTimes(2);
    const ids = send.mock.calls.map((call) => (call[0] as { id: string }).id);
    expect(ids).toEqual([first.json.generation_id, first.json.generation_id]);
  });

  it("answers 503 and leaves the plan in error when the event cannot be sent", async () => {
    queueRunsOnInngest().mockRejectedValue(new TypeError("fetch failed"));
    vi.spyOn(console, "warn").mockImplementation(() => {});
    const planId = await createPlan();
    const response = await call(start.POST, { token, params: { planId }, body: {} });
    expect(response.status).toBe(503);
    expect(response.json.error).toBe("Could not queue generation; try again");
    const [row] = await db()`select generation_status, generation_error from meal_plans where id = ${planId}`;
    expect(row).toEqual({ generation_status: "error", generation_error: "Could not queue generation; try again" });
  });

  it(`answers 503 after the dispatch timeout (${inngestConfig.dispatchTimeoutMs} ms) when the send hangs, and leaves the plan in error`, async () => {
    queueRunsOnInngest().mockReturnValueOnce(new Promise(() => {}) as never); // the send never settles
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const planId = await createPlan();
    const response = await call(start.POST, { token, params: { planId }, body: {} });
    expect(response.status).toBe(503);
    expect(response.json.error).toBe("Could not queue generation; try again");
    expect(warn).toHaveBeenCalledWith(expect.stringMatching(/could not queue plan .*not accepted within/));
    const [row] = await db()`select generation_status, generation_error from meal_plans where id = ${planId}`;
    expect(row).toEqual({ generation_status: "error", generation_error: "Could not queue generation; try again" });
  });
});

describe("start, run inline, poll, read", () => {
  it("ends complete and reads back with every day, meal and item", async () => {
    process.env.GENERATION_RUNNER = "inline";
    resetEnvForTests();
    vi.spyOn(console, "warn").mockImplementation(() => {});
    const created = await call(plans.POST, {
      token,
      body: {
        name: "Week",
        plan_length_days: 7,
        intake_data: { calorie_target: 2000, meals_per_day: 4, diet: ["vegan"], allergies: ["peanut"] },
      },
    });
    const params = { planId: created.json.id as string };

    const started = await call(start.POST, { token, params, body: {} });
    expect(started.status).toBe(202);
    await settleInlineRuns();

    const polled = await call(status.GET, { token, params });
    expect(polled.json).toEqual({
      generation_status: "complete",
      generation_error: null,
      progress: { phase: "done", days_done: 7, days_total: 7 },
      day_regeneration: null,
      resumed_at: null,
    });
    const plan = await call(planDetail.GET, { token, params });
    const days = plan.json.days as {
      day_number: number;
      meals: { items: { food_name: string; kcal: number }[] }[];
      kcal_off_target_pct: number;
    }[];
    expect(days.map((day) => day.day_number)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    for (const day of days) {
      expect(day.meals.length).toBeGreaterThanOrEqual(3);
      expect(Math.abs(day.kcal_off_target_pct)).toBeLessThanOrEqual(3);
    }
    expect(plan.json.targets).toEqual({ kcal: 2000, macro_split: { protein_pct: 30, carb_pct: 40, fat_pct: 30 } });
  });
});

describe("GET .../generate/status", () => {
  it("ends a run that stopped responding, so a plan never stays generating forever", async () => {
    const planId = await createPlan({ generation_status: "generating", generation_id: randomUUID() });
    await db()`update meal_plans set generation_heartbeat_at = now() - interval '2 hours' where id = ${planId}`;
    const response = await call(status.GET, { token, params: { planId } });
    expect(response.json.generation_status).toBe("error");
    expect(response.json.generation_error).toMatch(/stopped responding/);
  });

  it("leaves a long run alone while its steps keep reporting progress", async () => {
    const planId = await createPlan({ generation_status: "generating", generation_id: randomUUID() });
    await db()`update meal_plans set generation_started_at = now() - interval '2 hours', generation_heartbeat_at = now()
               where id = ${planId}`;
    const response = await call(status.GET, { token, params: { planId } });
    expect(response.json.generation_status).toBe("generating");
  });
});

describe("unexpected failures", () => {
  it("answer 500 with a request id and no internals", async () => {
    expectConsoleError();
    const planId = await createPlan();
    vi.spyOn(db(), "reserve").mockRejectedValueOnce(new Error("connection to secret-host lost"));
    const response = await call(status.GET, { token, params: { planId } });
    expect(response.status).toBe(500);
    expect(response.json.error).toMatch(/request id/);
    expect(JSON.stringify(response.json)).not.toMatch(/secret-host/);
  });
});
