import { z } from "zod";
import type { MacroMiss } from "@/generation/adjust/balance-day";
import {
  type Alternative,
  type ItemPosition,
  rankAlternatives,
  type SwapRefusal,
  swapFood,
} from "@/generation/adjust/swap-food";
import {
  CATALOGUE_COLUMNS,
  type CatalogueFood,
  CatalogueFoodSchema,
  fromDatabaseNumber,
  indexFoodsById,
} from "@/generation/catalogue/catalogue";
import { planRestrictions, type Restrictions } from "@/generation/catalogue/food-restrictions";
import { PlanInputError } from "@/generation/intake/plan-input-error";
import type { PlanSpec } from "@/generation/intake/plan-spec";
import {
  resolvePlanSpec,
  STORED_PLAN_INPUT_COLUMNS,
  type StoredPlanInputs,
} from "@/generation/intake/resolve-plan-spec";
import type { MealMiss } from "@/generation/meals/meal-patterns";
import { dayTotals } from "@/generation/nutrition/day-totals";
import type { PlannedDay } from "@/generation/nutrition/planned-day";
import { asCallerWithOrg } from "@/server/auth/as-caller";
import type { Caller } from "@/server/auth/authenticate";
import { continueAsServer, type Transaction } from "@/server/database/index";
import { ApiError, badRequest, notFound } from "@/server/http/api-error";
import { type PlanDay, type PlanItem, readPlanDetail } from "./plan-detail";

/**
 * A coach's edits to a saved plan (swap a food), as the signed-in coach under
 * row-level security, each in one transaction that holds the plan's row, so
 * an edit never interleaves with a generation's save or another edit.
 */

/** How many alternatives the swap list offers. */
export const ALTERNATIVES_LIMIT = 12;

export const SwapBodySchema = z.strictObject({ food_id: z.uuid({ message: "food_id must be a UUID" }) });

const ItemRowSchema = z.object({
  id: z.string(),
  meal_id: z.string(),
  meal_position: z.number().int(),
  meal_name: z.string(),
  meal_title: z.string().nullable(),
  meal_preparation: z.string().nullable(),
  food_id: z.string(),
  grams: fromDatabaseNumber(z.number()),
  kcal: fromDatabaseNumber(z.number()),
  protein: fromDatabaseNumber(z.number()),
  carbs: fromDatabaseNumber(z.number()),
  fat: fromDatabaseNumber(z.number()),
});

type ItemDay = {
  spec: PlanSpec;
  /** The plan's diet, allergies and disliked families. */
  restrictions: Restrictions;
  dayId: string;
  day: PlannedDay;
  /** Item ids in the day's order: itemIds[meal][item]. */
  itemIds: string[][];
  /** Meal ids in the day's order. */
  mealIds: string[];
  position: ItemPosition;
  catalogue: CatalogueFood[];
};

/**
 * Locks the caller's plan, then reads the day holding the item, its items in
 * order, the plan's targets and the org's catalogue. 404 for a plan outside
 * the caller's org or an item outside the plan; 409 while a generation runs
 * (its save would replace the day anyway).
 */
