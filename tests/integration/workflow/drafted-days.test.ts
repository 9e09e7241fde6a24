import { randomUUID } from "node:crypto";
import { InngestTestEngine } from "@inngest/test";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import * as cancel from "@/app/api/nutrition/plans/[planId]/generate/cancel/route";
import * as start from "@/app/api/nutrition/plans/[planId]/generate/start/route";
import * as status from "@/app/api/nutrition/plans/[planId]/generate/status/route";
import { draftCursor } from "@/generation/drafts/draft-cursor";
import type { DraftDay } from "@/generation/drafts/draft-day";
import { planDaysFunction } from "@/inngest/binding/plan-days-function";
import { settleInlineRuns } from "@/inngest/inline/inline-runner";
import { asUser, db } from "@/server/database/index";
import { generationStore } from "@/server/generation-store";
import { call } from "../../support/api-client";
import { createGeneratingPlan, draftOfDay, readSavedPlan } from "../../support/generation-fixtures";
import { withCoachTokens } from "../../support/run-test-hooks";
import { DEMO_COACH_ID, OTHER_COACH_ID } from "../../support/seed-ids";

/**
 * Drafted days: each chunk's checked days, stored as drafts of the running
 * generation and read through the status route (`drafts_after`), gone once
 * the plan is saved, cancelled or started again, and never another org's.
 */

const coaches = withCoachTokens();
beforeEach(() => {
  // The inline runner says it is not durable.
  vi.spyOn(console, "warn").mockImplementation(() => undefined);
});
afterEach(async () => {
  await settleInlineRuns();
  vi.restoreAllMocks();
});

type Drafts = { generation_id: string; days: DraftDay[]; cursor: string };

async function readStatus(planId: string, after = "start", as = coaches.token) {
  const response = await call(status.GET, {
    token: as,
    params: { planId },
    query: `?drafts_after=${encodeURIComponent(after)}`,
  });
  return { status: response.status, body: response.json as { drafts?: Drafts; progress: { days_done?: number } } };
}

async function storedDrafts(planId: string): Promise<{ generation_id: string; day_number: number }[]> {
  return db()`select generation_id, day_number from meal_plan_drafts where plan_id = ${planId} order by day_number`;
}

const draft = (planId: string, generationId: string, days: number[], food = "Porridge oats") =>
  generationStore.addDaysDone(
    planId,
    generationId,
    "pass-one",
    { days: `days ${days.join(", ")}`, drafts: days.map((day) => draftOfDay(day, food)) },
    7,
  );

