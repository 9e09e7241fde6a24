// npm run bench:steps — does every workflow step fit the serverless budget?
//
// Runs the real generate-meal-plan handler (real SDK, real PostgreSQL) against
// the fake Messages API speaking at Claude's published output speed, and
// times every step. With the 20 s budget each model call is sized to fit; with
// no budget (the original route's two calls) the longest step is what Netlify would kill.
// Bounded: a handful of plans, each run stops at its first error.
import { randomUUID } from "node:crypto";
import { generateMealPlan } from "@/inngest/story/generate-meal-plan";
import { chunkLimitsFor, generationDependencies } from "@/inngest/story/run-dependencies";
import type { StepRunner } from "@/inngest/story/story-steps";
import { createClaudeModel } from "@/server/claude-model";
import { closeDatabase, db } from "@/server/database/index";
import { prepareDatabase } from "@/server/database/local-database";
import { env, resetEnvForTests } from "@/server/env";
import { startFakeAnthropic } from "../tests/support/fake-anthropic";

const HAIKU_TOKENS_PER_SECOND = 100; // published ~100 tokens/s
const NETLIFY_LIMIT_SECONDS = 26;

const database = await prepareDatabase({ databaseUrl: env().DATABASE_URL });
process.env.DATABASE_URL = database.url;
resetEnvForTests();
// JSON dense with UUIDs tokenizes at ~3 characters per token.
const fake = await startFakeAnthropic({ outputTokensPerSecond: HAIKU_TOKENS_PER_SECOND, charsPerToken: 3 });
const model = createClaudeModel({ apiKey: "bench-key", baseURL: fake.baseURL, timeoutMs: 300_000 });

const rows: string[] = [];
for (const [days, budget] of [
  [7, 20],
  [14, 20],
  [28, 20],
  [7, null],
  [14, null],
] as const) {
  const generationId = randomUUID();
  const [plan] = await db()<{ id: string }[]>`
    insert into meal_plans (org_id, name, plan_length_days, intake_data, generation_status, generation_id)
    values ('a0000000-0000-4000-8000-000000000001', 'bench', ${days}, ${db().json({ calorie_target: 2200, meals_per_day: 4 })},
            'generating', ${generationId})
    returning id`;
  const durations: { id: string; seconds: number }[] = [];
  const timedSteps: StepRunner = {
    async run(id, work) {
      const started = performance.now();
      try {
        return await work();
      } finally {
        durations.push({ id, seconds: (performance.now() - started) / 1000 });
      }
    },
  };
  const requestsBefore = fake.requests.length;
  const started = performance.now();
  let outcome: string;
  try {
    const result = await generateMealPlan(
      { planId: plan?.id ?? "", orgId: "a0000000-0000-4000-8000-000000000001", generationId, request: {} },
      timedSteps,
      generationDependencies({ model, chunkLimitsFor: chunkLimitsFor(budget) }),
    );
    outcome = result.status;
  } catch (error) {
    outcome = `failed: ${(error as Error).message.slice(0, 70)}`;
  }
  const wall = (performance.now() - started) / 1000;
  const longest = durations.reduce((max, step) => (step.seconds > max.seconds ? step : max), { id: "-", seconds: 0 });
  const calls = fake.requests.slice(requestsBefore);
  rows.push(
    [
      `${days} days`.padEnd(8),
      (budget === null ? "none (original)" : `${budget} s`).padEnd(12),
      String(calls.length).padStart(5),
      String(Math.max(...calls.map((call) => call.body?.max_tokens ?? 0))).padStart(10),
      `${longest.seconds.toFixed(1)} s (${longest.id})`.padEnd(30),
      longest.seconds <= NETLIFY_LIMIT_SECONDS ? "yes" : "NO ",
      `${wall.toFixed(1)} s`.padStart(8),
      `  ${outcome}`,
    ].join("  "),
  );
  console.log(rows[rows.length - 1]);
}

console.log(
  `\nStep durations at ${HAIKU_TOKENS_PER_SECOND} output tokens/s (Haiku's published speed), Netlify limit ${NETLIFY_LIMIT_SECONDS} s:\n`,
);
console.log("plan      budget        calls  max_tokens  longest step                    fits   wall      outcome");
for (const row of rows) console.log(row);

await fake.close();
await closeDatabase();
await database.embedded?.stop();
