import { randomUUID } from "node:crypto";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, type MockInstance, vi } from "vitest";
import * as regenerate from "@/app/api/nutrition/plans/[planId]/days/[day]/regenerate/route";
import * as cancel from "@/app/api/nutrition/plans/[planId]/generate/cancel/route";
import * as start from "@/app/api/nutrition/plans/[planId]/generate/start/route";
import * as plans from "@/app/api/nutrition/plans/route";
import { inngest } from "@/inngest/binding/client";
import { settleInlineRuns } from "@/inngest/inline/inline-runner";
import { estimateDayRunTokens, estimatePlanRunTokens } from "@/inngest/run-estimate";
import { signLocalAccessToken } from "@/server/auth/access-token";
import { db } from "@/server/database/index";
import { resetEnvForTests } from "@/server/env";
import { call } from "../../support/api-client";
import { type FakeAnthropic, type FakeRequest, planFromPrompt, startFakeAnthropic } from "../../support/fake-anthropic";
import { readSavedPlan } from "../../support/generation-fixtures";
import { addDay, createPlan } from "../../support/plan-factory";

/**
 * The daily token budget sees every model call: whole plans, one-day
 * regenerations, retried attempts, runs that fail and runs that are
 * cancelled, each call counted as it returns (the figure the plans page
 * shows equals what the Messages API reported); and a start reserves its
 * run's estimate in the statement that takes its token, so concurrent starts
 * at the edge of the budget admit at most one, and starts racing on one plan
 * start one run for one token.
 */

const API_KEY = "sk-ant-test-spend-counting-0123456789";
let fake: FakeAnthropic;

beforeAll(async () => {
  fake = await startFakeAnthropic({ apiKey: API_KEY });
});
afterAll(async () => {
  await fake.close();
});
beforeEach(() => {
  vi.spyOn(console, "warn").mockImplementation(() => undefined); // the inline runner's notice, retries
  process.env.ANTHROPIC_API_KEY = API_KEY;
  process.env.ANTHROPIC_BASE_URL = fake.baseURL;
  process.env.GENERATION_STEP_BUDGET_SECONDS = "0";
  resetEnvForTests();
  fake.requests.length = 0;
  fake.respondWith(planFromPrompt); // restored between tests
});
afterEach(async () => {
  await settleInlineRuns();
  vi.restoreAllMocks();
  for (const name of [
    "ANTHROPIC_API_KEY",
    "ANTHROPIC_BASE_URL",
    "GENERATION_STEP_BUDGET_SECONDS",
    "GENERATION_RUNNER",
    "ORG_DAILY_TOKEN_BUDGET",
    "SPEND_LIMIT_SCALE",
  ]) {
    delete process.env[name];
  }
  resetEnvForTests();
});

/** A new org (its usage starts at 0) with one signed-in coach. */
async function newOrg(): Promise<{ orgId: string; token: string; coachId: string }> {
  const [org] = await db()<{ id: string }[]>`insert into orgs (name) values ('Counting') returning id`;
  const orgId = org?.id ?? "";
  const coachId = randomUUID();
  const email = `coach-${coachId.slice(0, 8)}@counting.test`;
  await db()`insert into auth.users (id, email, aud, role) values (${coachId}, ${email}, 'authenticated', 'authenticated')`;
  await db()`insert into org_members (org_id, user_id) values (${orgId}, ${coachId})`;
  return { orgId, coachId, token: (await signLocalAccessToken({ id: coachId, email })).token };
}

/** The tokens the fake Messages API reported for these requests (input, output and cache). */
function reported(requests: readonly FakeRequest[]): number {
  return requests.reduce((total, request) => {
    const usage = request.usage;
    if (!usage) return total;
    return (
      total +
      usage.input_tokens +
      usage.output_tokens +
      usage.cache_read_input_tokens +
      usage.cache_creation_input_tokens
    );
  }, 0);
}

/** What the plans page shows for the org today. */
async function shownToday(token: string): Promise<number> {
  const listed = await call(plans.GET, { token });
  return (listed.json.usage as { tokens_today: number }).tokens_today;
}

