import { afterEach, describe, expect, it, vi } from "vitest";
import * as planDetail from "@/app/api/nutrition/plans/[planId]/route";
import * as share from "@/app/api/nutrition/plans/[planId]/share/route";
import * as plans from "@/app/api/nutrition/plans/route";
import { settleInlineRuns } from "@/inngest/inline/inline-runner";
import { db } from "@/server/database/index";
import { readSharedPlan } from "@/server/share-links";
import { call } from "../../support/api-client";
import { addDay, createPlan } from "../../support/plan-factory";
import { withCoachTokens } from "../../support/run-test-hooks";
import { DEMO_CLIENT_ID, DEMO_COACH_ID } from "../../support/seed-ids";

/**
 * A plan's start date and the title its client reads: set on create,
 * changed later with PATCH …/plans/{planId}, refused with a 400 naming the
 * field when wrong, another org's plan 404; the shared page's data carries
 * the client's title, the coach's and the org's names and nothing internal.
 */

const coaches = withCoachTokens();
afterEach(async () => {
  await settleInlineRuns();
  vi.restoreAllMocks();
});

const patch = (planId: string, body: unknown, as = coaches.token) =>
  call(planDetail.PATCH, { token: as, params: { planId }, body, method: "PATCH" });

describe("creating a plan with a start date and a client's title", () => {
  it("stores both, and the plan reads them back", async () => {
    const created = await call(plans.POST, {
      token: coaches.token,
      body: {
        name: "Alex · cut v2",
        plan_length_days: 7,
        start_date: "2026-12-07",
        client_title: " Your winter plan ",
      },
    });
    expect(created.status).toBe(201);
    const planId = created.json.id as string;
    const read = await call(planDetail.GET, { token: coaches.token, params: { planId } });
    expect(read.json).toMatchObject({ start_date: "2026-12-07", client_title: "Your winter plan" });
  });

  it("leaves both empty when not given", async () => {
    const created = await call(plans.POST, { token: coaches.token, body: { name: "Plain", plan_length_days: 3 } });
    const read = await call(planDetail.GET, { token: coaches.token, params: { planId: created.json.id as string } });
    expect(read.json).toMatchObject({ start_date: null, client_title: null });
  });

  it.each([
    ["a date in another format", { start_date: "07/12/2026" }, "start_date"],
    ["a day the calendar lacks", { start_date: "2026-02-30" }, "start_date"],
    ["a year out of range", { start_date: "1999-12-31" }, "start_date"],
    ["a blank title", { client_title: "   " }, "client_title"],
    ["a title too long", { client_title: "t".repeat(121) }, "client_title"],
  ])("answers 400 for %s, naming the field", async (_what, extra, field) => {
    const response = await call(plans.POST, {
      token: coaches.token,
      body: { name: "Refused", plan_length_days: 3, ...extra },
    });
    expect(response.status).toBe(400);
    expect(response.json.details).toEqual([expect.objectContaining({ path: field })]);
  });
});