async function lockItemDay(tx: Transaction, orgId: string, planId: string, itemId: string): Promise<ItemDay> {
  const [plan] = await tx<
    (StoredPlanInputs & {
      org_id: string;
      generation_status: string;
      day_generation_status: string | null;
      day_generation_day: number | null;
    })[]
  >`
    select org_id, generation_status, day_generation_status, day_generation_day, ${tx(STORED_PLAN_INPUT_COLUMNS)}
    from meal_plans where id = ${planId} and org_id = ${orgId} for update`;
  if (!plan) throw notFound();
  const [owner] = await tx<{ day_id: string; day_number: number }[]>`
    select d.id as day_id, d.day_number from meal_plan_items i
    join meal_plan_meals m on m.id = i.meal_id join meal_plan_days d on d.id = m.day_id
    where i.id = ${itemId} and d.plan_id = ${planId}`;
  if (!owner) throw notFound("Item not found in this plan");
  if (plan.generation_status === "generating") {
    throw new ApiError(409, "The plan is being generated; edit it once generation has finished");
  }
  if (plan.day_generation_status === "generating" && plan.day_generation_day === owner.day_number) {
    throw new ApiError(409, `Day ${owner.day_number} is being regenerated; edit it once that has finished`);
  }

  let spec: PlanSpec;
  try {
    spec = resolvePlanSpec(plan);
  } catch (error) {
    if (error instanceof PlanInputError) throw badRequest(error.message);
    throw error;
  }
  const rows = await tx`
    select i.id, m.id as meal_id, m.position as meal_position, m.name as meal_name, m.title as meal_title,
      m.preparation as meal_preparation, i.food_id, i.grams, i.kcal, i.protein, i.carbs, i.fat
    from meal_plan_meals m join meal_plan_items i on i.meal_id = m.id
    where m.day_id = ${owner.day_id} order by m.position, i.position`;
  const items = rows.map((row) => ItemRowSchema.parse(row));
  const day: PlannedDay = { day: owner.day_number, meals: [] };
  const itemIds: string[][] = [];
  const mealIds: string[] = [];
  let lastMeal: number | undefined;
  let position: ItemPosition | undefined;
  for (const { id, meal_id, meal_position, meal_name, meal_title, meal_preparation, ...item } of items) {
    if (meal_position !== lastMeal) {
      day.meals.push({
        name: meal_name,
        ...(meal_title === null ? {} : { title: meal_title }),
        ...(meal_preparation === null ? {} : { preparation: meal_preparation }),
        items: [],
      });
      itemIds.push([]);
      mealIds.push(meal_id);
      lastMeal = meal_position;
    }
    const mealIndex = day.meals.length - 1;
    if (id === itemId) position = { meal: mealIndex, item: itemIds[mealIndex]?.length ?? 0 };
    day.meals[mealIndex]?.items.push(item);
    itemIds[mealIndex]?.push(id);
  }
  if (!position) throw notFound("Item not found in this plan");

  const catalogueRows = await tx`
    select ${tx(CATALOGUE_COLUMNS)} from foods where org_id is null or org_id = ${plan.org_id} order by name, id`;
  const catalogue = catalogueRows.map((row) => CatalogueFoodSchema.parse(row));
  const restrictions = planRestrictions(spec, catalogue);
  return { spec, restrictions, dayId: owner.day_id, day, itemIds, mealIds, position, catalogue };
}

/** A food that could replace an item, shown as the item would be (no item id: it is not in the plan yet). */
export type AlternativeFood = Omit<PlanItem, "id">;

function describeAlternative({ food, item }: Alternative): AlternativeFood {
  const { food_id, ...nutrition } = item;
  return { food_id, food_name: food.name, food_group: food.food_group, ...nutrition };
}

/** Foods that may replace the item (its plate role, suited to its meal), closest macros first, each at the item's energy. */
export async function listAlternatives(caller: Caller, planId: string, itemId: string): Promise<AlternativeFood[]> {
  return asCallerWithOrg(caller, async (tx, orgId) => {
    const { day, position, catalogue, restrictions } = await lockItemDay(tx, orgId, planId, itemId);
    return rankAlternatives(day, position, catalogue, restrictions, { limit: ALTERNATIVES_LIMIT }).map(
      describeAlternative,
    );
  });
}

/**
 * Replaces the item's food and re-solves the day's grams to its targets, in
 * one transaction; no model call. Answers the updated day as the plan read
 * shows it.
 */
