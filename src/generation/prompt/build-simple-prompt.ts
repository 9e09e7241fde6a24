import type { Prompt, PromptInput } from "./build-rich-prompt";
import { passUserMessage, systemMessage } from "./prompt-parts";

/**
 * Prompt for a legacy plan without intake_data: only the seed's simple fields
 * (goal, calorie target, macro split, free-text dietary restrictions). Same
 * output contract and the same stable-system / per-pass-user split as the
 * rich prompt.
 */
export function buildSimplePrompt(input: PromptInput): Prompt {
  const { spec } = input;
  const system = systemMessage({
    intro: "You write simple meal plans for a nutrition coach's client, using only the food catalogue below.",
    rules: [
      "Use ONLY foods from the catalogue, referenced by their exact id. Never invent or alter an id.",
      "Each day must land within 3% of the daily calorie target and close to the macro split, with realistic gram portions.",
      "Within one day never repeat a food or a food family; vary foods across days.",
    ],
    diet: spec.diet,
    allergies: spec.allergies,
    candidates: input.candidates,
    replyInstruction: "Reply with one minified JSON object and nothing else, in exactly this shape:",
  });

  const user = passUserMessage(input, [
    ...(spec.goal ? ([["goal", spec.goal]] as const) : []),
    ...Object.entries(spec.extraContext),
  ]);

  return { system, user };
}
