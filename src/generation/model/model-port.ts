import type { DayScope } from "@/generation/adjust/fixed-items";
import type { CatalogueFood } from "@/generation/catalogue/catalogue";
import type { Restrictions } from "@/generation/catalogue/food-restrictions";
import type { PlanSpec } from "@/generation/intake/plan-spec";

/**
 * One pass (or day-chunk) of a plan, in the domain's terms: what the story
 * asks the model port to plan. The Claude adapter turns it into a prompt
 * (prompt/pass-prompt.ts); the offline planner plans from it directly.
 */
export type PassToPlan = {
  spec: PlanSpec;
  /** The plan's diet, allergies and disliked families (planRestrictions). */
  restrictions: Restrictions;
  /** The only foods the pass may use (already filtered by diet, allergies and dislikes). */
  candidates: readonly CatalogueFood[];
  dayNumbers: readonly number[];
  /** Foods an earlier pass used, or that other chunks of one wave were steered to; prefer others. */
  avoidFoodIds: readonly string[];
  /** One-wave mode: the foods these days are planned around. */
  preferFoodIds: readonly string[];
  model: string;
  /** Output budget: the original route's, or less when the pass was split to fit a step (chunk-pass.ts). */
  maxTokens: number;
  /** A day run's foods kept as they are, and the one meal a meal run asks for (fixed-items.ts). */
  scope?: DayScope;
};

/** What a language model is sent: nothing but the model, the output budget and the prompt. */
export type ModelRequest = {
  model: string;
  maxTokens: number;
  /** Stable across the passes of one plan (rules, output shape, catalogue), so it can be prompt-cached. */
  system: string;
  /** The per-pass part: day numbers, targets, foods to build on or avoid, client context. */
  user: string;
};

export type ModelUsage = {
  inputTokens: number;
  outputTokens: number;
  cacheReadInputTokens: number;
  cacheCreationInputTokens: number;
};

export type ModelReply = {
  text: string;
  /** Claude's stop_reason ('end_turn', 'max_tokens', ...); null when unknown. */
  stopReason: string | null;
  model: string;
  usage: ModelUsage;
};

/** What the workflow calls to plan a pass; Claude in production, the offline planner otherwise. */
export interface ModelPort {
  readonly name: "claude" | "offline";
  planPass(pass: PassToPlan, options?: { signal?: AbortSignal }): Promise<ModelReply>;
}
