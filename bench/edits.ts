// npm run bench:edits — how long each hand edit of a day takes on a 28-day plan.
//
// Generates a 28-day plan with the offline planner (real PostgreSQL, the
// embedded one unless DATABASE_URL is set: give EMBEDDED_DATABASE_PORT a port
// of your own if another checkout runs one), then calls each edit's route
// handler as the seeded coach, ROUNDS times per edit across the plan's days,
// each edit undone after it is timed (so the day stays as generated). Checks
// that every answer's totals equal a fresh read of the day. Reports p50 and
// p95 per edit (the route's whole work: auth, spend bucket, lock, solver,
// write and the plan read it answers with). Bounded: ROUNDS x 8 requests.
// Results also go to bench/results/.
import { mkdir, writeFile } from "node:fs/promises";
import { cpus, hostname } from "node:os";
import * as addRoute from "@/app/api/nutrition/plans/[planId]/days/[day]/items/route";
import * as rebalanceRoute from "@/app/api/nutrition/plans/[planId]/days/[day]/rebalance/route";
import * as undoRoute from "@/app/api/nutrition/plans/[planId]/days/[day]/undo/route";
import * as itemRoute from "@/app/api/nutrition/plans/[planId]/items/[itemId]/route";
import * as planRoute from "@/app/api/nutrition/plans/[planId]/route";
import { closeDatabase, db } from "@/server/database/index";
import { prepareDatabase } from "@/server/database/local-database";
import { env, resetEnvForTests } from "@/server/env";
import type { PlanDay } from "@/server/plan-detail";
import { call, demoCoachToken } from "../tests/support/api-client";
import { offlineGeneratedPlan } from "./lib/offline-plan";

const PLAN_DAYS = 28;
const ROUNDS = 40;

process.env.LOCAL_AUTH = "1";
// The bench edits far faster than a coach: the spend buckets are not what it measures.
process.env.SPEND_LIMIT_SCALE = "1000";
delete process.env.ANTHROPIC_API_KEY;
const database = await prepareDatabase({ databaseUrl: env().DATABASE_URL });
process.env.DATABASE_URL = database.url;
resetEnvForTests();

const planId = await offlineGeneratedPlan("bench: hand edits", PLAN_DAYS);

const token = await demoCoachToken();
const readDays = async () => (await call(planRoute.GET, { token, params: { planId } })).json.days as PlanDay[];
const addable = await db()<{ id: string; meal_types: string[]; family: string }[]>`
  select id, meal_types, family from foods where org_id is null order by name`;

const timings: Record<string, number[]> = {};
let mismatches = 0;
async function timed(kind: string, request: () => ReturnType<typeof call>) {
  const started = performance.now();
  const response = await request();
  const ms = performance.now() - started;
  if (response.status !== 200) throw new Error(`${kind}: ${response.status} ${JSON.stringify(response.json)}`);
  timings[kind] = [...(timings[kind] ?? []), ms];
  const answered = response.json.day as PlanDay;
  const fresh = (await readDays()).find((day) => day.day_number === answered.day_number);
  if (JSON.stringify(fresh?.totals) !== JSON.stringify(answered.totals)) mismatches += 1;
  return answered;
}

const days = await readDays();
for (let round = 0; round < ROUNDS; round++) {
  const day = days[round % days.length] as PlanDay;
  const dayParam = String(day.day_number);
  const undo = () => timed("undo", () => call(undoRoute.POST, { token, params: { planId, day: dayParam }, body: {} }));
  const meal = day.meals.find((each) => each.items.length > 1) ?? day.meals[0];
  const item = meal?.items[0];
  if (!meal || !item) throw new Error("empty day");
  const patch = (body: unknown) =>
    call(itemRoute.PATCH, { token, method: "PATCH", params: { planId, itemId: item.id }, body });

  await timed("set grams", () => patch({ grams: Math.max(10, Math.round(Number(item.grams) * 0.8)) }));
  await undo();
  await timed("lock", () => patch({ locked: true }));
  await timed("rebalance", () => call(rebalanceRoute.POST, { token, params: { planId, day: dayParam }, body: {} }));
  await undo();
  await undo();
  const [food] = await db()<{ meal_types: string[] }[]>`select meal_types from foods where id = ${item.food_id}`;
  const target = day.meals.findIndex(
    (other) => other !== meal && food?.meal_types.some((type) => other.name.toLowerCase().includes(type)),
  );
  if (target >= 0) {
    await timed("move", () => patch({ meal_position: target }));
    await undo();
  }
  await timed("remove", () => call(itemRoute.DELETE, { token, method: "DELETE", params: { planId, itemId: item.id } }));
  await undo();
  const mealIndex = day.meals.indexOf(meal);
  const type = meal.name.toLowerCase();
  const used = new Set(day.meals.flatMap((each) => each.items.map((one) => one.food_id)));
  const usedFamilies = new Set(addable.filter((one) => used.has(one.id)).map((one) => one.family));
  const extra = addable.find(
    (one) => !used.has(one.id) && !usedFamilies.has(one.family) && one.meal_types.some((t) => type.includes(t)),
  );
  if (extra) {
    await timed("add", () =>
      call(addRoute.POST, {
        token,
        params: { planId, day: dayParam },
        body: { meal_position: mealIndex, food_id: extra.id },
      }),
    );
    await undo();
  }
}

const percentile = (values: number[], p: number) =>
  [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor((values.length * p) / 100))] ?? 0;
const lines = [
  `Hand edits of a ${PLAN_DAYS}-day plan (4 meals a day), route handlers in-process, ${ROUNDS} rounds across its days`,
  `machine: ${hostname()}, ${cpus().length} × ${cpus()[0]?.model ?? "cpu"}; ${new Date().toISOString()}`,
  "",
  "edit         n     p50 ms   p95 ms",
  ...Object.entries(timings).map(
    ([kind, values]) =>
      `${kind.padEnd(10)} ${String(values.length).padStart(3)}   ${percentile(values, 50).toFixed(0).padStart(6)}   ${percentile(values, 95).toFixed(0).padStart(6)}`,
  ),
  "",
  `answers whose totals differ from a fresh read: ${mismatches}`,
];
console.log(lines.join("\n"));
await mkdir("bench/results", { recursive: true });
const file = `bench/results/edits-${new Date().toISOString().slice(0, 16).replace(":", "")}-${hostname()}.md`;
await writeFile(file, `\`\`\`\n${lines.join("\n")}\n\`\`\`\n`);
console.log(`\nwritten to ${file}`);

await db()`delete from meal_plans where id = ${planId}`;
await closeDatabase();
await database.embedded?.stop();
