import { inngestConfig, MAX_PLAN_DAYS } from "@inngest-config";
import { describe, expect, it } from "vitest";
import { chooseModel, DEFAULT_GENERATION_CONFIG } from "@/generation/generation-config";
import { parseGenerateBody } from "@/generation/intake/intake";
import { chunkPass } from "@/generation/passes/chunk-pass";
import { modelCallConcurrency, planWorkflowConcurrency } from "@/inngest/concurrency-limits";
import { ConcurrencySlots, type SlotClaim, StepCancelled, slotClaims } from "@/inngest/inline/concurrency-slots";
import { chunkLimitsFor } from "@/inngest/story/run-dependencies";
import { parseEnv } from "@/server/env";
import { range } from "../../support/generation-fixtures";

/** A step that runs until released, recording when it started. */
function heldStep(slots: ConcurrencySlots, claims: SlotClaim[], started: string[], name: string, signal?: AbortSignal) {
  let release: () => void = () => {};
  const finished = new Promise<void>((resolve) => {
    release = resolve;
  });
  const done = slots.hold(
    claims,
    async () => {
      started.push(name);
      await finished;
    },
    signal,
  );
  return { release, done };
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe("account slots following the provider's own limit", () => {
  it("narrow to the calls the provider took when it answers 429, and widen again after rounds of successes", async () => {
    const slots = new ConcurrencySlots();
    const account: SlotClaim = { slot: "account|key", limit: 5 };
    const started: string[] = [];
    const first = ["1", "2", "3"].map((name) => heldStep(slots, [account], started, name));
    await tick();
    // The third call met a 429 while three were in flight: the provider took two.
    slots.rateLimited([account]);
    expect(slots.limitOf(account)).toBe(2);
    first[2]?.release();
    await first[2]?.done;
    const waiting = heldStep(slots, [account], started, "4");
    await tick();
    expect(started).toEqual(["1", "2", "3"]);
    first[0]?.release();
    await tick();
    expect(started).toEqual(["1", "2", "3", "4"]);
    // Four rounds of two successes lift the ceiling by one; back at the limit it is forgotten.
    for (let call = 0; call < 8; call++) slots.succeeded([account]);
    expect(slots.limitOf(account)).toBe(3);
    for (let call = 0; call < 12 + 16; call++) slots.succeeded([account]);
    expect(slots.limitOf(account)).toBe(5);
    slots.rateLimited([account]);
    expect(slots.limitOf(account)).toBe(1);
    for (const step of [...first, waiting]) step.release();
    await Promise.all([...first, waiting].map((step) => step.done));
  });
});

describe("concurrency slots, as Inngest counts them", () => {
  it("admits as many steps as the limit and starts the next when one ends", async () => {
    const slots = new ConcurrencySlots();
    const started: string[] = [];
    const claim = [{ slot: "plan-a", limit: 2 }];
    const steps = ["one", "two", "three"].map((name) => heldStep(slots, claim, started, name));
    await tick();
    expect(started).toEqual(["one", "two"]);
    steps[0]?.release();
    await tick();
    expect(started).toEqual(["one", "two", "three"]);
    for (const step of steps) step.release();
    await Promise.all(steps.map((step) => step.done));
    expect(slots.inUse("plan-a")).toBe(0);
  });

  it("takes a slot in every limit a step matches, and serves waiting steps in order", async () => {
    const slots = new ConcurrencySlots();
    const started: string[] = [];
    const account = { slot: "account", limit: 2 };
    const a1 = heldStep(slots, [{ slot: "plan-a", limit: 1 }, account], started, "a1");
    const a2 = heldStep(slots, [{ slot: "plan-a", limit: 1 }, account], started, "a2");
    const b1 = heldStep(slots, [{ slot: "plan-b", limit: 1 }, account], started, "b1");
    const c1 = heldStep(slots, [{ slot: "plan-c", limit: 1 }, account], started, "c1");
    await tick();
    // a2 waits for plan a's only slot without holding b1 back; the account is then full, so c1 waits.
    expect(started).toEqual(["a1", "b1"]);
    a1.release();
    await tick();
    // a2 arrived before c1: it gets the freed account slot first.
    expect(started).toEqual(["a1", "b1", "a2"]);
    b1.release();
    await tick();
    expect(started).toEqual(["a1", "b1", "a2", "c1"]);
    a2.release();
    c1.release();
    await Promise.all([a1.done, a2.done, b1.done, c1.done]);
  });

  it("lets a cancelled step leave the queue without taking a slot", async () => {
    const slots = new ConcurrencySlots();
    const started: string[] = [];
    const claim = [{ slot: "plan-a", limit: 1 }];
    const first = heldStep(slots, claim, started, "first");
    const controller = new AbortController();
    const cancelled = heldStep(slots, claim, started, "cancelled", controller.signal);
    const last = heldStep(slots, claim, started, "last");
    controller.abort();
    await expect(cancelled.done).rejects.toBeInstanceOf(StepCancelled);
    first.release();
    await tick();
    expect(started).toEqual(["first", "last"]);
    last.release();
    await Promise.all([first.done, last.done]);
  });
});

describe("the plan workflow's concurrency limits", () => {
  it("key the plan functions per plan only, and model calls per account and per org, from inngest.config.ts", () => {
    expect(planWorkflowConcurrency(parseEnv({}))).toEqual([
      { scope: "env", key: "event.data.planId", limit: inngestConfig.perPlanConcurrency.limit },
    ]);
    expect(modelCallConcurrency(parseEnv({}))).toEqual([
      { scope: "account", key: '"anthropic-messages"', limit: 5 },
      { scope: "fn", key: "event.data.orgId", limit: 3 },
    ]);
    expect(planWorkflowConcurrency(parseEnv({ GENERATION_PER_PLAN_CONCURRENCY: "1" }))[0].limit).toBe(1);
    const raised = modelCallConcurrency(parseEnv({ GENERATION_MAX_CONCURRENT_MODEL_CALLS: "40" }));
    expect(raised.map((limit) => limit.limit)).toEqual([40, 24]);
    const perOrg = modelCallConcurrency(
      parseEnv({ GENERATION_MAX_CONCURRENT_MODEL_CALLS: "4", GENERATION_MAX_CONCURRENT_MODEL_CALLS_PER_ORG: "9" }),
    );
    expect(perOrg.map((limit) => limit.limit)).toEqual([4, 4]);
  });

  it("give each plan its own slot key, each org its own model key, and share the account's", () => {
    const limits = planWorkflowConcurrency(parseEnv({}));
    const [planA] = slotClaims(limits, "generate-meal-plan", { planId: "a" });
    const [planB] = slotClaims(limits, "generate-meal-plan", { planId: "b" });
    expect(planA?.slot).not.toBe(planB?.slot);
    const models = modelCallConcurrency(parseEnv({}));
    const [accountA, orgA] = slotClaims(models, "plan-days", { planId: "a", orgId: "org-1" });
    const [accountB, orgB] = slotClaims(models, "plan-days", { planId: "b", orgId: "org-1" });
    const [accountC, orgC] = slotClaims(models, "plan-days", { planId: "c", orgId: "org-2" });
    expect(new Set([accountA?.slot, accountB?.slot, accountC?.slot]).size).toBe(1);
    expect(orgA?.slot).toBe(orgB?.slot);
    expect(orgC?.slot).not.toBe(orgA?.slot);
    // Scope env: a day regeneration of plan a queues on the same per-plan slot as its whole-plan run.
    const [dayRunOfA] = slotClaims(limits, "regenerate-plan-day", { planId: "a" });
    expect(dayRunOfA?.slot).toBe(planA?.slot);
    expect(() => slotClaims([{ key: "event.data.plan.id", limit: 1 }], "f", {})).toThrow(/cannot evaluate/);
  });

  it("admit every chunk of the largest wave a plan can have, at any step budget", () => {
    expect(parseGenerateBody({ plan_length_days: MAX_PLAN_DAYS }).ok).toBe(true);
    expect(parseGenerateBody({ plan_length_days: MAX_PLAN_DAYS + 1 }).ok).toBe(false);
    const perPlan = inngestConfig.perPlanConcurrency.limit;
    for (const budget of [1, 5, 20, 60]) {
      for (const days of [1, 3, 7, 14, 28]) {
        const { model, maxTokens } = chooseModel(days, DEFAULT_GENERATION_CONFIG);
        expect(chunkPass(range(1, days), maxTokens, chunkLimitsFor(budget)(model)).length).toBeLessThanOrEqual(perPlan);
      }
    }
  });
});
