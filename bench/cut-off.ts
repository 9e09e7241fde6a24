// npm run bench:cut-off — how soon does a plan whose every answer is cut off end in error?
//
// The inline runner with the shared retry schedule (src/inngest/attempts/retry-policy.ts),
// the real Anthropic SDK and real PostgreSQL, against the fake Messages API
// answering every call with max_tokens of text and stop_reason "max_tokens",
// at Haiku's published output speed and at half of it (so each attempt takes
// as long as a real cut-off answer would). Measured: seconds from the plan's
// first failed attempt to the plan in `error` (target: within 90 s), attempts
// per group, and whether the message names every group of days.
// Bounded: two 7-day plans, a few minutes at most.
import { randomUUID } from "node:crypto";
import { writeFileSync } from "node:fs";
import { startInlineRun } from "@/inngest/inline/inline-runner";
import { generationDependencies } from "@/inngest/story/run-dependencies";
import { closeDatabase, db } from "@/server/database/index";
import { prepareDatabase } from "@/server/database/local-database";
import { env, resetEnvForTests } from "@/server/env";
import { freePort } from "../scripts/lib/free-port";
import { startFakeAnthropic } from "../tests/support/fake-anthropic";

const DAYS = 7;
const ORG = "a0000000-0000-4000-8000-000000000001";

// A port of our own, so this does not meet another checkout's embedded database.
if (!process.env.DATABASE_URL) process.env.EMBEDDED_DATABASE_PORT = String(await freePort());
resetEnvForTests();
const database = await prepareDatabase({ databaseUrl: env().DATABASE_URL });
process.env.DATABASE_URL = database.url;

const rows: string[] = [];
for (const tokensPerSecond of [100, 50]) {
  const fake = await startFakeAnthropic({
    apiKey: "bench-key",
    outputTokensPerSecond: tokensPerSecond,
    charsPerToken: 3,
    responder: (request) => ({ truncateAtTokens: request.body?.max_tokens ?? 1 }),
  });
  process.env.ANTHROPIC_API_KEY = "bench-key";
  process.env.ANTHROPIC_BASE_URL = fake.baseURL;
  resetEnvForTests();
  const generationId = randomUUID();
  const [plan] = await db()<{ id: string }[]>`
    insert into meal_plans (org_id, name, plan_length_days, intake_data, generation_status, generation_id)
    values (${ORG}, 'bench cut-off', ${DAYS}, ${db().json({ calorie_target: 2200 })}, 'generating', ${generationId})
    returning id`;
  const planId = plan?.id ?? "";
  await startInlineRun({ planId, orgId: ORG, generationId, request: {} }, { dependencies: generationDependencies() });
  const [row] = await db()<
    { status: string; error: string; attempts: { days: string; at: string }[]; finished_at: Date; first_at: Date }[]
  >`
    select generation_status as status, generation_error as error, generation_attempts as attempts,
           generation_finished_at as finished_at,
           (select min((attempt ->> 'at')::timestamptz) from jsonb_array_elements(generation_attempts) attempt) as first_at
    from meal_plans where id = ${planId}`;
  const groups = new Map<string, number>();
  for (const attempt of row?.attempts ?? []) groups.set(attempt.days, (groups.get(attempt.days) ?? 0) + 1);
  const seconds = ((row?.finished_at.getTime() ?? 0) - (row?.first_at.getTime() ?? 0)) / 1000;
  const named = [...groups.keys()].every((days) => row?.error.includes(`${days}:`));
  rows.push(
    `| ${tokensPerSecond} tokens/s | ${row?.status} | ${seconds.toFixed(1)} s | ${fake.requests.length} | ${[...groups.values()].join(", ")} | ${named ? "yes" : "no"} |`,
  );
  rows.push(`|  | message: ${row?.error.replaceAll("|", "/")} | | | | |`);
  await fake.close();
}

const table = [
  `# A model whose every answer is cut off (inline runner, shared schedule), ${new Date().toISOString()}`,
  "",
  `${DAYS}-day plan, 20 s step budget (one-day calls), fake Messages API answering max_tokens of text each time.`,
  "",
  "| speed | outcome | first failure → error | calls | failed attempts per group | message names every group |",
  "| --- | --- | --- | --- | --- | --- |",
  ...rows,
  "",
].join("\n");
console.log(table);
const file = `bench/results/cut-off-${new Date().toISOString().slice(0, 16).replace(/[:]/g, "")}.md`;
writeFileSync(file, table);
console.log(`written to ${file}`);
await closeDatabase();
await database.embedded?.stop();
