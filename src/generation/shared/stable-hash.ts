/**
 * FNV-1a (32-bit) of a string. Used wherever generation needs an order that
 * looks shuffled but is reproducible from an input (no Math.random), e.g.
 * candidate selection seeded by the generation id.
 */
export function stableHash(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** `items` sorted by the hash of `seed` + key; ties (practically never) fall back to the key. */
export function seededOrder<T>(items: readonly T[], seed: string, key: (item: T) => string): T[] {
  return items
    .map((item) => ({ item, key: key(item), rank: stableHash(`${seed}:${key(item)}`) }))
    .sort((a, b) => a.rank - b.rank || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .map((entry) => entry.item);
}
