import { DEFAULT_GENERATION_CONFIG } from "@/generation/generation-config";

/** The day numbers each Claude pass plans. */
export type PassSplit = {
  /** Days 1..min(firstPassMaxDays, N). */
  passOne: number[];
  /** Days firstPassMaxDays+1..N; absent when the plan fits in one pass. */
  passTwo?: number[];
};

/**
 * The original route's two-pass split (days 1-5 first, days 6+ second): two smaller
 * answers each fit the output budget and a step's time limit, where one long
 * answer would not.
 */
export function splitPasses(
  totalDays: number,
  firstPassMax: number = DEFAULT_GENERATION_CONFIG.firstPassMaxDays,
): PassSplit {
  if (!Number.isInteger(totalDays) || totalDays < 1) {
    throw new RangeError(`A plan needs a whole number of days (at least 1), got ${totalDays}`);
  }
  const passOne = range(1, Math.min(firstPassMax, totalDays));
  if (totalDays <= firstPassMax) return { passOne };
  return { passOne, passTwo: range(firstPassMax + 1, totalDays) };
}

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, index) => from + index);
}
