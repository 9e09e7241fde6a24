import type { CatalogueFood } from "@/generation/catalogue/catalogue";
import { asCaller } from "@/server/auth/as-caller";
import type { Caller } from "@/server/auth/authenticate";

/** A catalogue food as the new-plan form's picker needs it: enough to search by name and to see what it is. */
export type CatalogueFoodOption = Pick<
  CatalogueFood,
  "id" | "name" | "food_group" | "family" | "diet_tags" | "allergens"
>;

/**
 * The caller's catalogue: the global foods and their org's own, by name. Runs
 * as the caller, under RLS. RLS would also show foods of any other org the
 * user belongs to; a plan is made for the org they act for, so the statement
 * names `public.caller_org_id()`, as the server's check of disliked foods does.
 */
export async function listCatalogueFoods(caller: Caller): Promise<CatalogueFoodOption[]> {
  const [foods] = await asCaller(caller, (tx) => [
    tx<CatalogueFoodOption[]>`
      select id, name, food_group, family, diet_tags, allergens
      from foods
      where org_id is null or org_id = public.caller_org_id()
      order by lower(name), id`,
  ]);
  return foods;
}
