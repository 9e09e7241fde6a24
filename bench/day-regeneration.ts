// npm run bench:day — what regenerating one day, and one meal, costs next to regenerating the plan.
//
// Runs the real generate-meal-plan and regenerate-plan-day stories (real SDK,
// real PostgreSQL) against the fake Messages API at Haiku's published output
// speed, with the 20 s step budget, on the same 14-day plan, alternating the
// three (whole plan, day 7, day 7's lunch) a few rounds so both see the same machine load. Reports model calls,
// output tokens and wall time of each, and the ratios. Bounded: 3 rounds,
// stops at the first failure. Results also go to bench/results/.
import { randomUUID } from "node:crypto";
import { mkdir, writeFile } from "node:fs/promises";
import { cpus, hostname } from "node:os";
import type { ModelPort } from "@/generation/model/model-port";
import { generateMealPlan } from "@/inngest/story/generate-meal-plan";
import { regeneratePlanDay } from "@/inngest/story/regenerate-plan-day";
import { chunkLimitsFor, generationDependencies } from "@/inngest/story/run-dependencies";
import type { StepRunner } from "@/inngest/story/story-steps";
import { createClaudeModel } from "@/server/claude-model";
import { closeDatabase, db } from "@/server/database/index";
import { prepareDatabase } from "@/server/database/local-database";
import { dayGenerationStore } from "@/server/day-generation-store";
import { env, resetEnvForTests } from "@/server/env";
import { startFakeAnthropic } from "../tests/support/fake-anthropic";

const HAIKU_TOKENS_PER_SECOND = 100;
const PLAN_DAYS = 14;
const DAY = 7;
const ROUNDS = 3;
const ORG = "a0000000-0000-4000-8000-000000000001";

const database = await prepareDatabase({ databaseUrl: env().DATABASE_URL });
process.env.DATABASE_URL = database.url;
resetEnvForTests();
const fake = await startFakeAnthropic({ outputTokensPerSecond: HAIKU_TOKENS_PER_SECOND, charsPerToken: 3 });
const claude = createClaudeModel({ apiKey: "bench-key", baseURL: fake.baseURL, timeoutMs: 300_000 });

type Measure = { calls: number; outputTokens: number; seconds: number };
let tally: Measure = { calls: 0, outputTokens: 0, seconds: 0 };
const model: ModelPort = {
  name: "claude",
  async planPass(pass, options) {
    const reply = await claude.planPass(pass, options);
    tally.calls += 1;
    tally.outputTokens += reply.usage.outputTokens;
    return reply;
  },
};
const steps: StepRunner = { run: (_id, work) => work() };
const logger = { info: () => undefined, warn: () => undefined };
const dependencies = generationDependencies({ model, chunkLimitsFor: chunkLimitsFor(20), logger });

async function measure(work: () => Promise<{ status: string }>): Promise<Measure> {
  tally = { calls: 0, outputTokens: 0, seconds: 0 };
  const started = performance.now();
  const outcome = await work();
  if (outcome.status !== "saved") throw new Error(`run ended ${outcome.status}`);
  return { ...tally, seconds: (performance.now() - started) / 1000 };
}

const [plan] = await db()<{ id: string }[]>`
  insert into meal_plans (org_id, name, plan_length_days, intake_data)
  values (${ORG}, 'bench: day regeneration', ${PLAN_DAYS}, ${db().json({ calorie_target: 2200, meals_per_day: 4 })})
  returning id`;
const planId = plan?.id ?? "";

const whole: Measure[] = [];
const oneDay: Measure[] = [];
const oneMeal: Measure[] = [];
for (let round = 0; round < ROUNDS; round++) {
  const generationId = randomUUID();
  await db()`update meal_plans set generation_status = 'generating', generation_id = ${generationId} where id = ${planId}`;
  whole.push(
    await measure(() => generateMealPlan({ planId, orgId: ORG, generationId, request: {} }, steps, dependencies)),
  );

  const dayGenerationId = randomUUID();
  await db()`update meal_plans set day_generation_id = ${dayGenerationId}, day_generation_day = ${DAY},
               day_generation_status = 'generating' where id = ${planId}`;
  oneDay.push(
    await measure(() =>
      regeneratePlanDay({ planId, orgId: ORG, dayGenerationId, day: DAY }, steps, {
        ...dependencies,
        store: dayGenerationStore,
      }),
    ),
  );

  const mealGenerationId = randomUUID();
  await db()`update meal_plans set day_generation_id = ${mealGenerationId}, day_generation_day = ${DAY},
               day_generation_meal = 'Lunch', day_generation_status = 'generating' where id = ${planId}`;
  oneMeal.push(
    await measure(() =>
      regeneratePlanDay({ planId, orgId: ORG, dayGenerationId: mealGenerationId, day: DAY, meal: "Lunch" }, steps, {
        ...dependencies,
        store: dayGenerationStore,
      }),
    ),
  );
  await db()`update meal_plans set day_generation_meal = null where id = ${planId}`;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
const summary = (measures: Measure[]) => ({
  calls: median(measures.map((m) => m.calls)),
  outputTokens: median(measures.map((m) => m.outputTokens)),
  seconds: median(measures.map((m) => m.seconds)),
});
const w = summary(whole);
const d = summary(oneDay);
const m = summary(oneMeal);
const lines = [
  `Regenerating day ${DAY} (and its lunch) of a ${PLAN_DAYS}-day plan vs the whole plan: fake Messages API at ${HAIKU_TOKENS_PER_SECOND} output tokens/s, 20 s step budget, median of ${ROUNDS} alternating rounds`,
  `machine: ${hostname()}, ${cpus().length} × ${cpus()[0]?.model ?? "cpu"}; ${new Date().toISOString()}`,
  "",
  "run              model calls   output tokens   wall s",
  `whole plan       ${String(w.calls).padStart(11)}   ${String(w.outputTokens).padStart(13)}   ${w.seconds.toFixed(1).padStart(6)}`,
  `one day          ${String(d.calls).padStart(11)}   ${String(d.outputTokens).padStart(13)}   ${d.seconds.toFixed(1).padStart(6)}`,
  `one meal         ${String(m.calls).padStart(11)}   ${String(m.outputTokens).padStart(13)}   ${m.seconds.toFixed(1).padStart(6)}`,
  `one day / whole  ${(d.calls / w.calls).toFixed(3).padStart(11)}   ${(d.outputTokens / w.outputTokens).toFixed(3).padStart(13)}   ${(d.seconds / w.seconds).toFixed(3).padStart(6)}`,
  `one meal / day   ${(m.calls / d.calls).toFixed(3).padStart(11)}   ${(m.outputTokens / d.outputTokens).toFixed(3).padStart(13)}   ${(m.seconds / d.seconds).toFixed(3).padStart(6)}`,
];
console.log(lines.join("\n"));
await mkdir("bench/results", { recursive: true });
const file = `bench/results/day-regeneration-${new Date().toISOString().slice(0, 10)}-${hostname()}.txt`;
await writeFile(file, `${lines.join("\n")}\n`);
console.log(`\nwritten to ${file}`);

await fake.close();
await closeDatabase();
await database.embedded?.stop();
