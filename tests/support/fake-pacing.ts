/**
 * How long the fake Messages API takes to answer, per model: a first token
 * after a fixed latency, then output at the model's speed. Published figures
 * (Anthropic's model pages and independent measurements): Sonnet writes about
 * 63 output tokens/s, Haiku about 100, and the first token arrives after
 * about 1.5 s. `speed` scales the output rate (0.5 = half speed, which also
 * doubles the first-token latency).
 */
export type Pace = (model: string, outputTokens: number) => number;

export const PUBLISHED_OUTPUT_TOKENS_PER_SECOND = { sonnet: 63, haiku: 100, other: 63 } as const;
export const PUBLISHED_FIRST_TOKEN_SECONDS = 1.5;

export function outputRateOf(model: string, speed = 1): number {
  const rates = PUBLISHED_OUTPUT_TOKENS_PER_SECOND;
  const rate = model.includes("haiku") ? rates.haiku : model.includes("sonnet") ? rates.sonnet : rates.other;
  return rate * speed;
}

/** Milliseconds an answer of `outputTokens` takes from `model` at `speed` × its published pace. */
export function publishedPace(speed = 1): Pace {
  if (!(speed > 0)) throw new RangeError(`speed must be positive, got ${speed}`);
  return (model, outputTokens) =>
    (PUBLISHED_FIRST_TOKEN_SECONDS / speed + outputTokens / outputRateOf(model, speed)) * 1000;
}
