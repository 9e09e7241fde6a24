import type { CatalogueFood } from "@/generation/catalogue/catalogue";
import { DEFAULT_GENERATION_CONFIG, type GenerationConfig } from "@/generation/generation-config";
import type { GenerateBody } from "@/generation/intake/intake";
import type { StoredPlanInputs } from "@/generation/intake/resolve-plan-spec";
import type { ModelPort, ModelReply, ModelRequest, PassToPlan } from "@/generation/model/model-port";
import { createOfflineModel } from "@/generation/offline/offline-model";
import { modelRequestFor } from "@/generation/prompt/pass-prompt";
import { generateMealPlan } from "@/inngest/story/generate-meal-plan";
import { chunkLimitsFor } from "@/inngest/story/run-dependencies";
import type { GenerationStore, SavePlanInput } from "@/server/generation-store";

/**
 * The real generate-meal-plan story, run with no engine and no database:
 * steps run once each, the store keeps one plan in memory. For pure tests and
 * the planner evaluation, so they exercise the workflow's own story instead
 * of a copy of it.
 */

export type InMemoryRun = {
  saved: SavePlanInput | undefined;
  /** What the story asked the model port to plan, and the prompt each pass reads as. */
  passes: PassToPlan[];
  requests: ModelRequest[];
  replies: ModelReply[];
  logs: { message: string; fields: Record<string, unknown> }[];
  /** Each step's result by step id (e.g. `dedup`: the days as they were before `balance`). */
  steps: Record<string, unknown>;
};

export async function runWorkflowInMemory(input: {
  stored: StoredPlanInputs;
  request?: GenerateBody;
  catalogue: readonly CatalogueFood[];
  model?: ModelPort;
  generationId?: string;
  /** Two passes (default) or one wave. */
  waves?: GenerationConfig["waves"];
  /** Chunk each pass to this step budget, as production does (default: none, one call per pass). */
  stepBudgetSeconds?: number | null;
}): Promise<InMemoryRun> {
  const run: InMemoryRun = { saved: undefined, passes: [], requests: [], replies: [], logs: [], steps: {} };
  const model = input.model ?? createOfflineModel();
  const recordingModel: ModelPort = {
    name: model.name,
    async planPass(pass, options) {
      run.passes.push(pass);
      run.requests.push(modelRequestFor(pass));
      const reply = await model.planPass(pass, options);
      run.replies.push(reply);
      return reply;
    },
  };
  const store = inMemoryStore(input.stored, input.catalogue, (saved) => {
    run.saved = saved;
  });
  const log = (message: string, fields: Record<string, unknown>) => run.logs.push({ message, fields });
  await generateMealPlan(
    {
      planId: "memory-plan",
      orgId: "memory-org",
      generationId: input.generationId ?? "generation-1",
      request: input.request ?? {},
    },
    {
      run: async (id, work) => {
        const result = await work();
        run.steps[id] = result;
        return result;
      },
    },
    {
      model: recordingModel,
      store,
      config: { ...DEFAULT_GENERATION_CONFIG, waves: input.waves ?? DEFAULT_GENERATION_CONFIG.waves },
      chunkLimitsFor: chunkLimitsFor(input.stepBudgetSeconds ?? null),
      logger: { info: (fields, message) => log(message, fields), warn: (fields, message) => log(message, fields) },
    },
  );
  return run;
}

/** A GenerationStore holding one plan in memory: every generation is current, saves go to `onSave`. */
export function inMemoryStore(
  stored: StoredPlanInputs,
  catalogue: readonly CatalogueFood[],
  onSave: (saved: SavePlanInput) => void = () => {},
): GenerationStore {
  return {
    loadPlanForGeneration: async (planId) => ({
      status: "current",
      plan: { id: planId, org_id: "memory-org", ...stored },
      catalogue: [...catalogue],
    }),
    recordProgress: async () => {},
    addDaysDone: async () => {},
    isCurrentRun: async () => true,
    savePlan: async (_planId, _generationId, saved) => {
      onSave(saved);
      return "saved";
    },
    markFailed: async () => true,
    recordFailedAttempt: async () => null,
    failedAttempts: async () => [],
    holdInlineRun: async () => {},
    releaseInlineRun: async () => {},
  };
}
