import { chooseModel } from "@/generation/generation-config";
import { chunkPass } from "@/generation/passes/chunk-pass";
import { splitPasses } from "@/generation/passes/split-passes";
import { chunkLimitsFor, generationConfig, stepBudgetSeconds } from "@/inngest/story/run-dependencies";
import { type Env, env } from "@/server/env";

/**
 * What a run is expected to spend, reserved against the org's daily token
 * budget when it starts (src/server/spend-limits.ts) and released as its
 * calls are counted or when it ends. Sized as load-context sizes the run:
 * the plan's length picks the model and its output budget, the step budget
 * splits the passes into calls, and each call is its output budget plus the
 * prompt it sends. A normal run, no retries: a run that retries spends past
 * its estimate, and that spend is counted as it happens.
 */

/**
 * Input tokens of one call (system prompt with the candidate catalogue, and
 * the request): the security review measured 13,937 tokens for three one-day
 * regenerations on Haiku, about 4,650 a call with its output; the prompt is
 * the larger part. Rounded up.
 */
export const INPUT_TOKENS_PER_CALL = 4_000;

/** The tokens a whole-plan run of `days` days is expected to spend. */
export function estimatePlanRunTokens(days: number, configuration: Env = env()): number {
  const config = generationConfig(configuration);
  const { model, maxTokens } = chooseModel(days, config);
  const limits = chunkLimitsForEnv(configuration)(model);
  const passes = splitPasses(days, config.waves === "one" ? days : config.firstPassMaxDays);
  const chunks = [
    ...chunkPass(passes.passOne, maxTokens, limits),
    ...chunkPass(passes.passTwo ?? [], maxTokens, limits),
  ];
  return chunks.reduce((total, chunk) => total + INPUT_TOKENS_PER_CALL + chunk.maxTokens, 0);
}

/** The tokens regenerating one day of a `planDays`-day plan is expected to spend (one call). */
export function estimateDayRunTokens(planDays: number, configuration: Env = env()): number {
  const { model, maxTokens } = chooseModel(planDays, generationConfig(configuration));
  const [chunk] = chunkPass([1], maxTokens, chunkLimitsForEnv(configuration)(model));
  return INPUT_TOKENS_PER_CALL + (chunk?.maxTokens ?? maxTokens);
}

/** As generationDependencies sizes calls: the offline planner (no API key) has no step budget. */
function chunkLimitsForEnv(configuration: Env) {
  return chunkLimitsFor(configuration.ANTHROPIC_API_KEY ? stepBudgetSeconds(configuration) : null);
}
