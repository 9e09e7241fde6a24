import { z } from "zod";
import { MacroMissSchema } from "@/generation/adjust/balance-day";
import type { EditableDay, EditedDay } from "@/generation/adjust/edit-day";
import { fromDatabaseNumber } from "@/generation/catalogue/catalogue";
import { MealMissesSchema } from "@/generation/meals/meal-patterns";
import { dayTotals } from "@/generation/nutrition/day-totals";
import type { Database, Transaction } from "@/server/database/index";

/**
 * Writing a coach's edit of one day, and the day's history (undo), on the
 * server's connection inside the edit's transaction (the caller holds the
 * plan's row lock and has switched to the server: coaches have no write
 * grant on a plan's days, meals and items, nor any on the history).
 */

/** What a day's history says an edit was (meal_plan_day_edits.kind). */
export const EDIT_KINDS = [
  "grams",
  "add",
  "remove",
  "move",
  "lock",
  "unlock",
  "rebalance",
  "swap",
  "regenerate-meal",
] as const;
export type EditKind = (typeof EDIT_KINDS)[number];

/** A day as written: its meals' ids in order, and the edited day (items with their ids, null for new ones). */
export type DayToWrite = { dayId: string; mealIds: readonly string[]; edited: EditedDay };

const SnapshotSchema = z.object({
  mealIds: z.array(z.string()),
  day: z.object({
    day: z.number().int(),
    meals: z.array(
      z.object({
        name: z.string(),
        title: z.string().optional(),
        preparation: z.string().optional(),
        items: z.array(
          z.object({
            id: z.string().nullable(),
            locked: z.boolean(),
            food_id: z.string(),
            grams: z.number(),
            kcal: z.number(),
            protein: z.number(),
            carbs: z.number(),
            fat: z.number(),
          }),
        ),
      }),
    ),
  }),
  miss: MacroMissSchema.nullable(),
  mealMisses: MealMissesSchema,
});

/**
 * Writes the day: its items replaced by the edited ones (ids kept, new items
 * given one; positions follow the day's order), its meals' titles and
 * preparations, its totals and misses. Items are deleted and inserted rather
 * than updated, so moving one between meals never trips (meal_id, position).
 * The locks travel as text: postgres.js cannot bind a boolean array.
 */
export async function writeEditedDay(tx: Transaction, { dayId, mealIds, edited }: DayToWrite): Promise<void> {
  const { day, miss, mealMisses } = edited;
  const rows = day.meals.flatMap((meal, m) =>
    meal.items.map((item, position) => ({ ...item, meal_id: mealIds[m] ?? "", position })),
  );
  const column = <K extends keyof (typeof rows)[number]>(key: K) => rows.map((row) => row[key]);
  await tx`delete from meal_plan_items where meal_id = any(${[...mealIds]}::uuid[])`;
  await tx`
    insert into meal_plan_items (id, meal_id, food_id, position, grams, kcal, protein, carbs, fat, locked)
    select coalesce(v.id, gen_random_uuid()), v.meal_id, v.food_id, v.position, v.grams, v.kcal, v.protein, v.carbs,
      v.fat, v.locked::boolean
    from unnest(${column("id")}::uuid[], ${column("meal_id")}::uuid[], ${column("food_id")}::uuid[],
      ${column("position")}::int[], ${column("grams")}::numeric[], ${column("kcal")}::numeric[],
      ${column("protein")}::numeric[], ${column("carbs")}::numeric[], ${column("fat")}::numeric[],
      ${column("locked").map(String)}::text[]) as v(id, meal_id, food_id, position, grams, kcal, protein, carbs, fat, locked)`;
  const meals = day.meals.map((meal, m) => ({ id: mealIds[m] ?? "", ...meal }));
  await tx`
    update meal_plan_meals m set title = v.title, preparation = v.preparation
    from unnest(${meals.map((meal) => meal.id)}::uuid[], ${meals.map((meal) => meal.title ?? null)}::text[],
      ${meals.map((meal) => meal.preparation ?? null)}::text[]) as v(id, title, preparation)
    where m.id = v.id`;
  const totals = dayTotals(day);
  // The misses travel as JSON text cast in SQL: a string bound as jsonb would be stored as one JSON string.
  await tx`
    update meal_plan_days set total_kcal = ${totals.kcal}, total_protein = ${totals.protein},
      total_carbs = ${totals.carbs}, total_fat = ${totals.fat},
      macro_miss = ${miss === null ? null : JSON.stringify(miss)}::text::jsonb,
      meal_misses = ${mealMisses.length === 0 ? null : JSON.stringify(mealMisses)}::text::jsonb
    where id = ${dayId}`;
}

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
  locked: z.boolean(),
});

