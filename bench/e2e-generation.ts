// npm run bench:e2e — how long does a coach wait for a plan, end to end?
//
// Start → complete through the HTTP API of `next start` (run `npm run build`
// first), the inline runner under the function's own concurrency limits
// (concurrency-slots.ts, as Inngest counts them), the real Claude adapter
// against the fake Messages API paced like the real models (first token after
// 1.5 s, Haiku ~100 and Sonnet ~63 output tokens/s). Four configurations, one
// Next server each, measured side by side in one run:
//
//   original   the original route's design: two calls, no step budget
//   limit-1    two passes chunked to the 20 s budget, one model call at a time for the plan's org
//              (what the per-plan limit of 1 did before model calls moved to plan-days)
//   two-pass   two passes chunked, the new per-plan limit (every chunk of a pass at once)
//   one-wave   GENERATION_WAVES=one: every chunk of the plan at once
//
// for 7, 14 and 28-day plans, at the published speed and at half of it. Every
// plan is started on a fixed schedule (open loop) and its time runs from its
// scheduled start. The serial plans (original, limit-1) all start at once, 250
// ms apart; the plans whose chunks overlap (two-pass, one-wave) start one at a
// time, PARALLEL_GAP_SECONDS ÷ speed apart, inside the serial plans' minutes:
// side by side, they would measure this machine's two cores (the fake plans
// every answer with the offline planner, ~60 answers in the same second), not
// the design. Per plan: end-to-end
// seconds, model calls, the longest call (a model step is its call plus
// milliseconds of parsing and one UPDATE), and the lower bound: the sum over
// the plan's waves of the wave's longest call. A plan's end is the moment its
// save committed (the row's updated_at, read once a status poll has seen the
// plan complete), so polling granularity adds nothing. Each server first
// generates one 1-day plan unmeasured (first requests load a route's
// modules). Loopback only; bounded (each speed stops after MAX_SECONDS_PER_SPEED).
//
//   EMBEDDED_DATABASE_PORT=54410 npm run bench:e2e [-- --speeds=1,0.5]

import { execSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { cpus, hostname, totalmem } from "node:os";
import { DEFAULT_GENERATION_CONFIG } from "@/generation/generation-config";
import { localSignInKey } from "@/server/auth/local-sign-in-key";
import { closeDatabase, db } from "@/server/database/index";
import { prepareDatabase } from "@/server/database/local-database";
import { env, resetEnvForTests } from "@/server/env";
import { inngestConfig } from "../inngest.config";
import { type RunningNext, startNext } from "../scripts/lib/next-server";
import { type FakeRequest, startFakeAnthropic } from "../tests/support/fake-anthropic";
import { publishedPace } from "../tests/support/fake-pacing";

const PLAN_DAYS = [7, 14, 28] as const;
/** Status polls: slow enough not to load the servers; the end time itself comes from the row. */
const POLL_MS = 250;
const SCHEDULE_GAP_MS = 250;
/** Room for one overlapping plan at published speed (its slowest call is ~5 s, two waves ~10 s). */
const PARALLEL_GAP_SECONDS = 15;
const MAX_SECONDS_PER_SPEED = 900;
const STEP_BUDGET_SECONDS = inngestConfig.stepBudget.defaultSeconds;
/** Raised from the free plan's 5 so the twelve plans of a run do not queue behind each other. */
const ACCOUNT_CONCURRENCY = 100;
/** JSON dense with UUIDs tokenizes at ~3 characters per token. */
const CHARS_PER_TOKEN = 3;

type Configuration = { name: string; waves: 1 | 2; overlapping: boolean; env: Record<string, string> };
const CONFIGURATIONS: Configuration[] = [
  { name: "original", waves: 2, overlapping: false, env: { GENERATION_STEP_BUDGET_SECONDS: "0" } },
  { name: "limit-1", waves: 2, overlapping: false, env: { GENERATION_MAX_CONCURRENT_MODEL_CALLS_PER_ORG: "1" } },
  { name: "two-pass", waves: 2, overlapping: true, env: {} },
  { name: "one-wave", waves: 1, overlapping: true, env: { GENERATION_WAVES: "one" } },
];

const speeds = (process.argv.find((arg) => arg.startsWith("--speeds="))?.slice("--speeds=".length) ?? "1,0.5")
  .split(",")
  .map(Number)
  .filter((speed) => speed > 0 && speed <= 4);
if (speeds.length === 0) throw new Error("--speeds takes a list of numbers in (0, 4], e.g. --speeds=1,0.5");

const database = await prepareDatabase({ databaseUrl: env().DATABASE_URL });
process.env.DATABASE_URL = database.url;
resetEnvForTests();

let speed = 1;
const fake = await startFakeAnthropic({
  apiKey: "bench-key",
  charsPerToken: CHARS_PER_TOKEN,
  pace: (model, tokens) => publishedPace(speed)(model, tokens),
});

type Row = {
  speed: number;
  configuration: string;
  days: number;
  seconds: number;
  outcome: string;
  calls: number;
  longestCall: number;
  bound: number;
  cachedShare: number;
  /** Seconds from the scheduled start to the first model call, and from the last answer to "complete" seen. */
  beforeFirstCall: number;
  afterLastAnswer: number;
};

const servers: { configuration: Configuration; app: RunningNext; token: string }[] = [];
const rows: Row[] = [];
try {
  for (const configuration of CONFIGURATIONS) {
    const app = await startNext({
      mode: "start",
      env: {
        DATABASE_URL: database.url,
        LOCAL_AUTH: "1",
        LOCAL_AUTH_UNSAFE: "1",
        // A benchmark, not a tenant: no spend limits, no daily budget.
        SPEND_LIMIT_SCALE: "1000000",
        ORG_DAILY_TOKEN_BUDGET: "0",
        GENERATION_RUNNER: "inline",
        ANTHROPIC_API_KEY: "bench-key",
        ANTHROPIC_BASE_URL: fake.baseURL,
        GENERATION_MAX_CONCURRENT_MODEL_CALLS: String(ACCOUNT_CONCURRENCY),
        // One coach's plans: the whole account cap is theirs (the per-org share is for several orgs).
        GENERATION_MAX_CONCURRENT_MODEL_CALLS_PER_ORG: String(ACCOUNT_CONCURRENCY),
        ...configuration.env,
      },
    });
    servers.push({ configuration, app, token: await signIn(app.baseUrl) });
  }
  // Warm-up, unmeasured: the first generation on a server loads its routes' and the workflow's modules.
  await Promise.all(
    servers.map(async (server) => {
      const planId = await createPlan(server.app.baseUrl, server.token, 1, 1990);
      await generate(server.app.baseUrl, server.token, planId, performance.now() + 120_000);
    }),
  );

  for (const currentSpeed of speeds) {
    speed = currentSpeed;
    console.log(`\nSpeed ×${speed}: ${servers.length * PLAN_DAYS.length} plans on a fixed schedule…`);
    const plans = [];
    let slot = 0;
    let serial = 0;
    let overlapping = 0;
    for (const server of servers) {
      for (const days of PLAN_DAYS) {
        // A calorie target unique to the plan lets the fake's requests be attributed to it.
        const calorieTarget = 2000 + 10 * slot;
        const planId = await createPlan(server.app.baseUrl, server.token, days, calorieTarget);
        const offsetMs = server.configuration.overlapping
          ? (overlapping++ * PARALLEL_GAP_SECONDS * 1000) / speed
          : serial++ * SCHEDULE_GAP_MS;
        plans.push({ server, days, calorieTarget, planId, offsetMs });
        slot += 1;
      }
    }
    const requestsBefore = fake.requests.length;
    const startedAt = performance.now() + 500;
    const deadline = startedAt + MAX_SECONDS_PER_SPEED * 1000;
    const outcomes = await Promise.all(
      plans.map(async (plan) => {
        const scheduled = startedAt + plan.offsetMs;
        await sleep(scheduled - performance.now());
        const result = await generate(plan.server.app.baseUrl, plan.server.token, plan.planId, deadline);
        return { ...plan, outcome: result, scheduled, finished: await savedAt(plan.planId) };
      }),
    );
    const requests = fake.requests.slice(requestsBefore);
    for (const plan of outcomes) {
      const own = requests.filter((request) => calorieTargetOf(request) === plan.calorieTarget);
      rows.push({
        speed,
        configuration: plan.server.configuration.name,
        days: plan.days,
        seconds: (plan.finished - plan.scheduled) / 1000,
        outcome: plan.outcome,
        calls: own.length,
        longestCall: Math.max(0, ...own.map(callSeconds)),
        bound: lowerBound(own, plan.server.configuration.waves),
        cachedShare: cachedShare(own),
        beforeFirstCall: (Math.min(...own.map((request) => request.receivedAt)) - plan.scheduled) / 1000,
        afterLastAnswer: (plan.finished - Math.max(...own.map((request) => request.answeredAt ?? 0))) / 1000,
      });
    }
    printTable(rows.filter((row) => row.speed === speed));
  }
} finally {
  for (const server of servers) await server.app.stop();
  await fake.close();
  await closeDatabase();
  await database.embedded?.stop();
}

const report = [
  `# bench:e2e — ${new Date().toISOString()}`,
  "",
  `machine: ${hostname()}, ${cpus().length} × ${cpus()[0]?.model ?? "?"}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}, commit ${commit()}`,
  `fake Messages API: first token 1.5 s ÷ speed, Haiku 100 / Sonnet 63 output tokens/s × speed, ${CHARS_PER_TOKEN} chars/token; step budget ${STEP_BUDGET_SECONDS} s; account limit ${ACCOUNT_CONCURRENCY}; serial plans started ${SCHEDULE_GAP_MS} ms apart, overlapping ones ${PARALLEL_GAP_SECONDS} s ÷ speed apart; end = save committed`,
  "",
  "```",
  ...speeds.flatMap((runSpeed) => [...tableLines(rows.filter((row) => row.speed === runSpeed)), ""]),
  "```",
].join("\n");
mkdirSync(new URL("./results/", import.meta.url), { recursive: true });
const file = new URL(`./results/e2e-${new Date().toISOString().slice(0, 10)}-${hostname()}.md`, import.meta.url);
writeFileSync(file, `${report}\n`);
console.log(`\nWritten to ${file.pathname}`);

// ---------------------------------------------------------------------------

async function api(baseUrl: string, path: string, init: RequestInit & { token?: string } = {}) {
  const response = await fetch(`${baseUrl}${path}`, {
    ...init,
    headers: {
      "content-type": "application/json",
      ...(init.token ? { authorization: `Bearer ${init.token}` } : {}),
    },
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

async function signIn(baseUrl: string): Promise<string> {
  const session = await api(baseUrl, "/api/dev/session", {
    method: "POST",
    body: JSON.stringify({ email: "coach@demo.test", key: localSignInKey() }),
  });
  if (session.status !== 200) throw new Error(`sign-in failed (${session.status})`);
  return session.body.access_token as string;
}

async function createPlan(baseUrl: string, token: string, days: number, calorieTarget: number): Promise<string> {
  const created = await api(baseUrl, "/api/nutrition/plans", {
    method: "POST",
    token,
    body: JSON.stringify({
      name: `bench ${days}d`,
      plan_length_days: days,
      intake_data: { calorie_target: calorieTarget, meals_per_day: 4 },
    }),
  });
  if (created.status !== 201) throw new Error(`creating a plan failed (${created.status})`);
  return created.body.id as string;
}

/** Presses Generate and polls until the plan is complete or failed (or the run's deadline passes). */
async function generate(baseUrl: string, token: string, planId: string, deadline: number): Promise<string> {
  const started = await api(baseUrl, `/api/nutrition/plans/${planId}/generate/start`, {
    method: "POST",
    token,
    body: "{}",
  });
  if (started.status !== 202) return `start ${started.status}`;
  while (performance.now() < deadline) {
    const status = (await api(baseUrl, `/api/nutrition/plans/${planId}/generate/status`, { token })).body;
    if (status.generation_status === "complete") return "complete";
    if (status.generation_status === "error") return `error: ${String(status.generation_error).slice(0, 60)}`;
    await sleep(POLL_MS);
  }
  return "timed out";
}

/** When the plan's save committed, on the performance.now() clock (the row's updated_at is the save's). */
async function savedAt(planId: string): Promise<number> {
  const [row] = await db()<{ updated_at: Date }[]>`select updated_at from meal_plans where id = ${planId}`;
  const ageMs = Date.now() - (row?.updated_at.getTime() ?? Date.now());
  return performance.now() - ageMs;
}

function calorieTargetOf(request: FakeRequest): number | null {
  const match = /^Daily calorie target: (\d+) kcal/m.exec(request.user);
  return match ? Number(match[1]) : null;
}

function firstDayOf(request: FakeRequest): number {
  return Number(/^Days to plan: (\d+)/m.exec(request.user)?.[1] ?? Number.NaN);
}

function callSeconds(request: FakeRequest): number {
  return request.answeredAt === undefined ? Number.POSITIVE_INFINITY : (request.answeredAt - request.receivedAt) / 1000;
}

/** The sum over the plan's waves of the wave's longest call: no schedule can finish sooner. */
function lowerBound(requests: FakeRequest[], waves: 1 | 2): number {
  const waveOf = (request: FakeRequest) =>
    waves === 1 || firstDayOf(request) <= DEFAULT_GENERATION_CONFIG.firstPassMaxDays ? 1 : 2;
  let total = 0;
  for (const wave of [1, 2]) {
    const calls = requests.filter((request) => waveOf(request) === wave).map(callSeconds);
    if (calls.length > 0) total += Math.max(...calls);
  }
  return total;
}

function cachedShare(requests: FakeRequest[]): number {
  let cached = 0;
  let all = 0;
  for (const request of requests) {
    const usage = request.usage;
    if (!usage) continue;
    cached += usage.cache_read_input_tokens;
    all += usage.input_tokens + usage.cache_read_input_tokens + usage.cache_creation_input_tokens;
  }
  return all === 0 ? 0 : cached / all;
}

function tableLines(speedRows: Row[]): string[] {
  const lines = [
    `speed ×${speedRows[0]?.speed ?? "?"}`,
    "plan  configuration  end-to-end  calls  longest call  bound (Σ waves' longest)  e2e/bound  cached input  before 1st call  after last answer  outcome",
  ];
  for (const row of speedRows) {
    lines.push(
      [
        `${row.days}d`.padEnd(4),
        row.configuration.padEnd(13),
        `${row.seconds.toFixed(1)} s`.padStart(10),
        String(row.calls).padStart(5),
        `${row.longestCall.toFixed(1)} s`.padStart(12),
        `${row.bound.toFixed(1)} s`.padStart(24),
        (row.seconds / row.bound).toFixed(2).padStart(9),
        `${(row.cachedShare * 100).toFixed(0)} %`.padStart(12),
        `${row.beforeFirstCall.toFixed(2)} s`.padStart(15),
        `${row.afterLastAnswer.toFixed(2)} s`.padStart(17),
        ` ${row.outcome}`,
      ].join("  "),
    );
  }
  const find = (configuration: string, days: number) =>
    speedRows.find((row) => row.configuration === configuration && row.days === days);
  const ratio = (a: Row | undefined, b: Row | undefined) => (a && b ? (a.seconds / b.seconds).toFixed(2) : "-");
  const original14 = find("original", 14);
  const twoPass14 = find("two-pass", 14);
  const oneWave14 = find("one-wave", 14);
  const oneWave28 = find("one-wave", 28);
  const chunked = speedRows.filter((row) => row.configuration !== "original");
  const longestChunked = Math.max(...chunked.map((row) => row.longestCall));
  lines.push(
    "",
    `14d original / two-pass: ${ratio(original14, twoPass14)}×   (target ≥ 2)`,
    `14d original / one-wave: ${ratio(original14, oneWave14)}×   (target ≥ 4)`,
    `14d limit-1 / two-pass:  ${ratio(find("limit-1", 14), twoPass14)}×`,
    `14d two-pass e2e/bound: ${twoPass14 ? (twoPass14.seconds / twoPass14.bound).toFixed(2) : "-"}, one-wave e2e/bound: ${oneWave14 ? (oneWave14.seconds / oneWave14.bound).toFixed(2) : "-"}   (target ≤ 1.15)`,
    `28d one-wave e2e / longest call: ${oneWave28 ? (oneWave28.seconds / oneWave28.longestCall).toFixed(2) : "-"}   (target ≤ 1.15)`,
    `28d original / one-wave: ${ratio(find("original", 28), oneWave28)}×, limit-1 / one-wave: ${ratio(find("limit-1", 28), oneWave28)}×`,
    `longest call in a chunked configuration: ${longestChunked.toFixed(1)} s (budget ${STEP_BUDGET_SECONDS} s: ${longestChunked <= STEP_BUDGET_SECONDS ? "within" : "OVER"})`,
  );
  return lines;
}

function printTable(speedRows: Row[]): void {
  for (const line of tableLines(speedRows)) console.log(line);
}

function commit(): string {
  try {
    return execSync("git rev-parse --short HEAD", { encoding: "utf8" }).trim();
  } catch {
    return "?";
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));
}