async function waitFor(condition: () => boolean, what: string): Promise<void> {
  for (let waited = 0; !condition(); waited += 10) {
    if (waited > 10_000) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

async function generated(org: { orgId: string; token: string }, days: number): Promise<string> {
  const planId = await createPlan({
    org_id: org.orgId,
    plan_length_days: days,
    intake_data: { calorie_target: 2200, meals_per_day: 4 },
  });
  expect((await call(start.POST, { token: org.token, params: { planId }, body: {} })).status).toBe(202);
  await settleInlineRuns();
  return planId;
}

describe("every model call counted against the daily budget", () => {
  it("counts a whole plan's calls", async () => {
    const org = await newOrg();
    const planId = await generated(org, 8);
    expect((await readSavedPlan(planId)).status).toBe("complete");
    expect(fake.requests).toHaveLength(2);
    expect(reported(fake.requests)).toBeGreaterThan(0);
    expect(await shownToday(org.token)).toBe(reported(fake.requests));
  });

  it("counts day regenerations", async () => {
    const org = await newOrg();
    const planId = await generated(org, 3);
    const afterPlan = reported(fake.requests);
    for (const day of ["1", "2", "3"]) {
      expect((await call(regenerate.POST, { token: org.token, params: { planId, day }, body: {} })).status).toBe(202);
      await settleInlineRuns();
    }
    expect(fake.requests).toHaveLength(4);
    expect(reported(fake.requests)).toBeGreaterThan(afterPlan);
    expect(await shownToday(org.token)).toBe(reported(fake.requests));
  });

  it("counts a retried attempt's cut-off answer as well as the retry", async () => {
    const org = await newOrg();
    fake.enqueue({ truncateAtTokens: 40 });
    const planId = await generated(org, 2);
    expect((await readSavedPlan(planId)).status).toBe("complete");
    expect(fake.requests).toHaveLength(2);
    expect(await shownToday(org.token)).toBe(reported(fake.requests));
  });

  it("counts every attempt of a run that fails", async () => {
    const org = await newOrg();
    fake.respondWith(() => ({ truncateAtTokens: 40 }));
    const planId = await generated(org, 1);
    expect((await readSavedPlan(planId)).status).toBe("error");
    expect(fake.requests.length).toBeGreaterThan(1);
    expect(await shownToday(org.token)).toBe(reported(fake.requests));
  });

  it("counts the calls a cancelled run made before it was cancelled", async () => {
    const org = await newOrg();
    // Pass one (days 1-5) answers; pass two never does, until the cancel aborts it.
    fake.respondWith((request) => (/Days to plan: 1\b/.test(request.user) ? planFromPrompt(request) : { hang: true }));
    const planId = await createPlan({
      org_id: org.orgId,
      plan_length_days: 8,
      intake_data: { calorie_target: 2200, meals_per_day: 4 },
    });
    expect((await call(start.POST, { token: org.token, params: { planId }, body: {} })).status).toBe(202);
    await waitFor(() => fake.requests.length === 2, "pass two's call");
    expect((await call(cancel.POST, { token: org.token, params: { planId }, body: {} })).status).toBe(202);
    await settleInlineRuns();
    expect(reported(fake.requests)).toBeGreaterThan(0);
    expect(await shownToday(org.token)).toBe(reported(fake.requests));
  });
});

describe("the budget is reserved, not only checked", () => {
  /** Inngest's send stubbed: starts are admitted or refused, nothing runs. */
  function queueOnly(): MockInstance {
    process.env.GENERATION_RUNNER = "inngest";
    resetEnvForTests();
    return vi.spyOn(inngest, "send").mockResolvedValue({ ids: ["queued"] } as never);
  }

  it("admits at most one of three concurrent 28-day starts one token under the budget", async () => {
    process.env.ORG_DAILY_TOKEN_BUDGET = "1000000";
    queueOnly();
    const org = await newOrg();
    await db()`
      insert into org_daily_usage (org_id, usage_date, tokens)
      values (${org.orgId}, (now() at time zone 'utc')::date, ${1_000_000 - 1})`;
    const planIds = await Promise.all([1, 2, 3].map(() => createPlan({ org_id: org.orgId, plan_length_days: 28 })));
    const answers = await Promise.all(
      planIds.map((planId) => call(start.POST, { token: org.token, params: { planId }, body: {} })),
    );
    const statuses = answers.map((answer) => answer.status).sort();
    expect(statuses).toEqual([202, 429, 429]);
    for (const refused of answers.filter((answer) => answer.status === 429)) {
      expect(refused.json.details).toMatchObject({ limit: "daily_budget" });
      expect(refused.json.error).toMatch(/runs in progress may use [\d,]+ more/);
    }
    // The admitted run holds its estimate: what the org may still spend is at most one run's worth past the budget.
    const [held] = await db()<{ reserved: number }[]>`
      select sum(generation_reserved_tokens)::float8 as reserved from meal_plans where org_id = ${org.orgId}`;
    expect(held?.reserved).toBe(estimatePlanRunTokens(28));
  });

  it("admits a start under the budget once the run before it has ended and released its reservation", async () => {
    process.env.ORG_DAILY_TOKEN_BUDGET = String(estimatePlanRunTokens(3));
    queueOnly();
    const org = await newOrg();
    const [first, second] = await Promise.all([1, 2].map(() => createPlan({ org_id: org.orgId })));
    expect((await call(start.POST, { token: org.token, params: { planId: first ?? "" }, body: {} })).status).toBe(202);
    // Reserved: the next one waits for the first.
    const waiting = await call(start.POST, { token: org.token, params: { planId: second ?? "" }, body: {} });
    expect(waiting.status).toBe(429);
    expect(waiting.headers.get("retry-after")).toBe("60");
    // The first run is cancelled: its reservation no longer counts.
    expect((await call(cancel.POST, { token: org.token, params: { planId: first ?? "" }, body: {} })).status).toBe(202);
    expect((await call(start.POST, { token: org.token, params: { planId: second ?? "" }, body: {} })).status).toBe(202);
  });

  it("reserves a day regeneration's estimate too", async () => {
    process.env.ORG_DAILY_TOKEN_BUDGET = String(estimateDayRunTokens(3));
    queueOnly();
    const org = await newOrg();
    const [first, second] = await Promise.all(
      [1, 2].map(() => createPlan({ org_id: org.orgId, generation_status: "complete" })),
    );
    for (const planId of [first, second]) await addDay(planId ?? "", 1);
    const regenerateDay = (planId: string | undefined) =>
      call(regenerate.POST, { token: org.token, params: { planId: planId ?? "", day: "1" }, body: {} });
    expect((await regenerateDay(first)).status).toBe(202);
    const [held] = await db()<{ reserved: number }[]>`
      select day_generation_reserved_tokens::float8 as reserved from meal_plans where id = ${first ?? ""}`;
    expect(held?.reserved).toBe(estimateDayRunTokens(3));
    const refused = await regenerateDay(second);
    expect(refused.status).toBe(429);
    expect(refused.json.details).toMatchObject({ limit: "daily_budget" });
  });

  it("starts one run for one token when eight starts of one plan race, and answers all of them 202 with its id", async () => {
    process.env.SPEND_LIMIT_SCALE = "1";
    const send = queueOnly();
    const org = await newOrg();
    const planId = await createPlan({ org_id: org.orgId });
    const answers = await Promise.all(
      Array.from({ length: 8 }, () => call(start.POST, { token: org.token, params: { planId }, body: {} })),
    );
    expect(answers.map((answer) => answer.status)).toEqual(Array(8).fill(202));
    expect(new Set(answers.map((answer) => answer.json.generation_id)).size).toBe(1);
    expect(send).toHaveBeenCalledTimes(1);
    // One token taken from the coach's burst of 4: three more plans still start.
    for (let n = 0; n < 3; n++) {
      const other = await createPlan({ org_id: org.orgId });
      expect((await call(start.POST, { token: org.token, params: { planId: other }, body: {} })).status).toBe(202);
    }
  });
});