/**
 * Reads a saved day as an edit (or a meal regeneration) changes it: its
 * meals in order with their ids, titles and items (ids and locks), and its
 * misses.
 */
export async function readDayToWrite(
  tx: Database | Transaction,
  owner: { day_id: string; day_number: number; macro_miss: unknown; meal_misses: unknown },
): Promise<DayToWrite> {
  const rows = await tx`
    select i.id, m.id as meal_id, m.position as meal_position, m.name as meal_name, m.title as meal_title,
      m.preparation as meal_preparation, i.food_id, i.grams, i.kcal, i.protein, i.carbs, i.fat, i.locked
    from meal_plan_meals m join meal_plan_items i on i.meal_id = m.id
    where m.day_id = ${owner.day_id} order by m.position, i.position`;
  const day: EditableDay = { day: owner.day_number, meals: [] };
  const mealIds: string[] = [];
  let lastMeal: number | undefined;
  for (const row of rows) {
    const { meal_id, meal_position, meal_name, meal_title, meal_preparation, ...item } = ItemRowSchema.parse(row);
    if (meal_position !== lastMeal) {
      day.meals.push({
        name: meal_name,
        ...(meal_title === null ? {} : { title: meal_title }),
        ...(meal_preparation === null ? {} : { preparation: meal_preparation }),
        items: [],
      });
      mealIds.push(meal_id);
      lastMeal = meal_position;
    }
    day.meals[day.meals.length - 1]?.items.push(item);
  }
  const miss = MacroMissSchema.nullable().safeParse(owner.macro_miss);
  const mealMisses = MealMissesSchema.safeParse(owner.meal_misses ?? []);
  return {
    dayId: owner.day_id,
    mealIds,
    edited: { day, miss: miss.success ? miss.data : null, mealMisses: mealMisses.success ? mealMisses.data : [] },
  };
}

/** Keeps the day as it was before an edit of this kind, newest last. */
export async function pushHistory(tx: Transaction, kind: EditKind, before: DayToWrite): Promise<void> {
  const snapshot = { mealIds: before.mealIds, ...before.edited };
  await tx`
    insert into meal_plan_day_edits (day_id, kind, snapshot)
    values (${before.dayId}, ${kind}, ${JSON.stringify(snapshot)}::text::jsonb)`;
}

/**
 * Takes the day's newest snapshot off its history: the day to write back and
 * the edit it undoes. Undefined when the day has no history.
 */
export async function popHistory(
  tx: Transaction,
  dayId: string,
): Promise<{ kind: EditKind; before: DayToWrite } | undefined> {
  const [row] = await tx<{ kind: EditKind; snapshot: unknown }[]>`
    delete from meal_plan_day_edits where id = (
      select id from meal_plan_day_edits where day_id = ${dayId} order by id desc limit 1)
    returning kind, snapshot`;
  if (!row) return undefined;
  const { mealIds, ...edited } = SnapshotSchema.parse(row.snapshot);
  return { kind: row.kind, before: { dayId, mealIds, edited } };
}

/** The newest edit of each of a plan's days that has one (what Undo would take back), by day number. */
export async function lastEdits(tx: Database | Transaction, planId: string): Promise<Map<number, EditKind>> {
  const rows = await tx<{ day_number: number; kind: EditKind }[]>`
    select distinct on (d.day_number) d.day_number, e.kind
    from meal_plan_day_edits e join meal_plan_days d on d.id = e.day_id
    where d.plan_id = ${planId} order by d.day_number, e.id desc`;
  return new Map(rows.map((row) => [row.day_number, row.kind]));
}
