import { z } from "zod";
import { type EditableDay, type EditedDay, editDay } from "@/generation/adjust/edit-day";
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
import { asCallerWithOrg } from "@/server/auth/as-caller";
import type { Caller } from "@/server/auth/authenticate";
import { continueAsServer, type Transaction } from "@/server/database/index";
import { ApiError, badRequest, notFound } from "@/server/http/api-error";
import { runningDayRun } from "./day-regeneration-start";
import {
  type DayToWrite,
  type EditKind,
  popHistory,
  pushHistory,
  readDayToWrite,
  writeEditedDay,
} from "./edited-day-store";
import { type PlanDay, type PlanDetail, type PlanItem, readPlanDetail } from "./plan-detail";

/**
 * A coach's edits to a saved plan (swap a food here; grams, add, remove,
 * move, lock, rebalance and undo in day-edits.ts), as the signed-in coach
 * under row-level security, each in one transaction that holds the plan's
 * row, so an edit never interleaves with a generation's save or another edit.
 */

/** How many alternatives the swap list offers. */
export const ALTERNATIVES_LIMIT = 12;

export const SwapBodySchema = z.strictObject({ food_id: z.uuid({ message: "food_id must be a UUID" }) });

export type LockedDay = {
  spec: PlanSpec;
  /** The plan's diet, allergies and disliked families. */
  restrictions: Restrictions;
  /** The day as saved: its items with their ids and locks, its misses. */
  saved: DayToWrite;
  day: EditableDay;
  /** Where the item sits, when the day was found by an item. */
  position: ItemPosition | undefined;
  catalogue: CatalogueFood[];
};

/** The day an edit is about: the one holding an item, or a day by its number. */
export type DayTarget = { itemId: string } | { dayNumber: number };

/**
 * Locks the caller's plan, then reads the target day, its items in order, the
 * plan's targets and the org's catalogue. 404 for a plan outside the
 * caller's org, or an item or day outside the plan; 409 naming what holds the
 * day while a run writes it (its save would replace the day anyway).
 */
export async function lockPlanDay(
  tx: Transaction,
  orgId: string,
  planId: string,
  target: DayTarget,
): Promise<LockedDay> {
  const [plan] = await tx<
    (StoredPlanInputs & {
      org_id: string;
      generation_status: string;
      day_generation_status: string | null;
      day_generation_day: number | null;
      day_generation_meal: string | null;
    })[]
  >`
    select org_id, generation_status, day_generation_status, day_generation_day, day_generation_meal,
      ${tx(STORED_PLAN_INPUT_COLUMNS)}
    from meal_plans where id = ${planId} and org_id = ${orgId} for update`;
  if (!plan) throw notFound();
  const [owner] = await tx<{ day_id: string; day_number: number; macro_miss: unknown; meal_misses: unknown }[]>`
    select d.id as day_id, d.day_number, d.macro_miss, d.meal_misses from meal_plan_days d
    where d.plan_id = ${planId} and ${
      "itemId" in target
        ? tx`d.id = (select m.day_id from meal_plan_items i join meal_plan_meals m on m.id = i.meal_id
                     where i.id = ${target.itemId})`
        : tx`d.day_number = ${target.dayNumber}`
    }`;
  if (!owner) throw notFound("itemId" in target ? "Item not found in this plan" : "Day not found in this plan");
  if (plan.generation_status === "generating") {
    throw new ApiError(409, "The plan is being generated; edit it once generation has finished");
  }
  if (plan.day_generation_status === "generating" && plan.day_generation_day === owner.day_number) {
    const running = runningDayRun(owner.day_number, plan.day_generation_meal);
    throw new ApiError(409, `${running} is being regenerated; edit the day once that has finished`);
  }

  let spec: PlanSpec;
  try {
    spec = resolvePlanSpec(plan);
  } catch (error) {
    if (error instanceof PlanInputError) throw badRequest(error.message);
    throw error;
  }
  const saved = await readDayToWrite(tx, owner);
  const { day } = saved.edited;
  let position: ItemPosition | undefined;
  if ("itemId" in target) {
    day.meals.forEach((meal, m) => {
      const i = meal.items.findIndex((item) => item.id === target.itemId);
      if (i >= 0) position = { meal: m, item: i };
    });
    if (!position) throw notFound("Item not found in this plan");
  }

  const catalogueRows = await tx`
    select ${tx(CATALOGUE_COLUMNS)} from foods where org_id is null or org_id = ${plan.org_id} order by name, id`;
  const catalogue = catalogueRows.map((row) => CatalogueFoodSchema.parse(row));
  const restrictions = planRestrictions(spec, catalogue);
  return { spec, restrictions, saved, day, position, catalogue };
}

