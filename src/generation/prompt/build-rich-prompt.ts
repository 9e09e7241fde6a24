import type { CatalogueFood } from "@/generation/catalogue/catalogue";
import type { PlanSpec } from "@/generation/intake/plan-spec";
import { passUserMessage, systemMessage } from "./prompt-parts";

export type PromptInput = {
  spec: PlanSpec;
  candidates: readonly CatalogueFood[];
  /** The days this pass plans. */
  dayNumbers: readonly number[];
  /** Foods an earlier pass used, or that other chunks of one wave were steered to (empty for pass one). */
  avoidFoodIds: readonly string[];
  /** One-wave mode: the foods these days are planned around. */
  preferFoodIds?: readonly string[];
};

export type Prompt = { system: string; user: string };

/**
 * Prompt for a plan with intake_data. `system` depends only on the plan (not
 * the pass), so pass two reuses pass one's cached prefix; `user` carries what
 * changes per pass plus the client's own words, delimited as data.
 */
export function buildRichPrompt(input: PromptInput): Prompt {
  const { spec } = input;
  const system = systemMessage({
    intro: "You write meal plans for a nutrition coach's client, using only the food catalogue below.",
    rules: [
      "Use ONLY foods from the catalogue, referenced by their exact id. Never invent or alter an id.",
      "Each day must land within 3% of the daily calorie target and close to the macro split, with realistic gram portions (use the usual portion as a guide).",
      "Within one day never repeat a food, and never use two foods of the same family.",
      "Vary the foods from day to day; a coach should see a different menu each day.",
      "Plan exactly the meals requested, in order, using the meal names given.",
    ],
    diet: spec.diet,
    allergies: spec.allergies,
    candidates: input.candidates,
    replyInstruction:
      "Reply with one minified JSON object and nothing else (no prose, no markdown), in exactly this shape:",
  });

  const user = passUserMessage(input, [
    ...(spec.goal ? ([["goal", spec.goal]] as const) : []),
    ...(spec.notes ? ([["notes", spec.notes]] as const) : []),
    ...Object.entries(spec.extraContext),
  ]);

  return { system, user };
}
