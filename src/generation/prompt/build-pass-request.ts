import { chooseModel, DEFAULT_GENERATION_CONFIG, type GenerationConfig } from "@/generation/generation-config";
import type { ModelRequest } from "@/generation/model/model-port";
import { buildRichPrompt, type PromptInput } from "./build-rich-prompt";
import { buildSimplePrompt } from "./build-simple-prompt";

/**
 * Everything one pass sends to the model: model and budget (seed rule, from
 * the plan's total length), the prompt in the plan's style, and the matching
 * structured brief for the offline planner.
 */
export function buildPassRequest(
  input: PromptInput & {
    /** A smaller output budget when the pass was split to fit a step's time budget (see chunk-pass.ts). */
    maxTokens?: number;
  },
  config: GenerationConfig = DEFAULT_GENERATION_CONFIG,
): ModelRequest {
  const { spec } = input;
  const seed = chooseModel(spec.days, config);
  const model = seed.model;
  const maxTokens = input.maxTokens ?? seed.maxTokens;
  const prompt = spec.promptStyle === "rich" ? buildRichPrompt(input) : buildSimplePrompt(input);
  return {
    model,
    maxTokens,
    ...prompt,
    brief: {
      dayNumbers: [...input.dayNumbers],
      candidates: [...input.candidates],
      calorieTarget: spec.calorieTarget,
      macroSplit: { ...spec.macroSplit },
      mealsPerDay: spec.mealsPerDay,
      avoidFoodIds: [...input.avoidFoodIds],
      preferFoodIds: [...(input.preferFoodIds ?? [])],
      diet: [...spec.diet],
      allergies: [...spec.allergies],
    },
  };
}
