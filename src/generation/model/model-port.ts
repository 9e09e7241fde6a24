import type { Allergen, CatalogueFood, Diet } from "@/generation/catalogue/catalogue";
import type { MacroSplit } from "@/generation/generation-config";

/**
 * A structured copy of what one pass's prompt says, so the offline planner
 * (and test fakes) can plan without parsing prompt text.
 */
export type PassBrief = {
  dayNumbers: number[];
  /** The only foods the pass may use (already filtered by diet and allergies). */
  candidates: CatalogueFood[];
  calorieTarget: number;
  macroSplit: MacroSplit;
  mealsPerDay: number;
  /** Foods used by an earlier pass (or steered to other chunks of one wave); prefer others so the plan varies. */
  avoidFoodIds: string[];
  /** One-wave mode: the foods these days are planned around. */
  preferFoodIds: string[];
  diet: Diet[];
  allergies: Allergen[];
};

export type ModelRequest = {
  model: string;
  maxTokens: number;
  /** Stable across the passes of one plan (rules, output shape, catalogue), so it can be prompt-cached. */
  system: string;
  /** The per-pass part: day numbers, targets, foods already used, client context. */
  user: string;
  brief: PassBrief;
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
  complete(request: ModelRequest, options?: { signal?: AbortSignal }): Promise<ModelReply>;
}
