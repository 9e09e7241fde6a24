import { z } from "zod";
import { type DayEdit, editDay } from "@/generation/adjust/edit-day";
import { indexFoodsById } from "@/generation/catalogue/catalogue";
import type { Caller } from "@/server/auth/authenticate";
import { badRequest, notFound } from "@/server/http/api-error";
import type { EditKind } from "./edited-day-store";
import { type DayTarget, type EditAnswer, editAndRead, type LockedDay } from "./plan-edits";

/**
 * A coach's hand edits of one day (edit-day.ts decides them; editAndRead
 * locks, keeps the history and writes): set an item's grams, move it to
 * another meal, lock or unlock it, remove it, add a food to a meal,
 * rebalance the unlocked items, and undo the newest edit.
 */

const Grams = z
  .number({ message: "grams must be a number" })
  .finite()
  .refine((grams) => Math.round(grams * 10) === grams * 10, { message: "grams has at most one decimal" });
const MealPosition = z.number({ message: "meal_position must be a number" }).int().min(0).max(20);

/** One change to an item: exactly one of its grams, its meal (by position in the day) or its lock. */
export const ItemEditBodySchema = z
  .strictObject({
    grams: Grams.optional(),
    meal_position: MealPosition.optional(),
    locked: z.boolean({ message: "locked must be true or false" }).optional(),
  })
  .refine((body) => Object.keys(body).length === 1, { message: "Send one of grams, meal_position or locked" });
export type ItemEditBody = z.infer<typeof ItemEditBodySchema>;

/** A food to add to a meal of the day (by position), at these grams or its usual portion. */
export const AddItemBodySchema = z.strictObject({
  meal_position: MealPosition,
  food_id: z.uuid({ message: "food_id must be a UUID" }),
  grams: Grams.optional(),
});
export type AddItemBody = z.infer<typeof AddItemBodySchema>;

/** Sets an item's grams, moves it to another meal, or locks or unlocks it. */
export function editItem(caller: Caller, planId: string, itemId: string, body: ItemEditBody): Promise<EditAnswer> {
  return applyDayEdit(caller, planId, { itemId }, ({ position }) => {
    if (!position) throw notFound("Item not found in this plan");
    if (body.grams !== undefined) return { kind: "grams", edit: { kind: "grams", position, grams: body.grams } };
    if (body.meal_position !== undefined) {
      return { kind: "move", edit: { kind: "move", position, toMeal: body.meal_position } };
    }
    const locked = body.locked === true;
    return { kind: locked ? "lock" : "unlock", edit: { kind: "lock", position, locked } };
  });
}

/** Removes an item from its meal. */
export function removeItem(caller: Caller, planId: string, itemId: string): Promise<EditAnswer> {
  return applyDayEdit(caller, planId, { itemId }, ({ position }) => {
    if (!position) throw notFound("Item not found in this plan");
    return { kind: "remove", edit: { kind: "remove", position } };
  });
}

/** Adds one of the org's foods to a meal of the day. */
export function addItem(caller: Caller, planId: string, dayNumber: number, body: AddItemBody): Promise<EditAnswer> {
  return applyDayEdit(caller, planId, { dayNumber }, ({ catalogue }) => {
    const food = catalogue.find((candidate) => candidate.id === body.food_id);
    if (!food) {
      throw badRequest("food_id is not a food in your catalogue", [{ path: "food_id", message: "unknown food" }]);
    }
    const edit: DayEdit = { kind: "add", meal: body.meal_position, food };
    return { kind: "add", edit: body.grams === undefined ? edit : { ...edit, grams: body.grams } };
  });
}

/** Re-solves the day's unlocked items onto its targets, the locked ones fixed. */
export function rebalanceDay(caller: Caller, planId: string, dayNumber: number): Promise<EditAnswer> {
  return applyDayEdit(caller, planId, { dayNumber }, () => ({ kind: "rebalance", edit: { kind: "rebalance" } }));
}

/** Puts the day back as it was before its newest edit (409 when it has none). */
export function undoDayEdit(caller: Caller, planId: string, dayNumber: number): Promise<EditAnswer> {
  return editAndRead(caller, planId, { dayNumber }, async () => ({ undo: true }));
}

/** Runs edit-day.ts on the locked day; a refusal is a 400 naming the field at fault. */
function applyDayEdit(
  caller: Caller,
  planId: string,
  target: DayTarget,
  choose: (locked: LockedDay) => { kind: EditKind; edit: DayEdit },
): Promise<EditAnswer> {
  return editAndRead(caller, planId, target, async (locked) => {
    const { kind, edit } = choose(locked);
    const result = await editDay(locked.day, edit, indexFoodsById(locked.catalogue), {
      ...locked.spec,
      ...locked.restrictions,
    });
    if (!result.ok) {
      const { message, field } = result.refusal;
      throw badRequest(message, field ? [{ path: field, message: "not allowed" }] : undefined);
    }
    const { ok: _ok, ...edited } = result;
    return { kind, edited };
  });
}
