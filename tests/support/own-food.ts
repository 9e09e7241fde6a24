import type { FoodGroup } from "@/generation/catalogue/catalogue";
import { asUser } from "@/server/database/index";
import { DEMO_COACH_ID, DEMO_ORG_ID } from "./seed-ids";

/** The demo coach's claims, for asUser. */
export const demoCoach = { sub: DEMO_COACH_ID, role: "authenticated" } as const;

/**
 * Inserts a food of the demo org as the demo coach (the role that writes an
 * org's own foods), with plain nutrition and whatever `extra` sets, and
 * returns its name and the `columns` asked for as the database stored them.
 */
export async function insertOwnFood(
  group: FoodGroup,
  columns: readonly string[],
  extra: Record<string, unknown> = {},
): Promise<Record<string, unknown> & { name: string }> {
  const name = `Coach food ${group} ${Math.random().toString(36).slice(2)}`;
  const row = {
    org_id: DEMO_ORG_ID,
    name,
    food_group: group,
    family: name,
    kcal_per_100g: 100,
    protein_per_100g: 5,
    carbs_per_100g: 10,
    fat_per_100g: 4,
    default_portion_g: 100,
    ...extra,
  };
  const returning = columns.includes("name") ? columns : ["name", ...columns];
  const [[inserted]] = await asUser(demoCoach, (tx) => [
    tx`insert into foods ${tx(row)} returning ${tx(returning as string[])}`,
  ]);
  return inserted as Record<string, unknown> & { name: string };
}
