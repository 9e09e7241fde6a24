import { beforeAll, describe, expect, it } from "vitest";
import * as start from "@/app/api/nutrition/plans/[planId]/generate/start/route";
import * as plans from "@/app/api/nutrition/plans/route";
import { db } from "@/server/database/index";
import { call, demoCoachToken } from "../../support/api-client";
import { createPlan } from "../../support/plan-factory";

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
    // The database's refusal is the backstop: a whole-number column given a fraction or a number past its range.
    ["a fractional legacy calorie_target", { name: "x", plan_length_days: 3, calorie_target: 2000.5 }],
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
