import { describe, expect, it } from "vitest";
import { DEFAULT_GENERATION_CONFIG, type GenerationConfig } from "@/generation/generation-config";
import type { ModelPort, PassToPlan } from "@/generation/model/model-port";
import { createOfflineModel } from "@/generation/offline/offline-model";
import { generateMealPlan } from "@/inngest/story/generate-meal-plan";
import type { PlannedChunk } from "@/inngest/story/model-step-request";
import { chunkLimitsFor } from "@/inngest/story/run-dependencies";
import { seedCatalogue } from "../../support/seed-catalogue";
import { inMemoryStore } from "../../support/workflow-in-memory";

/** A model port that records what it was asked and plans offline. */
function recordingModel(passes: PassToPlan[]): ModelPort {
  const offline = createOfflineModel();
  return {
    name: "claude",
    planPass: (pass, options) => {
      passes.push(pass);
      return offline.planPass(pass, options);
    },
  };
}

const quiet = { info: () => {}, warn: () => {} };

describe("the model a plan is written by", () => {
  it("is chosen once, when the run loads its context: a chunk is planned by the model its budget was sized for", async () => {
    const passes: PassToPlan[] = [];
    // The configuration changes after load-context (a deploy while the run is in flight).
    const config: GenerationConfig = { ...DEFAULT_GENERATION_CONFIG, models: { ...DEFAULT_GENERATION_CONFIG.models } };
    await generateMealPlan(
      { planId: "memory-plan", orgId: "memory-org", generationId: "generation-1", request: {} },
      {
        run: async (id, work) => {
          const result = await work();
          if (id === "load-context") config.models.longPlan = "claude-deployed-since";
          return result;
        },
      },
      {
        model: recordingModel(passes),
        store: inMemoryStore({ plan_length_days: 7 }, seedCatalogue()),
        config,
        chunkLimitsFor: chunkLimitsFor(20),
        logger: quiet,
      },
    );
    expect(passes.length).toBe(7);
    expect(new Set(passes.map((pass) => pass.model))).toEqual(new Set([DEFAULT_GENERATION_CONFIG.models.longPlan]));
  });

  it("is chosen again from the plan's length for chunks memoised before the model travelled with them", async () => {
    const passes: PassToPlan[] = [];
    type Context = { passOne: PlannedChunk[]; passTwo: PlannedChunk[] };
    const withoutModel = ({ model: _model, ...chunk }: PlannedChunk) => chunk;
    await generateMealPlan(
      { planId: "memory-plan", orgId: "memory-org", generationId: "generation-1", request: {} },
      {
        run: async (id, work) => {
          const result = await work();
          if (id !== "load-context") return result;
          // What a run in flight replays: load-context's output as an earlier release recorded it.
          const context = result as Context;
          const replayed = {
            ...context,
            passOne: context.passOne.map(withoutModel),
            passTwo: context.passTwo.map(withoutModel),
          };
          return replayed as typeof result;
        },
      },
      {
        model: recordingModel(passes),
        store: inMemoryStore({ plan_length_days: 2 }, seedCatalogue()),
        config: DEFAULT_GENERATION_CONFIG,
        chunkLimitsFor: chunkLimitsFor(20),
        logger: quiet,
      },
    );
    expect(passes.map((pass) => pass.model)).toEqual([
      DEFAULT_GENERATION_CONFIG.models.shortPlan,
      DEFAULT_GENERATION_CONFIG.models.shortPlan,
    ]);
  });
});