describe("PATCH /api/nutrition/plans/{planId}", () => {
  it("sets the start date and the title, one or both, and null clears one", async () => {
    const planId = await createPlan();
    expect(await patch(planId, { start_date: "2027-01-04" })).toMatchObject({
      status: 200,
      json: { start_date: "2027-01-04", client_title: null },
    });
    expect(await patch(planId, { client_title: "Four weeks to the race" })).toMatchObject({
      status: 200,
      json: { start_date: "2027-01-04", client_title: "Four weeks to the race" },
    });
    expect((await patch(planId, { start_date: null })).json).toEqual({
      start_date: null,
      client_title: "Four weeks to the race",
    });
    const [stored] = await db()<{ start_date: string | null; client_title: string }[]>`
      select start_date::text, client_title from meal_plans where id = ${planId}`;
    expect(stored).toEqual({ start_date: null, client_title: "Four weeks to the race" });
  });

  it.each([
    ["an empty body", {}],
    ["a wrong date", { start_date: "next Monday" }],
    ["a number for a title", { client_title: 42 }],
    ["another field of the plan", { name: "Renamed" }],
    ["a field the plan does not have", { start_date: "2027-01-04", org_id: "someone else's" }],
  ])("answers 400 for %s and changes nothing", async (_what, body) => {
    const planId = await createPlan({ start_date: "2026-12-07", client_title: "Kept" });
    const response = await patch(planId, body);
    expect(response.status).toBe(400);
    expect(response.json.error).toEqual(expect.any(String));
    const read = await call(planDetail.GET, { token: coaches.token, params: { planId } });
    expect(read.json).toMatchObject({ name: "Test plan", start_date: "2026-12-07", client_title: "Kept" });
  });

  it("is 404 for another org's plan, which keeps its settings", async () => {
    const planId = await createPlan({ client_title: "Theirs" });
    expect((await patch(planId, { client_title: "Mine now" }, coaches.otherToken)).status).toBe(404);
    const [stored] = await db()<{ client_title: string }[]>`select client_title from meal_plans where id = ${planId}`;
    expect(stored?.client_title).toBe("Theirs");
  });

  it("is refused by the database too when a value is out of range", async () => {
    const planId = await createPlan();
    await expect(db()`update meal_plans set start_date = '1900-01-01' where id = ${planId}`).rejects.toThrow(
      /meal_plans_start_date_range/,
    );
    await expect(db()`update meal_plans set client_title = '  ' where id = ${planId}`).rejects.toThrow(
      /meal_plans_client_title_length/,
    );
  });
});

describe("the client's copy (a share link's data)", () => {
  async function sharedPlan(overrides: Parameters<typeof createPlan>[0]) {
    const planId = await createPlan({ generation_status: "complete", ...overrides });
    await addDay(planId, 1);
    await addDay(planId, 2);
    const response = await call(share.POST, { token: coaches.token, params: { planId }, body: {} });
    expect(response.status).toBe(201);
    const shareToken = new URL(response.json.url as string).pathname.split("/").at(-1) ?? "";
    return { planId, shared: await readSharedPlan(shareToken) };
  }

  it("carries the client's title, the start date, the coach's and the org's names", async () => {
    const { shared } = await sharedPlan({
      name: "Alex - cut, macros v3 (internal)",
      client_id: DEMO_CLIENT_ID,
      created_by: DEMO_COACH_ID,
      start_date: "2026-12-07",
      client_title: "Your December plan",
    });
    expect(shared).toMatchObject({
      title: "Your December plan",
      start_date: "2026-12-07",
      coach_name: "Demo Coach",
      org_name: "Demo Coaching",
    });
  });

  it("is titled for the client by first name when the coach wrote no title, never with the internal name", async () => {
    const { shared } = await sharedPlan({ name: "Alex - cut v3 (internal)", client_id: DEMO_CLIENT_ID });
    expect(shared?.title).toBe("Meal plan for Alex");
    expect(shared?.coach_name).toBeNull();
    const { shared: noClient } = await sharedPlan({ name: "Template 12 (internal)" });
    expect(noClient?.title).toBe("Your meal plan");
  });

  it("holds nothing internal: no plan name, notes, brief, client record or ids of the plan and client", async () => {
    const { planId, shared } = await sharedPlan({
      name: "INTERNAL-NAME-7731",
      client_id: DEMO_CLIENT_ID,
      intake_data: { calorie_target: 2000, notes: "INTERNAL-NOTE: knee injury, private", goal: "INTERNAL-GOAL" },
    });
    const text = JSON.stringify(shared);
    for (const secret of ["INTERNAL-NAME-7731", "INTERNAL-NOTE", "INTERNAL-GOAL", planId, DEMO_CLIENT_ID, "Rivera"]) {
      expect(text).not.toContain(secret);
    }
    expect(Object.keys(shared ?? {})).not.toEqual(expect.arrayContaining(["name"]));
  });
});