describe("drafted days of a running generation", () => {
  it("are read in day order, and a cursor brings only the days drafted since", async () => {
    const run = await createGeneratingPlan({ plan_length_days: 7 });
    await draft(run.planId, run.generationId, [3, 4]);
    await draft(run.planId, run.generationId, [1, 2]);

    const first = await readStatus(run.planId);
    expect(first.status).toBe(200);
    expect(first.body.drafts?.generation_id).toBe(run.generationId);
    expect(first.body.drafts?.days.map((day) => day.day_number)).toEqual([1, 2, 3, 4]);
    expect(first.body.drafts?.days[0]?.meals[0]?.items[0]).toMatchObject({ name: "Porridge oats", grams: 80 });
    expect(first.body.progress.days_done).toBe(4);

    await draft(run.planId, run.generationId, [5]);
    const next = await readStatus(run.planId, first.body.drafts?.cursor);
    expect(next.body.drafts?.days.map((day) => day.day_number)).toEqual([5]);
    expect(next.body.drafts?.cursor).toBe(draftCursor(run.generationId, [1, 2, 3, 4, 5]));
    const nothingNew = await readStatus(run.planId, next.body.drafts?.cursor);
    expect(nothingNew.body.drafts?.days).toEqual([]);
  });

  it("are not in the status answer unless asked for, and a cursor the server never gave is a 400", async () => {
    const run = await createGeneratingPlan({ plan_length_days: 7 });
    await draft(run.planId, run.generationId, [1]);
    const plain = await call(status.GET, { token: coaches.token, params: { planId: run.planId } });
    expect(plain.json).not.toHaveProperty("drafts");
    for (const bad of ["yesterday", `${run.generationId}:999999999`, "not-a-uuid-at-all-but-36-characters-:1"]) {
      const refused = await readStatus(run.planId, bad);
      expect(refused.status).toBe(400);
      expect(String((refused.body as unknown as { error: string }).error)).toMatch(/drafts_after/);
    }
  });

  it("are written once per day when a chunk's step is tried again, the answer of the last attempt kept", async () => {
    const run = await createGeneratingPlan({ plan_length_days: 7 });
    await draft(run.planId, run.generationId, [1, 2], "Porridge oats");
    await draft(run.planId, run.generationId, [1, 2], "Rye bread");
    expect(await storedDrafts(run.planId)).toHaveLength(2);
    const read = await readStatus(run.planId);
    expect(read.body.drafts?.days.map((day) => day.meals[0]?.items[0]?.name)).toEqual(["Rye bread", "Rye bread"]);
    // The progress counts days drafted, not chunks finished: a retried chunk is not counted twice.
    expect(read.body.progress.days_done).toBe(2);
  });

  it("are written once per day when the real plan-days function runs the same chunk twice", async () => {
    const run = await createGeneratingPlan({ plan_length_days: 7 });
    const request = await chunkRequest(run);
    for (let attempt = 0; attempt < 2; attempt += 1) {
      const { error } = await new InngestTestEngine({
        function: planDaysFunction,
        events: [{ name: "inngest/function.invoked", data: request }],
      }).execute();
      expect(error).toBeUndefined();
    }
    expect((await storedDrafts(run.planId)).map((row) => row.day_number)).toEqual([1, 2]);
    expect((await readStatus(run.planId)).body.progress.days_done).toBe(2);
  });

  it("are gone once the plan is saved: the balanced days replace them", async () => {
    const planId = await createPlanToGenerate(3);
    expect((await call(start.POST, { token: coaches.token, params: { planId }, body: {} })).status).toBe(202);
    await settleInlineRuns();
    expect((await readSavedPlan(planId)).status).toBe("complete");
    expect(await storedDrafts(planId)).toEqual([]);
    expect((await readStatus(planId)).body).not.toHaveProperty("drafts");
  });

  it("are gone once the coach cancels the run", async () => {
    const run = await createGeneratingPlan({ plan_length_days: 7 });
    await draft(run.planId, run.generationId, [1, 2]);
    expect((await call(cancel.POST, { token: coaches.token, params: { planId: run.planId }, body: {} })).status).toBe(
      202,
    );
    expect(await storedDrafts(run.planId)).toEqual([]);
    expect((await readStatus(run.planId)).body).not.toHaveProperty("drafts");
    // The cancelled run's chunk in flight writes nothing when it lands.
    await draft(run.planId, run.generationId, [3]);
    expect(await storedDrafts(run.planId)).toEqual([]);
  });

  it("of an earlier run are superseded by a restart, and a late chunk of that run writes none", async () => {
    const run = await createGeneratingPlan({ plan_length_days: 7 });
    await draft(run.planId, run.generationId, [1, 2]);
    // The run failed; the coach presses Generate again.
    await generationStore.markFailed(run.planId, run.generationId, "529 overloaded");
    const restarted = await call(start.POST, { token: coaches.token, params: { planId: run.planId }, body: {} });
    expect(restarted.status).toBe(202);
    const newRun = String(restarted.json.generation_id);
    const ofOldRun = async () =>
      (await storedDrafts(run.planId)).filter((row) => row.generation_id === run.generationId);
    expect(await ofOldRun()).toEqual([]);

    await draft(run.planId, run.generationId, [3]);
    expect(await ofOldRun()).toEqual([]);
    await settleInlineRuns();
    expect((await readSavedPlan(run.planId)).status).toBe("complete");
    expect(await storedDrafts(run.planId)).toEqual([]);
    expect(newRun).not.toBe(run.generationId);
  });

  it("of the current run reach a reader holding an earlier run's cursor from the first, without the earlier days", async () => {
    const run = await createGeneratingPlan({ plan_length_days: 7 });
    await draft(run.planId, run.generationId, [1, 2]);
    const before = await readStatus(run.planId);
    const newRun = randomUUID();
    await db()`update meal_plans set generation_id = ${newRun} where id = ${run.planId}`;
    await draft(run.planId, newRun, [1], "Rye bread");

    const after = await readStatus(run.planId, before.body.drafts?.cursor);
    expect(after.body.drafts?.generation_id).toBe(newRun);
    expect(after.body.drafts?.days.map((day) => [day.day_number, day.meals[0]?.items[0]?.name])).toEqual([
      [1, "Rye bread"],
    ]);
    expect(after.body.drafts?.cursor).toBe(draftCursor(newRun, [1]));
  });

  it("of another org can be read neither through the status route nor as the coach's database role", async () => {
    const run = await createGeneratingPlan({ plan_length_days: 7 });
    await draft(run.planId, run.generationId, [1, 2]);
    expect((await readStatus(run.planId, "start", coaches.otherToken)).status).toBe(404);

    const seen = (sub: string) =>
      asUser(
        { sub, role: "authenticated" },
        (tx) => tx`select day_number from meal_plan_drafts where plan_id = ${run.planId}`,
      );
    expect(await seen(OTHER_COACH_ID)).toHaveLength(0);
    expect(await seen(DEMO_COACH_ID)).toHaveLength(2);
    await expect(
      asUser(
        { sub: DEMO_COACH_ID, role: "authenticated" },
        (tx) => tx`delete from meal_plan_drafts where plan_id = ${run.planId}`,
      ),
    ).rejects.toThrow(/permission denied/);
  });
});

async function createPlanToGenerate(days: number): Promise<string> {
  const run = await createGeneratingPlan({ plan_length_days: days });
  await db()`update meal_plans set generation_status = 'idle', generation_id = null where id = ${run.planId}`;
  return run.planId;
}

/** A chunk of days 1-2 as load-context would describe it, planned by the offline planner (no API key). */
async function chunkRequest(run: Awaited<ReturnType<typeof createGeneratingPlan>>) {
  const loaded = await generationStore.loadPlanForGeneration(run.planId, run.generationId);
  if (loaded.status !== "current") throw new Error("the plan should be current");
  const { resolvePlanSpec } = await import("@/generation/intake/resolve-plan-spec");
  const { planRestrictions } = await import("@/generation/catalogue/food-restrictions");
  const { selectCandidates } = await import("@/generation/catalogue/select-candidates");
  const spec = resolvePlanSpec(loaded.plan, {});
  const restrictions = planRestrictions(spec, loaded.catalogue);
  const candidates = selectCandidates(
    loaded.catalogue,
    { ...restrictions, macroSplit: spec.macroSplit },
    { seed: "s" },
  );
  return {
    kind: "chunk",
    planId: run.planId,
    orgId: run.orgId,
    generationId: run.generationId,
    passId: "pass-one",
    spec,
    restrictions,
    candidates,
    chunk: { days: [1, 2], maxTokens: 2000 },
    avoidFoodIds: [],
  };
}
