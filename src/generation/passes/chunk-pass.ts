/**
 * Splits one pass into day-chunks small enough that each model call finishes
 * inside a workflow step's time budget. On a serverless host a step cannot
 * outlive its function invocation (Netlify: 60 s, 26 s on older sites), and an answer of N output
 * tokens takes about N / rate seconds, so the output budget per call is
 * (budget − request overhead) × a conservative output rate, but never less
 * than one day's answer (a five- or six-meal day fits only at the published rate).
 */

export type ChunkLimits = {
  /** Seconds one step may take; null means no limit (long-running hosts). */
  stepBudgetSeconds: number | null;
  /** Output tokens per second to plan for: below the model's published rate, on purpose. */
  outputTokensPerSecond: number;
  /**
   * What a retry's output budget is sized at: close to the model's published
   * rate, so an answer cut off at the first call's cautious budget gets room
   * to finish instead of being cut off again.
   */
  retryOutputTokensPerSecond: number;
  /** Seconds lost before the first token (queueing, prompt processing). */
  requestOverheadSeconds: number;
  /** Output tokens one planned day takes (a day of ~14 items with UUIDs, three meals, is ~500). */
  outputTokensPerDay: number;
};

export type PassChunk = {
  days: number[];
  maxTokens: number;
  /**
   * The output budget of a retry (absent on chunks planned before it
   * existed, which retry with maxTokens): the step's budget at the retry
   * rate, never below maxTokens. A cap costs nothing unless the answer
   * reaches it, so the only answers it changes are those maxTokens would have
   * cut off again.
   */
  retryMaxTokens?: number;
};

/** Output tokens that fit one step at `rate` (the cautious one by default), or null when there is no budget. */
export function tokensThatFitOneStep(limits: ChunkLimits, rate: number = limits.outputTokensPerSecond): number | null {
  if (limits.stepBudgetSeconds === null) return null;
  const seconds = Math.max(0, limits.stepBudgetSeconds - limits.requestOverheadSeconds);
  return Math.floor(seconds * rate);
}

/** The chunk as attempt `attempt` (from 1) asks for it: a retry with the larger output budget. */
export function chunkForAttempt<Chunk extends PassChunk>(chunk: Chunk, attempt: number): Chunk {
  if (attempt <= 1 || chunk.retryMaxTokens === undefined || chunk.retryMaxTokens <= chunk.maxTokens) return chunk;
  return { ...chunk, maxTokens: chunk.retryMaxTokens };
}

export function chunkPass(dayNumbers: readonly number[], seedMaxTokens: number, limits: ChunkLimits): PassChunk[] {
  if (dayNumbers.length === 0) return [];
  const fit = tokensThatFitOneStep(limits);
  const retryFit = tokensThatFitOneStep(limits, limits.retryOutputTokensPerSecond);
  // No budget (both are null then): exactly the original route's single call per pass.
  if (fit === null || retryFit === null) return [{ days: [...dayNumbers], maxTokens: seedMaxTokens }];

  // Never less than one whole day: an answer cut off mid-day is wasted, so a day
  // that does not fit the step at the cautious rate (five or six meals on
  // Sonnet) is asked whole; at the published rate it still ends in time.
  const maxTokens = Math.min(seedMaxTokens, Math.max(fit, limits.outputTokensPerDay));
  const retryMaxTokens = Math.max(maxTokens, Math.min(seedMaxTokens, retryFit));
  const daysPerChunk = Math.max(1, Math.floor(maxTokens / limits.outputTokensPerDay));
  const chunkCount = Math.ceil(dayNumbers.length / daysPerChunk);
  // Even sizes: 7 days at up to 3 a chunk become 3, 2, 2 rather than 3, 3, 1.
  const baseSize = Math.floor(dayNumbers.length / chunkCount);
  const larger = dayNumbers.length % chunkCount;
  const chunks: PassChunk[] = [];
  let start = 0;
  for (let index = 0; index < chunkCount; index++) {
    const size = baseSize + (index < larger ? 1 : 0);
    chunks.push({ days: dayNumbers.slice(start, start + size), maxTokens, retryMaxTokens });
    start += size;
  }
  return chunks;
}
