/** The item with the lowest score (the first one on ties), scoring each item once. */
export function minBy<T>(items: readonly T[], score: (item: T) => number): T | undefined {
  let best: T | undefined;
  let bestScore = Number.POSITIVE_INFINITY;
  for (const item of items) {
    const value = score(item);
    if (best === undefined || value < bestScore) {
      best = item;
      bestScore = value;
    }
  }
  return best;
}
