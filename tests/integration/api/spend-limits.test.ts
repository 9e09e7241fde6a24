import { randomUUID } from "node:crypto";
import { afterEach, beforeEach, describe, expect, it, type MockInstance, vi } from "vitest";
import * as regenerate from "@/app/api/nutrition/plans/[planId]/days/[day]/regenerate/route";
import * as start from "@/app/api/nutrition/plans/[planId]/generate/start/route";
import * as plans from "@/app/api/nutrition/plans/route";
import { inngest } from "@/inngest/binding/client";
import { signLocalAccessToken } from "@/server/auth/access-token";
import { db } from "@/server/database/index";
import { resetEnvForTests } from "@/server/env";
import { savePlan } from "@/server/generation-store";
import { recordModelUsage } from "@/server/model-usage";
import { call } from "../../support/api-client";
import { addDay, createPlan } from "../../support/plan-factory";
import { DEMO_ORG_ID, OTHER_ORG_ID } from "../../support/seed-ids";

/**
 * Spend limits as a coach meets them, at the sizes the app ships with
 * (SPEND_LIMIT_SCALE=1; other test files raise it): 429 with Retry-After and
 * a message the page shows, per coach and per org, and the org's daily token
 * budget. Runs go to Inngest, whose send is stubbed: nothing generates.
 */
let send: MockInstance;
beforeEach(() => {
  process.env.SPEND_LIMIT_SCALE = "1";
  process.env.GENERATION_RUNNER = "inngest";
  resetEnvForTests();
  send = vi.spyOn(inngest, "send").mockResolvedValue({ ids: ["queued"] } as never);
});

afterEach(() => {
  vi.restoreAllMocks();
  delete process.env.SPEND_LIMIT_SCALE;
  delete process.env.GENERATION_RUNNER;
  delete process.env.ORG_DAILY_TOKEN_BUDGET;
  resetEnvForTests();
});

/** A new coach in the org, signed in. */
async function newCoach(orgId: string): Promise<{ id: string; token: string }> {
  const id = randomUUID();
  const email = `coach-${id.slice(0, 8)}@limits.test`;
  await db()`insert into auth.users (id, email, aud, role) values (${id}, ${email}, 'authenticated', 'authenticated')`;
  await db()`insert into org_members (org_id, user_id) values (${orgId}, ${id})`;
  return { id, token: (await signLocalAccessToken({ id, email })).token };
}

const startPlan = (token: string, planId: string) => call(start.POST, { token, params: { planId }, body: {} });

function expectRefused(
  response: Awaited<ReturnType<typeof call>>,
  limit: "coach" | "org" | "daily_budget",
  message: RegExp,
) {
  expect(response.status).toBe(429);
  const retryAfter = response.headers.get("retry-after");
  expect(retryAfter).toMatch(/^\d+$/);
  expect(Number(retryAfter)).toBeGreaterThanOrEqual(1);
  expect(response.json.error).toMatch(message);
  expect(response.json.details).toEqual({ limit, retry_after_seconds: Number(retryAfter) });
}

