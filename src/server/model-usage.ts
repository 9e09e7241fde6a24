import type { ModelUsage } from "@/generation/model/model-port";
import { db } from "@/server/database/index";

/**
 * Every model call's tokens, counted against the org's daily budget as the
 * call returns (from inside the step that made it, like a failed attempt's
 * record): whole plans and one-day regenerations alike, and calls whose
 * answer is then refused (cut off, malformed), retried, or belongs to a run
 * that is later cancelled, superseded or fails. A call that returns no
 * answer (an HTTP error, a timeout, an abort) reports no usage, so it adds
 * nothing. `public.record_model_usage` also adds the tokens to the run's own
 * spent count, which its reservation is netted against.
 */

/** The run a call was made for: a whole-plan run (`plan`) or a one-day run (`day`). */
export type UsageRun = { orgId: string; planId: string; kind: "plan" | "day"; runId: string };

/** Input, output and cache tokens: what the budget counts (as `public.usage_tokens` did). */
export function usageTokens(usage: ModelUsage): number {
  const fields = [usage.inputTokens, usage.outputTokens, usage.cacheReadInputTokens, usage.cacheCreationInputTokens];
  return fields.reduce((total, tokens) => total + (Number.isFinite(tokens) ? Math.max(0, Math.round(tokens)) : 0), 0);
}

export async function recordModelUsage(run: UsageRun, usage: ModelUsage): Promise<void> {
  const tokens = usageTokens(usage);
  if (tokens <= 0) return;
  await db()`
    select public.record_model_usage(${run.orgId}::uuid, ${run.planId}::uuid, ${run.kind}::text,
                                     ${run.runId}::uuid, ${tokens}::bigint)`;
}
