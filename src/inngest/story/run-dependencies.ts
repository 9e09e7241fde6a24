import { inngestConfig, outputTokensPerSecondFor } from "@inngest-config";
import { DEFAULT_GENERATION_CONFIG, type GenerationConfig, withModels } from "@/generation/generation-config";
import type { ModelPort } from "@/generation/model/model-port";
import { createOfflineModel } from "@/generation/offline/offline-model";
import type { ChunkLimits } from "@/generation/passes/chunk-pass";
import { createClaudeModel } from "@/server/claude-model";
import { type Env, env } from "@/server/env";
import { generationStore } from "@/server/generation-store";
import { recordModelUsage } from "@/server/model-usage";
import type { GenerationDependencies } from "./generate-meal-plan";
import type { GenerationLogger } from "./story-steps";

/** Seconds one step may take, or null for no limit (GENERATION_STEP_BUDGET_SECONDS=0). */
export function stepBudgetSeconds(configuration: Env = env()): number | null {
  return configuration.GENERATION_STEP_BUDGET_SECONDS > 0 ? configuration.GENERATION_STEP_BUDGET_SECONDS : null;
}

/**
 * The Claude call's timeout: a second under the step budget, so a slow call
 * fails as a retryable timeout before the host kills the whole invocation;
 * null when steps have no limit (the call then waits up to 10 minutes). It
 * is also the longest one attempt can take, which the retry schedule counts.
 */
export function modelCallTimeoutMs(configuration: Env = env()): number | null {
  const budget = stepBudgetSeconds(configuration);
  return budget === null ? null : Math.max(1, budget - 1) * 1_000;
}

export function generationConfig(configuration: Env = env()): GenerationConfig {
  const config = withModels(
    {
      ...(configuration.ANTHROPIC_MODEL_SHORT_PLANS ? { shortPlan: configuration.ANTHROPIC_MODEL_SHORT_PLANS } : {}),
      ...(configuration.ANTHROPIC_MODEL_LONG_PLANS ? { longPlan: configuration.ANTHROPIC_MODEL_LONG_PLANS } : {}),
    },
    DEFAULT_GENERATION_CONFIG,
  );
  return { ...config, waves: configuration.GENERATION_WAVES };
}

/** The chunk limits of a step budget, per model and meals a day (a 6-meal day is twice a 3-meal day's answer). */
export function chunkLimitsFor(budget: number | null) {
  return (model: string, mealsPerDay: number = DEFAULT_GENERATION_CONFIG.defaults.mealsPerDay): ChunkLimits => ({
    stepBudgetSeconds: budget,
    outputTokensPerSecond: outputTokensPerSecondFor(model),
    retryOutputTokensPerSecond: outputTokensPerSecondFor(model, "retry"),
    requestOverheadSeconds: inngestConfig.stepBudget.requestOverheadSeconds,
    outputTokensPerDay: Math.ceil((inngestConfig.stepBudget.outputTokensPerDay * mealsPerDay) / 3),
  });
}

/** Claude when ANTHROPIC_API_KEY is set, else the offline planner. */
export function modelFromEnv(configuration: Env = env()): ModelPort {
  if (!configuration.ANTHROPIC_API_KEY) return createOfflineModel(generationConfig(configuration));
  return createClaudeModel({
    apiKey: configuration.ANTHROPIC_API_KEY,
    ...(configuration.ANTHROPIC_BASE_URL ? { baseURL: configuration.ANTHROPIC_BASE_URL } : {}),
    timeoutMs: modelCallTimeoutMs(configuration) ?? 10 * 60_000,
  });
}

const consoleLogger: GenerationLogger = {
  info: (fields, message) => console.info(`[generation] ${message}`, JSON.stringify(fields)),
  warn: (fields, message) => console.warn(`[generation] ${message}`, JSON.stringify(fields)),
};

export function generationDependencies(overrides: Partial<GenerationDependencies> = {}): GenerationDependencies {
  const configuration = env();
  const model = overrides.model ?? modelFromEnv(configuration);
  return {
    model,
    store: generationStore,
    config: generationConfig(configuration),
    // The offline planner answers in milliseconds: one call per pass, no chunks.
    chunkLimitsFor: chunkLimitsFor(model.name === "offline" ? null : stepBudgetSeconds(configuration)),
    logger: consoleLogger,
    recordUsage: recordModelUsage,
    ...overrides,
  };
}