describe("spend limits", () => {
  it("a coach's fifth start in a burst is answered 429 with Retry-After, and that plan does not start", async () => {
    const coach = await newCoach(DEMO_ORG_ID);
    const planIds = await Promise.all([1, 2, 3, 4, 5].map(() => createPlan({ org_id: DEMO_ORG_ID })));
    for (const planId of planIds.slice(0, 4)) expect((await startPlan(coach.token, planId)).status).toBe(202);

    const refused = await startPlan(coach.token, planIds[4] ?? "");
    expectRefused(
      refused,
      "coach",
      /^You have started too many plan generations in a short time; try again in \d+ (s|min)$/,
    );
    // One token comes back every 2 minutes (30 an hour).
    expect(Number(refused.headers.get("retry-after"))).toBeLessThanOrEqual(120);
    const [plan] = await db()`select generation_status from meal_plans where id = ${planIds[4] ?? ""}`;
    expect(plan?.generation_status).toBe("idle");
    expect(send).toHaveBeenCalledTimes(4);
  });

  it("asking again for a run that is already live is not charged", async () => {
    const coach = await newCoach(DEMO_ORG_ID);
    const planId = await createPlan({ org_id: DEMO_ORG_ID });
    const answers = [];
    for (let press = 0; press < 8; press++) answers.push(await startPlan(coach.token, planId));
    expect(answers.map((answer) => answer.status)).toEqual(Array(8).fill(202));
    expect(new Set(answers.map((answer) => answer.json.generation_id)).size).toBe(1);
  });

  it("each coach has their own bucket, and the org's bucket holds them all", async () => {
    const coaches = await Promise.all([1, 2, 3, 4].map(() => newCoach(OTHER_ORG_ID)));
    // Three coaches start four plans each: every one accepted (12, the org's burst).
    for (const coach of coaches.slice(0, 3)) {
      for (let n = 0; n < 4; n++) {
        expect((await startPlan(coach.token, await createPlan({ org_id: OTHER_ORG_ID }))).status).toBe(202);
      }
    }
    // A fourth coach, with a full bucket of their own, meets the org's limit.
    const refused = await startPlan(coaches[3]?.token ?? "", await createPlan({ org_id: OTHER_ORG_ID }));
    expectRefused(
      refused,
      "org",
      /^Your organisation has started too many plan generations in a short time; try again in \d+ (s|min)$/,
    );
    // Another org is not held by it.
    const elsewhere = await newCoach(DEMO_ORG_ID);
    expect((await startPlan(elsewhere.token, await createPlan({ org_id: DEMO_ORG_ID }))).status).toBe(202);
  });

  it("charges no day regeneration refused because something else holds the plan", async () => {
    const coach = await newCoach(DEMO_ORG_ID);
    const busy = await createPlan({
      org_id: DEMO_ORG_ID,
      generation_status: "generating",
      generation_id: randomUUID(),
    });
    await addDay(busy, 1);
    for (let n = 0; n < 7; n++) {
      const refused = await call(regenerate.POST, { token: coach.token, params: { planId: busy, day: "1" } });
      expect(refused.status).toBe(409);
    }
    // The coach's whole burst is still there.
    const answers = [];
    for (let n = 0; n < 6; n++) {
      const planId = await createPlan({ org_id: DEMO_ORG_ID, generation_status: "complete" });
      await addDay(planId, 1);
      answers.push((await call(regenerate.POST, { token: coach.token, params: { planId, day: "1" } })).status);
    }
    expect(answers).toEqual(Array(6).fill(202));
  });

  it("limits day regenerations and plan creation per coach too", async () => {
    const coach = await newCoach(DEMO_ORG_ID);
    const regenerations = [];
    for (let n = 0; n < 7; n++) {
      const planId = await createPlan({ org_id: DEMO_ORG_ID, generation_status: "complete" });
      await addDay(planId, 1);
      regenerations.push(await call(regenerate.POST, { token: coach.token, params: { planId, day: "1" } }));
    }
    expect(regenerations.slice(0, 6).map((answer) => answer.status)).toEqual(Array(6).fill(202));
    expectRefused(regenerations[6] as never, "coach", /^You have regenerated too many days in a short time/);

    const created = [];
    for (let n = 0; n < 21; n++) {
      created.push(await call(plans.POST, { token: coach.token, body: { name: `Plan ${n}`, plan_length_days: 3 } }));
    }
    expect(created.slice(0, 20).map((answer) => answer.status)).toEqual(Array(20).fill(201));
    expectRefused(created[20] as never, "coach", /^You have created too many plans in a short time/);
  });

  it("shows the tokens each call counted (the save counts nothing more), and refuses runs past the daily budget", async () => {
    process.env.ORG_DAILY_TOKEN_BUDGET = "1000";
    resetEnvForTests();
    const coach = await newCoach(DEMO_ORG_ID);
    const generationId = randomUUID();
    const done = await createPlan({
      org_id: DEMO_ORG_ID,
      generation_status: "generating",
      generation_id: generationId,
    });
    // The run's one call, counted as it returned; then the workflow's save and a replay of it.
    const usage = { inputTokens: 700, outputTokens: 350, cacheReadInputTokens: 50, cacheCreationInputTokens: 0 };
    await recordModelUsage({ orgId: DEMO_ORG_ID, planId: done, kind: "plan", runId: generationId }, usage);
    const run = {
      days: [],
      intakeData: undefined,
      planLengthDays: 3,
      model: "claude-haiku-4-5",
      usage: { ...usage, calls: 1 },
    };
    expect(await savePlan(done, generationId, run)).toBe("saved");
    // The replay finds the plan complete and writes nothing.
    expect(await savePlan(done, generationId, run)).toBe("settled");

    const listed = await call(plans.GET, { token: coach.token });
    expect(listed.json.usage).toEqual({ tokens_today: 1100, daily_budget: 1000 });

    const refused = await startPlan(coach.token, await createPlan({ org_id: DEMO_ORG_ID }));
    expectRefused(
      refused,
      "daily_budget",
      /^Your organisation has used 1,100 of its 1,000 model tokens today; generating can start again after midnight UTC \(in .+\)$/,
    );
    expect(Number(refused.headers.get("retry-after"))).toBeLessThanOrEqual(86_400);
    // Creating a plan calls no model: the budget does not hold it.
    expect((await call(plans.POST, { token: coach.token, body: { name: "Next", plan_length_days: 3 } })).status).toBe(
      201,
    );
    // Another org's budget is its own.
    const other = await newCoach(OTHER_ORG_ID);
    expect((await call(plans.GET, { token: other.token })).json.usage).toEqual({ tokens_today: 0, daily_budget: 1000 });
  });
});