/** A food that could replace an item, shown as the item would be (no item id: it is not in the plan yet). */
export type AlternativeFood = Omit<PlanItem, "id" | "locked" | "fibre">;

function describeAlternative({ food, item }: Alternative): AlternativeFood {
  const { food_id, ...nutrition } = item;
  return { food_id, food_name: food.name, food_group: food.food_group, ...nutrition };
}

/** Foods that may replace the item (its plate role, suited to its meal), closest macros first, each at the item's energy. */
export async function listAlternatives(caller: Caller, planId: string, itemId: string): Promise<AlternativeFood[]> {
  return asCallerWithOrg(caller, async (tx, orgId) => {
    const { day, position, catalogue, restrictions } = await lockPlanDay(tx, orgId, planId, { itemId });
    if (!position) throw notFound("Item not found in this plan");
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
export async function swapItemFood(
  caller: Caller,
  planId: string,
  itemId: string,
  foodId: string,
): Promise<EditAnswer> {
  return editAndRead(caller, planId, { itemId }, async ({ spec, restrictions, day, position, catalogue }) => {
    const foods = indexFoodsById(catalogue);
    const replacement = foods.get(foodId);
    if (!replacement)
      throw badRequest("food_id is not a food in your catalogue", [{ path: "food_id", message: "unknown food" }]);
    if (!position) throw notFound("Item not found in this plan");
    if (day.meals[position.meal]?.items[position.item]?.locked) {
      throw new ApiError(409, "The item is locked; unlock it to swap its food");
    }
    const swapped = await swapFood(day, position, replacement, foods, { ...spec, ...restrictions });
    if (!swapped.ok) {
      if ("error" in swapped) throw new ApiError(422, swapped.error.message);
      throw badRequest(refusalMessage(swapped.refusal, replacement.name), [
        { path: "food_id", message: "not allowed" },
      ]);
    }
    // The swap keeps every item where it was: ids and locks carry over by position. A locked
    // item gets its grams back (the swap re-solved every item), and the rest is rebalanced around it.
    const carried: EditableDay = {
      day: swapped.day.day,
      meals: swapped.day.meals.map((meal, m) => ({
        ...meal,
        items: meal.items.map((item, i) => {
          const before = day.meals[m]?.items[i];
          return before?.locked ? before : { ...item, id: before?.id ?? null, locked: false };
        }),
      })),
    };
    if (!carried.meals.some((meal) => meal.items.some((item) => item.locked))) {
      return { kind: "swap", edited: { ...swapped, day: carried } };
    }
    const rebalanced = await editDay(carried, { kind: "rebalance" }, foods, { ...spec, ...restrictions });
    if (!rebalanced.ok) throw badRequest(rebalanced.refusal.message);
    const { ok: _ok, ...edited } = rebalanced;
    return { kind: "swap", edited };
  });
}

/**
 * A day as an edit answers it: the day as the plan read shows it, the edit
 * Undo would take back, and how each food of the plan is bought (a food the
 * edit brought in keeps the grocery list right without a fresh read).
 */
export type EditAnswer = { day: PlanDay; undo: EditKind | null; shopping: PlanDetail["shopping"] };

/**
 * The one path of every hand edit: lock the plan and read the day, let
 * `edit` decide the new day (or refuse with an ApiError), then, as the
 * server, keep the day as it was in its history and write the new one, all
 * in one transaction. Answers the day as a fresh read shows it.
 */
export async function editAndRead(
  caller: Caller,
  planId: string,
  target: DayTarget,
  edit: (locked: LockedDay) => Promise<{ kind: EditKind; edited: EditedDay } | { undo: true }>,
): Promise<EditAnswer> {
  const dayNumber = await asCallerWithOrg(caller, async (tx, orgId) => {
    const locked = await lockPlanDay(tx, orgId, planId, target);
    const change = await edit(locked);
    // Coaches have no write grant on a plan's days, meals and items: the server writes, under the lock above.
    await continueAsServer(tx);
    if ("undo" in change) {
      const previous = await popHistory(tx, locked.saved.dayId);
      if (!previous) throw new ApiError(409, `Day ${locked.day.day} has no edit to undo`);
      await writeEditedDay(tx, previous.before);
    } else {
      await pushHistory(tx, change.kind, locked.saved);
      await writeEditedDay(tx, { ...locked.saved, edited: change.edited });
    }
    return locked.day.day;
  });
  const detail = await readPlanDetail(caller, planId, dayNumber);
  const updated = detail.days.find((candidate) => candidate.day_number === dayNumber);
  if (!updated) throw notFound("Day not found");
  return { day: updated, undo: updated.last_edit, shopping: detail.shopping };
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
