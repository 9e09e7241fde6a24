import { afterEach, beforeAll, describe, expect, it } from "vitest";
import * as devSession from "@/app/api/dev/session/route";
import * as start from "@/app/api/nutrition/plans/[planId]/generate/start/route";
import * as plans from "@/app/api/nutrition/plans/route";
import { db } from "@/server/database/index";
import { resetEnvForTests } from "@/server/env";
import { call, demoCoachToken } from "../../support/api-client";
import { createPlan } from "../../support/plan-factory";
import { DEMO_ORG_ID } from "../../support/seed-ids";

let token: string;
beforeAll(async () => {
  token = await demoCoachToken();
});

/** Written by hand: JSON.stringify itself cannot go this deep. */
function deeplyNestedBody(depth: number): string {
  return `{"name":"x","plan_length_days":3,"intake_data":{"extra":${"[".repeat(depth)}1${"]".repeat(depth)}}}`;
}

describe("input PostgreSQL cannot store, or built to exhaust the server", () => {
  it.each([
    ["a NUL character in a name", { name: "a\u0000b", plan_length_days: 3 }],
    ["a NUL character in intake notes", { name: "x", plan_length_days: 3, intake_data: { notes: "fine\u0000not" } }],
    ["a lone surrogate", { name: "x\ud800", plan_length_days: 3 }],
    ["a NUL character in a key", { name: "x", plan_length_days: 3, intake_data: { "odd\u0000key": 1 } }],
    ["nesting 20,000 levels deep", deeplyNestedBody(20_000)],
  ])("answers 400, never 500, for %s", async (_label, body) => {
    const response = await call(plans.POST, { token, body });
    expect(response.status).toBe(400);
    expect(response.json.error).toEqual(expect.any(String));
  });

  it("refuses the same text on /generate/start before any run is paid for", async () => {
    const planId = await createPlan();
    const response = await call(start.POST, { token, params: { planId }, body: { goal: "bulk\u0000" } });
    expect(response.status).toBe(400);
    const [row] = await db()`select generation_status from meal_plans where id = ${planId}`;
    expect(row?.generation_status).toBe("idle");
  });
});

/** NODE_ENV is typed read-only (Next sets it); tests still need to pretend to be a production build. */
function setNodeEnv(value: string) {
  (process.env as Record<string, string>).NODE_ENV = value;
}

describe("local sign-in is only for the seeded demo accounts", () => {
  afterEach(() => {
    setNodeEnv("test");
    delete process.env.LOCAL_AUTH;
    resetEnvForTests();
  });

  it("is absent in a production build unless LOCAL_AUTH=1", async () => {
    setNodeEnv("production");
    resetEnvForTests();
    expect((await call(devSession.POST, { body: { email: "coach@demo.test" } })).status).toBe(404);
    process.env.LOCAL_AUTH = "1";
    resetEnvForTests();
    expect((await call(devSession.POST, { body: { email: "coach@demo.test" } })).status).toBe(200);
  });

  it("never signs in a real person's account, even one in an org", async () => {
    const [user] = await db()<{ id: string }[]>`
      insert into auth.users (id, email, aud, role) values (gen_random_uuid(), 'real.person@example.com', 'authenticated', 'authenticated')
      returning id`;
    await db()`insert into org_members (org_id, user_id) values (${DEMO_ORG_ID}, ${user?.id ?? ""})`;
    expect((await call(devSession.POST, { body: { email: "real.person@example.com" } })).status).toBe(401);
  });
});
