import type { CatalogueFood } from "./catalogue";
import type { PlanSpec } from "./plan-spec";
import {
  CLIENT_NOTES_RULE,
  catalogueBlock,
  OUTPUT_SHAPE_EXAMPLE,
  passUserMessage,
  restrictionsLine,
} from "./prompt-parts";

export type PromptInput = {
  spec: PlanSpec;
  candidates: readonly CatalogueFood[];
  /** The days this pass plans. */
  dayNumbers: readonly number[];
  /** Foods an earlier pass used (empty for pass one). */
  avoidFoodIds: readonly string[];
};

export type Prompt = { system: string; user: string };

/**
 * Prompt for a plan with intake_data. `system` depends only on the plan (not
 * the pass), so pass two reuses pass one's cached prefix; `user` carries what
 * changes per pass plus the client's own words, delimited as data.
 */
export function buildRichPrompt(input: PromptInput): Prompt {
  const { spec } = input;
  const system = [
    "You write meal plans for a nutrition coach's client, using only the food catalogue below.",
    "",
    "Rules:",
    "1. Use ONLY foods from the catalogue, referenced by their exact id. Never invent or alter an id.",
    "2. Each day must land within 3% of the daily calorie target and close to the macro split, with realistic gram portions (use the usual portion as a guide).",
    "3. Within one day never repeat a food, and never use two foods of the same family.",
    "4. Vary the foods from day to day; a coach should see a different menu each day.",
    "5. Plan exactly the meals requested, in order, using the meal names given.",
    `6. ${CLIENT_NOTES_RULE}`,
    `7. ${restrictionsLine(spec.diet, spec.allergies)}`,
    "",
    "Reply with one minified JSON object and nothing else (no prose, no markdown), in exactly this shape:",
    OUTPUT_SHAPE_EXAMPLE,
    "",
    catalogueBlock(input.candidates),
  ].join("\n");

  const user = passUserMessage(input, [
    ...(spec.goal ? ([["goal", spec.goal]] as const) : []),
    ...(spec.notes ? ([["notes", spec.notes]] as const) : []),
    ...Object.entries(spec.extraContext),
  ]);

  return { system, user };
}
