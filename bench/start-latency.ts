import { localSignInKey } from "@/server/auth/local-sign-in-key";
import { closeDatabase, db } from "@/server/database/index";
import { prepareDatabase } from "@/server/database/local-database";
import { env, resetEnvForTests } from "@/server/env";
import { startAppWithEventStub } from "./lib/app-with-event-stub";

const SEQUENTIAL_STARTS = 200;
const BURSTS = 20;
const BURST_SIZE = 20;
const STATUS_POLLS = 500;

const database = await prepareDatabase({ databaseUrl: env().DATABASE_URL });
process.env.DATABASE_URL = database.url;
resetEnvForTests();

const { app, eventCount, stop: stopApp } = await startAppWithEventStub(database.url);

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}
function summary(label: string, samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  const format = (value: number) => `${value.toFixed(1)} ms`.padStart(9);
  console.log(
    `${label.padEnd(34)} n=${String(samples.length).padEnd(5)} p50 ${format(percentile(sorted, 50))}  p95 ${format(percentile(sorted, 95))}  p99 ${format(percentile(sorted, 99))}  max ${format(sorted[sorted.length - 1] ?? Number.NaN)}`,
  );
}

try {
  const signIn = await fetch(`${app.baseUrl}/api/dev/session`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email: "coach@demo.test", key: localSignInKey() }),
  });
  const { access_token: token } = (await signIn.json()) as { access_token: string };
  const headers = { authorization: `Bearer ${token}`, "content-type": "application/json" };
  const planIds = (
    await db()<{ id: string }[]>`
      insert into meal_plans (org_id, name, plan_length_days, intake_data)
      select 'a0000000-0000-4000-8000-000000000001', 'bench ' || n, 7, '{"calorie_target": 2000}'::jsonb
      from generate_series(1, ${SEQUENTIAL_STARTS + BURSTS}) n
      returning id`
  ).map((row) => row.id);

  const time = async (url: string, init?: RequestInit) => {
    const started = performance.now();
    const response = await fetch(url, init);
    await response.arrayBuffer();
    if (response.status >= 400) throw new Error(`${url} answered ${response.status}`);
    return performance.now() - started;
  };
  const startUrl = (planId: string) => `${app.baseUrl}/api/nutrition/plans/${planId}/generate/start`;

  // Warm the routes (first requests load modules and open pool connections).
  for (const planId of planIds.slice(0, 5)) await time(startUrl(planId), { method: "POST", headers, body: "{}" });

  const sequential: number[] = [];
  for (const planId of planIds.slice(5, SEQUENTIAL_STARTS)) {
    sequential.push(await time(startUrl(planId), { method: "POST", headers, body: "{}" }));
  }
  const concurrent: number[] = [];
  for (const planId of planIds.slice(SEQUENTIAL_STARTS)) {
    const burst = await Promise.all(
      Array.from({ length: BURST_SIZE }, () => time(startUrl(planId), { method: "POST", headers, body: "{}" })),
    );
    concurrent.push(...burst);
  }
  const polls: number[] = [];
  for (let poll = 0; poll < STATUS_POLLS; poll++) {
    const planId = planIds[poll % planIds.length] ?? "";
    polls.push(await time(`${app.baseUrl}/api/nutrition/plans/${planId}/generate/status`, { headers }));
  }

  console.log(
    `\nnext start + embedded PostgreSQL, ${database.embedded ? "embedded" : "DATABASE_URL"}, loopback event API\n`,
  );
  summary("POST /generate/start (fresh plan)", sequential);
  summary(`POST /generate/start (${BURST_SIZE} at once)`, concurrent);
  summary("GET /generate/status", polls);
  console.log(
    `\nevents received: ${eventCount()} for ${planIds.length} plans (one per plan: concurrent starts sent nothing more)`,
  );
} finally {
  await stopApp();
  await closeDatabase();
  await database.embedded?.stop();
}
