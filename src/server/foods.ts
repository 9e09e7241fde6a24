import { CATALOGUE_COLUMNS, type CatalogueFood, CatalogueFoodSchema } from "@/generation/catalogue/catalogue";
import { asCaller } from "@/server/auth/as-caller";
import type { Caller } from "@/server/auth/authenticate";

/**
 * A catalogue food as the new-plan form's picker and a day's "Add a food"
 * need it: enough to search by name, to see what it is, and which meals it suits.
 */
export type CatalogueFoodOption = Pick<
  CatalogueFood,
  "id" | "name" | "food_group" | "family" | "diet_tags" | "allergens" | "meal_types"
>;

/**
 * The caller's catalogue: the global foods and their org's own, by name. Runs
 * as the caller, under RLS. RLS would also show foods of any other org the
 * user belongs to; a plan is made for the org they act for, so the statement
 * names `public.caller_org_id()`, as the server's check of disliked foods does.
 */
export async function listCatalogueFoods(caller: Caller): Promise<CatalogueFoodOption[]> {
  const [rows] = await asCaller(caller, (tx) => [
    tx`
      select ${tx(CATALOGUE_COLUMNS)}
      from foods
      where org_id is null or org_id = public.caller_org_id()
      order by lower(name), id`,
  ]);
  // Parsed as the planner reads them: a food saved without meal types gets its group's.
  return rows.map((row) => {
    const { id, name, food_group, family, diet_tags, allergens, meal_types } = CatalogueFoodSchema.parse(row);
    return { id, name, food_group, family, diet_tags, allergens, meal_types };
  });
}
