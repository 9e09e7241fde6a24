import { type CatalogueFood, type FoodGroup, familyKey } from "@/generation/catalogue/catalogue";
import { seededOrder } from "@/generation/shared/stable-hash";
import type { PassChunk } from "./chunk-pass";

/**
 * One-wave mode (GENERATION_WAVES=one): every day-chunk of the plan runs at
 * once, so no chunk can learn from another what it used, as pass two learns
 * from pass one. Variety is planned up front instead: the candidate list's
 * families of the groups that make a menu (proteins, starches, vegetables,
 * breakfast cereals and breads, fruit) are dealt out day by day in a seeded
 * rotation, so each day is steered to its own foods and every chunk is told
 * what the other chunks were steered to.
 */

export type WaveChunk = PassChunk & {
  /** Foods this chunk's days are built around (its share of the rotation). */
  preferFoodIds: string[];
  /** Foods the other chunks were steered to: prefer others, so days differ. */
  avoidFoodIds: string[];
};

/**
 * Foods dealt to each day, per group: lunch and dinner each take a protein,
 * a starch and a vegetable; breakfast its cereal or bread; one fruit.
 */
const STEERED_PER_DAY: ReadonlyArray<readonly [FoodGroup, number]> = [
  ["protein", 2],
  ["starch", 2],
  ["vegetable", 2],
  ["breakfast", 1],
  ["fruit", 1],
];

export function planOneWave(
  chunks: readonly PassChunk[],
  candidates: readonly CatalogueFood[],
  seed: string,
): WaveChunk[] {
  const rotations = STEERED_PER_DAY.map(([group, perDay]) => ({
    next: familyRotation(candidates, group, seed),
    perDay,
  }));
  const preferred = chunks.map(() => new Set<string>());
  let day = 0;
  for (const [chunkIndex, chunk] of chunks.entries()) {
    for (const _dayNumber of chunk.days) {
      for (const { next, perDay } of rotations) {
        for (let pick = 0; pick < perDay; pick++) {
          const id = next(day * perDay + pick);
          if (id) preferred[chunkIndex]?.add(id);
        }
      }
      day += 1;
    }
  }
  return chunks.map((chunk, index) => {
    const own = preferred[index] ?? new Set<string>();
    const others = new Set(preferred.flatMap((ids, other) => (other === index ? [] : [...ids])));
    return {
      ...chunk,
      preferFoodIds: [...own],
      avoidFoodIds: [...others].filter((id) => !own.has(id)),
    };
  });
}

/**
 * The n-th pick of a group: families in a seeded order, one after another,
 * and within a family its foods in turn (the second time round a family
 * offers its next food), so a small catalogue still rotates.
 */
function familyRotation(
  candidates: readonly CatalogueFood[],
  group: FoodGroup,
  seed: string,
): (turn: number) => string | undefined {
  const byFamily = new Map<string, CatalogueFood[]>();
  for (const food of candidates) {
    if (food.food_group !== group) continue;
    const family = familyKey(food);
    byFamily.set(family, [...(byFamily.get(family) ?? []), food]);
  }
  const families = seededOrder([...byFamily.keys()], `${seed}:${group}`, (family) => family).map((family) =>
    seededOrder(byFamily.get(family) ?? [], seed, (food) => food.id),
  );
  return (turn) => {
    if (families.length === 0) return undefined;
    const foods = families[turn % families.length] ?? [];
    return foods[Math.floor(turn / families.length) % foods.length]?.id;
  };
}