export async function swapItemFood(caller: Caller, planId: string, itemId: string, foodId: string): Promise<PlanDay> {
  const dayNumber = await asCallerWithOrg(caller, async (tx, orgId) => {
    const { spec, restrictions, dayId, day, itemIds, mealIds, position, catalogue } = await lockItemDay(
      tx,
      orgId,
      planId,
      itemId,
    );
    const foods = indexFoodsById(catalogue);
    const replacement = foods.get(foodId);
    if (!replacement)
      throw badRequest("food_id is not a food in your catalogue", [{ path: "food_id", message: "unknown food" }]);
    const swapped = await swapFood(day, position, replacement, foods, { ...spec, ...restrictions });
    if (!swapped.ok) {
      if ("error" in swapped) throw new ApiError(422, swapped.error.message);
      throw badRequest(refusalMessage(swapped.refusal, replacement.name), [
        { path: "food_id", message: "not allowed" },
      ]);
    }
    // Coaches have no write grant on a plan's days, meals and items: the server writes, under the lock above.
    await continueAsServer(tx);
    await writeDay(tx, dayId, swapped, itemIds, mealIds);
    return day.day;
  });
  const detail = await readPlanDetail(caller, planId);
  const updated = detail.days.find((candidate) => candidate.day_number === dayNumber);
  if (!updated) throw notFound("Day not found");
  return updated;
}

function refusalMessage(refusal: SwapRefusal, name: string): string {
  switch (refusal.reason) {
    case "restricted":
      return `${name} breaks the plan's restrictions: ${refusal.violations.join(", ")}`;
    case "already_in_day":
      return `${name} (or a food of its family) is already in this day`;
    case "same_food":
      return `The item is already ${name}`;
    case "no_such_item":
      return "Item not found in this plan";
  }
}

/**
 * Writes a day's items (same positions, new foods and grams), its meals'
 * titles and preparations, its totals, how far it misses the split and the
 * meal rules it misses (null when none). The misses travel as JSON text cast
 * in SQL: a string bound as jsonb would be stored as one JSON string.
 */
async function writeDay(
  tx: Transaction,
  dayId: string,
  { day, miss, mealMisses }: { day: PlannedDay; miss: MacroMiss | null; mealMisses: readonly MealMiss[] },
  itemIds: string[][],
  mealIds: string[],
): Promise<void> {
  const rows = day.meals.flatMap((meal, mealIndex) =>
    meal.items.map((item, itemIndex) => ({ id: itemIds[mealIndex]?.[itemIndex] ?? "", ...item })),
  );
  await tx`
    update meal_plan_items i set food_id = v.food_id, grams = v.grams, kcal = v.kcal, protein = v.protein,
      carbs = v.carbs, fat = v.fat
    from unnest(${rows.map((r) => r.id)}::uuid[], ${rows.map((r) => r.food_id)}::uuid[], ${rows.map((r) => r.grams)}::numeric[],
      ${rows.map((r) => r.kcal)}::numeric[], ${rows.map((r) => r.protein)}::numeric[], ${rows.map((r) => r.carbs)}::numeric[],
      ${rows.map((r) => r.fat)}::numeric[]) as v(id, food_id, grams, kcal, protein, carbs, fat)
    where i.id = v.id`;
  const meals = day.meals.map((meal, mealIndex) => ({ id: mealIds[mealIndex] ?? "", ...meal }));
  await tx`
    update meal_plan_meals m set title = v.title, preparation = v.preparation
    from unnest(${meals.map((m) => m.id)}::uuid[], ${meals.map((m) => m.title ?? null)}::text[],
      ${meals.map((m) => m.preparation ?? null)}::text[]) as v(id, title, preparation)
    where m.id = v.id`;
  const totals = dayTotals(day);
  await tx`
    update meal_plan_days set total_kcal = ${totals.kcal}, total_protein = ${totals.protein},
      total_carbs = ${totals.carbs}, total_fat = ${totals.fat},
      macro_miss = ${miss === null ? null : JSON.stringify(miss)}::text::jsonb,
      meal_misses = ${mealMisses.length === 0 ? null : JSON.stringify(mealMisses)}::text::jsonb
    where id = ${dayId}`;
}
