// npm run bench:load — how much traffic do start and status take, and how does
// latency grow with it? (run `npm run build` first)
//
// `next start` (production build) on the embedded PostgreSQL, with the Inngest
// runner pointed at a loopback stand-in for Inngest's event API (as in
// bench:start). Three routes, measured side by side in one run:
//
//   - POST …/generate (the retired 410 route: no auth, no database): the
//     framework's own ceiling on this machine, the yardstick for the others;
//   - GET …/generate/status on existing plans;
//   - POST …/generate/start on fresh plans (each one a real transition and one
//     event POST).
//
// For each: the saturation throughput (closed loop, CONCURRENCY connections
// kept busy), then open-loop phases at fixed offered rates (100, 200, 400 req/s
// and half the 410 route's ceiling). Open loop means requests leave on a fixed
// schedule whatever the server does, and latency counts from the scheduled
// send time, so queueing shows up in the figures (a closed loop would slow down
// with the server and hide it). Finally, 50 concurrent starts on one plan must
// give one generation id and one event.
//
// Loopback only; every phase has a fixed length, every request a timeout, and
// the whole run a deadline: it stops by itself.

import { execSync } from "node:child_process";
import { mkdirSync, statSync, writeFileSync } from "node:fs";
import { Agent, request as httpRequest } from "node:http";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { localSignInKey } from "@/server/auth/local-sign-in-key";
import { closeDatabase, db } from "@/server/database/index";
import { prepareDatabase } from "@/server/database/local-database";
import { env, resetEnvForTests } from "@/server/env";
import { startAppWithEventStub } from "./lib/app-with-event-stub";
import { type CpuSeconds, cpuSeconds, cpuSince } from "./lib/process-cpu";

/**
 * Saturation is measured in rounds that take the routes in turn, and each
 * route's figure is its median round: on a shared machine, background load
 * that comes and goes then hits every route alike instead of one of them.
 */
const SATURATION_ROUNDS = 5;
const SATURATION_SECONDS = 2;
const CONCURRENCY = 32;
const PHASE_SECONDS = 5;
const FIXED_RATES = [100, 200, 400];
const REQUEST_TIMEOUT_MS = 10_000;
/** More requests in flight than this is an overload: further sends count as errors instead of piling up. */
const MAX_IN_FLIGHT = 4_000;
const CONCURRENT_STARTS_ON_ONE_PLAN = 50;
const RUN_DEADLINE_MS = 8 * 60_000;
/** `npm run bench:load -- --saturation-only`: the saturation rounds and CPU split alone (about a minute), for trying a change. */
const SATURATION_ONLY = process.argv.includes("--saturation-only");
/**
 * `npm run bench:load -- --drafts`: the status read of running plans that
 * hold drafted days, as the page sent it before drafts (no cursor) and as it
 * sends it now (`drafts_after` naming all 7 days, as most polls do, and
 * naming days 1-5, so each read answers two drafted days), side by side, with the 410 route as the yardstick; fixed
 * rates 100 and 200/s. About a minute.
 */
const DRAFTS_ONLY = process.argv.includes("--drafts");
const DRAFT_RATES = [100, 200];

const DEMO_ORG_ID = "a0000000-0000-4000-8000-000000000001";

/** A drafted day of 4 meals of 3 foods, as a chunk stores it (src/generation/drafts/draft-day.ts). */
const BENCH_DRAFT = {
  day_number: 1,
  meals: ["Breakfast", "Lunch", "Dinner", "Snack"].map((name, meal) => ({
    name,
    title: `${name} of the bench`,
    items: [0, 1, 2].map((item) => ({
      food_id: `00000000-0000-4000-8000-0000000000${meal}${item}`,
      name: `Bench food ${meal}-${item}`,
      grams: 120,
      kcal: 180,
    })),
  })),
  totals: { kcal: 2160, protein: 120, carbs: 250, fat: 70 },
};

const deadline = setTimeout(() => {
  console.error(`bench:load did not finish within ${RUN_DEADLINE_MS / 60_000} minutes; stopping`);
  process.exit(1);
}, RUN_DEADLINE_MS);
deadline.unref();

const database = await prepareDatabase({ databaseUrl: env().DATABASE_URL });
process.env.DATABASE_URL = database.url;
resetEnvForTests();

const {
  app,
  eventsById: eventsByGeneration,
  stop: stopApp,
} = await startAppWithEventStub(
  database.url,
  process.env.BENCH_NODE_OPTIONS ? { NODE_OPTIONS: process.env.BENCH_NODE_OPTIONS } : {},
);
const base = new URL(app.baseUrl);
/**
 * node:http with keep-alive: far cheaper per request than fetch, so the
 * generator leaves the server the CPU. A fresh agent per phase: a socket left
 * idle past the server's keep-alive timeout would fail its next request.
 */
let agent = new Agent({ keepAlive: true, maxSockets: 1_024 });
function freshAgent() {
  agent.destroy();
  agent = new Agent({ keepAlive: true, maxSockets: 1_024 });
}

type Outcome = { ok: boolean; ms: number; status: number; reason?: string };
type Target = { label: string; method: string; path: () => string; body?: string; expect: number };

function send(target: Target, headers: Record<string, string>, since: number): Promise<Outcome> {
  return new Promise((resolve) => {
    const request = httpRequest(
      {
        agent,
        host: base.hostname,
        port: base.port,
        method: target.method,
        path: target.path(),
        headers: target.body === undefined ? headers : { ...headers, "content-length": Buffer.byteLength(target.body) },
        timeout: REQUEST_TIMEOUT_MS,
      },
      (response) => {
        response.resume();
        response.on("end", () => {
          const status = response.statusCode ?? 0;
          resolve({ ok: status === target.expect, ms: performance.now() - since, status });
        });
      },
    );
    request.on("timeout", () => request.destroy(new Error("timeout")));
    request.on("error", (error: NodeJS.ErrnoException) =>
      resolve({ ok: false, ms: performance.now() - since, status: 0, reason: error.code ?? error.message }),
    );
    request.end(target.body);
  });
}

type PhaseResult = {
  route: string;
  mode: string;
  offered: number | undefined;
  achieved: number;
  sent: number;
  errors: number;
  statuses: string;
  p50: number;
  p95: number;
  p99: number;
  max: number;
};

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

function summarise(target: Target, mode: string, offered: number | undefined, outcomes: Outcome[], seconds: number) {
  const latencies = outcomes.map((outcome) => outcome.ms).sort((a, b) => a - b);
  const unexpected = new Map<string, number>();
  for (const outcome of outcomes) {
    const kind = outcome.status ? String(outcome.status) : (outcome.reason ?? "network");
    if (!outcome.ok) unexpected.set(kind, (unexpected.get(kind) ?? 0) + 1);
  }
  const ok = outcomes.filter((outcome) => outcome.ok).length;
  return {
    route: target.label,
    mode,
    offered,
    achieved: ok / seconds,
    sent: outcomes.length,
    errors: outcomes.length - ok,
    statuses: [...unexpected].map(([kind, count]) => `${kind}×${count}`).join(" "),
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    max: latencies[latencies.length - 1] ?? Number.NaN,
  } satisfies PhaseResult;
}

/** Closed loop: CONCURRENCY connections, each sending its next request when the last one answers. */
async function saturateOnce(target: Target, headers: Record<string, string>): Promise<Outcome[]> {
  freshAgent();
  const outcomes: Outcome[] = [];
  const stopAt = performance.now() + SATURATION_SECONDS * 1000;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (performance.now() < stopAt) outcomes.push(await send(target, headers, performance.now()));
    }),
  );
  return outcomes;
}

/** Where each route's CPU went at saturation, in milliseconds per answered request. */
const cpuPerRequest = new Map<string, CpuSeconds>();

/** Each route's saturation throughput: the median of SATURATION_ROUNDS interleaved rounds. */
async function saturate(targets: Target[], headers: Record<string, string>): Promise<Map<Target, PhaseResult>> {
  const rounds = new Map<Target, Outcome[][]>(targets.map((target) => [target, []]));
  const cpu = new Map<Target, CpuSeconds>(targets.map((target) => [target, { server: 0, database: 0, generator: 0 }]));
  for (let round = 0; round < SATURATION_ROUNDS; round++) {
    for (const target of targets) {
      const before = cpuSeconds(app.processGroup);
      rounds.get(target)?.push(await saturateOnce(target, headers));
      const used = cpuSince(before, app.processGroup);
      const sum = cpu.get(target);
      if (sum) for (const key of ["server", "database", "generator"] as const) sum[key] += used[key];
    }
  }
  for (const target of targets) {
    const answered = (rounds.get(target) ?? []).flat().filter((outcome) => outcome.ok).length;
    const sum = cpu.get(target) ?? { server: 0, database: 0, generator: 0 };
    const perRequest = (seconds: number) => (answered ? (seconds * 1000) / answered : Number.NaN);
    cpuPerRequest.set(target.label, {
      server: perRequest(sum.server),
      database: perRequest(sum.database),
      generator: perRequest(sum.generator),
    });
  }
  return new Map(
    targets.map((target) => {
      const perRound = rounds.get(target) ?? [];
      const throughputs = perRound.map((outcomes) => outcomes.filter((o) => o.ok).length / SATURATION_SECONDS);
      const median = [...throughputs].sort((a, b) => a - b)[Math.floor(throughputs.length / 2)] ?? 0;
      const mode = `closed loop, ${CONCURRENCY} connections (median of ${throughputs.map((t) => t.toFixed(0)).join(", ")})`;
      const result = summarise(target, mode, undefined, perRound.flat(), SATURATION_SECONDS * perRound.length);
      return [target, { ...result, achieved: median }];
    }),
  );
}

/** Open loop: request i leaves at start + i / rate; its latency counts from then, not from when it got out. */
async function offer(target: Target, headers: Record<string, string>, rate: number): Promise<PhaseResult> {
  freshAgent();
  const total = Math.round(rate * PHASE_SECONDS);
  const pending: Promise<Outcome>[] = [];
  const overloaded: Outcome[] = [];
  let inFlight = 0;
  const started = performance.now();
  let next = 0;
  while (next < total) {
    const now = performance.now();
    while (next < total && started + (next * 1000) / rate <= now) {
      const scheduled = started + (next * 1000) / rate;
      next += 1;
      if (inFlight >= MAX_IN_FLIGHT) {
        overloaded.push({ ok: false, ms: now - scheduled, status: 0, reason: "not sent (too many in flight)" });
        continue;
      }
      inFlight += 1;
      pending.push(
        send(target, headers, scheduled).finally(() => {
          inFlight -= 1;
        }),
      );
    }
    const wait = started + (next * 1000) / rate - performance.now();
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, Math.min(wait, 5))));
  }
  const outcomes = [...(await Promise.all(pending)), ...overloaded];
  // Achieved: answered requests per second of the time it took to answer them all.
  const seconds = Math.max(PHASE_SECONDS, (performance.now() - started) / 1000);
  return summarise(target, "open loop", rate, outcomes, seconds);
}

function machine(): string {
  const cpus = os.cpus();
  const nextVersion = (createRequire(import.meta.url)("next/package.json") as { version: string }).version;
  return `${os.hostname()}: ${cpus.length} × ${cpus[0]?.model ?? "unknown CPU"}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, ${os.type()} ${os.release()}, Node ${process.versions.node}, Next ${nextVersion}, load average at start ${os
    .loadavg()
    .map((value) => value.toFixed(2))
    .join(" ")}`;
}

const format = (ms: number) => (Number.isNaN(ms) ? "–" : ms < 100 ? `${ms.toFixed(1)} ms` : `${Math.round(ms)} ms`);

try {
  const machineLine = machine();
  const signIn = await fetch(`${app.baseUrl}/api/dev/session`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email: "coach@demo.test", key: localSignInKey() }),
  });
  const { access_token: token } = (await signIn.json()) as { access_token: string };
  // As a browser sends them: compression, when the server does it, is part of what a request costs.
  const headers = {
    authorization: `Bearer ${token}`,
    "content-type": "application/json",
    "accept-encoding": "gzip, deflate, br, zstd",
  };

  // Fresh plans for every start the run can send (saturation is bounded by time, so allow for a fast server).
  const startsNeeded = 6_000 + FIXED_RATES.reduce((sum, rate) => sum + rate * PHASE_SECONDS, 0) + 4_000;
  const freshPlans = (
    await db()<{ id: string }[]>`
      insert into meal_plans (org_id, name, plan_length_days, intake_data)
      select ${DEMO_ORG_ID}, 'load ' || n, 7, '{"calorie_target": 2000}'::jsonb
      from generate_series(1, ${startsNeeded}) n
      returning id`
  ).map((row) => row.id);
  const polledPlans = freshPlans.slice(0, 200);
  let nextFresh = 200;
  const freshPlan = () => {
    const planId = freshPlans[nextFresh++];
    if (!planId) throw new Error("bench:load ran out of fresh plans; raise startsNeeded");
    return planId;
  };
  let poll = 0;

  const retired: Target = {
    label: "POST …/generate (410, no database)",
    method: "POST",
    path: () => `/api/nutrition/plans/${polledPlans[0]}/generate`,
    body: "{}",
    expect: 410,
  };
  const status: Target = {
    label: "GET …/generate/status",
    method: "GET",
    path: () => `/api/nutrition/plans/${polledPlans[poll++ % polledPlans.length]}/generate/status`,
    expect: 200,
  };
  const start: Target = {
    label: "POST …/generate/start (fresh plans)",
    method: "POST",
    path: () => `/api/nutrition/plans/${freshPlan()}/generate/start`,
    body: "{}",
    expect: 202,
  };

  // Running plans holding 7 drafted days (4 meals of 3 foods each), for the drafts comparison.
  const runningPlans = freshPlans.slice(nextFresh, nextFresh + 200);
  nextFresh += 200;
  const running = await db()<{ id: string; generation_id: string }[]>`
    update meal_plans set generation_status = 'generating', generation_id = gen_random_uuid(),
      generation_heartbeat_at = now() + interval '1 hour',
      generation_progress = '{"phase": "pass-two", "days_done": 7, "days_total": 7, "passes": [[1, 5], [6, 7]]}'::jsonb
    where id = any(${runningPlans}::uuid[]) returning id, generation_id`;
  await db()`
    insert into meal_plan_drafts (plan_id, org_id, generation_id, day_number, day)
    select p.id, p.org_id, p.generation_id, d, jsonb_set(${db().json(BENCH_DRAFT)}::jsonb, '{day_number}', to_jsonb(d))
    from meal_plans p, generate_series(1, 7) d where p.id = any(${runningPlans}::uuid[])`;
  let runningPoll = 0;
  const statusRunning: Target = {
    label: "GET …/generate/status (running, drafts held, no cursor)",
    method: "GET",
    path: () => `/api/nutrition/plans/${running[runningPoll++ % running.length]?.id}/generate/status`,
    expect: 200,
  };
  const statusDrafts: Target = {
    label: "GET …/generate/status?drafts_after (running, 2 new drafts)",
    method: "GET",
    path: () => {
      const plan = running[runningPoll++ % running.length];
      return `/api/nutrition/plans/${plan?.id}/generate/status?drafts_after=${plan?.generation_id}:31`;
    },
    expect: 200,
  };
  const statusNoNewDrafts: Target = {
    label: "GET …/generate/status?drafts_after (running, 0 new drafts)",
    method: "GET",
    path: () => {
      const plan = running[runningPoll++ % running.length];
      return `/api/nutrition/plans/${plan?.id}/generate/status?drafts_after=${plan?.generation_id}:127`;
    },
    expect: 200,
  };
  const targets = DRAFTS_ONLY ? [retired, statusRunning, statusNoNewDrafts, statusDrafts] : [retired, status, start];

  // Warm up: load every route's modules, fill the pool, let the JIT settle.
  for (const target of targets) {
    for (let batch = 0; batch < 3; batch++) {
      await Promise.all(Array.from({ length: 100 }, () => send(target, headers, performance.now())));
    }
  }

  const results: PhaseResult[] = [];
  const ceilings = new Map<Target, number>();
  for (const [target, saturation] of await saturate(targets, headers)) {
    ceilings.set(target, saturation.achieved);
    results.push(saturation);
    const cpu = cpuPerRequest.get(target.label);
    console.log(
      `${target.label}: saturates at ${saturation.achieved.toFixed(0)}/s (${saturation.mode}); CPU ms per request: server ${cpu?.server.toFixed(3)}, database ${cpu?.database.toFixed(3)}, generator ${cpu?.generator.toFixed(3)}`,
    );
  }
  const halfCeiling = Math.round((ceilings.get(retired) ?? 0) / 2);
  const rates = SATURATION_ONLY
    ? []
    : DRAFTS_ONLY
      ? DRAFT_RATES
      : [...new Set([...FIXED_RATES, halfCeiling])].sort((a, b) => a - b);
  for (const rate of rates) {
    for (const target of targets) {
      const phase = await offer(target, headers, rate);
      results.push(phase);
      console.log(
        `${target.label} at ${rate}/s: achieved ${phase.achieved.toFixed(0)}/s, p99 ${format(phase.p99)}, errors ${phase.errors}`,
      );
    }
  }

  // One plan, many simultaneous presses of Generate: one run, one event.
  freshAgent();
  const contested = freshPlan();
  const burst = await Promise.all(
    Array.from(
      { length: CONCURRENT_STARTS_ON_ONE_PLAN },
      () =>
        new Promise<{ status: number; generationId?: string }>((resolve) => {
          const request = httpRequest(
            {
              agent,
              host: base.hostname,
              port: base.port,
              method: "POST",
              path: `/api/nutrition/plans/${contested}/generate/start`,
              // Read as JSON here, so asked for uncompressed.
              headers: { ...headers, "accept-encoding": "identity", "content-length": 2 },
              timeout: REQUEST_TIMEOUT_MS,
            },
            (response) => {
              const chunks: Buffer[] = [];
              response.on("data", (chunk: Buffer) => chunks.push(chunk));
              response.on("end", () => {
                const body = JSON.parse(Buffer.concat(chunks).toString("utf8") || "{}") as { generation_id?: string };
                resolve({ status: response.statusCode ?? 0, generationId: body.generation_id });
              });
            },
          );
          request.on("error", () => resolve({ status: 0 }));
          request.end("{}");
        }),
    ),
  );
  const generationIds = new Set(burst.map((answer) => answer.generationId));
  const [winner] = generationIds;
  const contestedLine =
    `${CONCURRENT_STARTS_ON_ONE_PLAN} concurrent starts on one plan: ` +
    `${burst.filter((answer) => answer.status === 202).length} × 202, ${generationIds.size} generation id(s), ` +
    `${winner ? (eventsByGeneration.get(winner) ?? 0) : 0} event(s) for it`;

  const ceiling = ceilings.get(retired) ?? Number.NaN;
  const lines = [
    `# bench:load — ${new Date().toISOString()}`,
    "",
    `Machine: ${machineLine}`,
    `Build: \`next build\` of ${new Date(statSync(path.join(".next", "BUILD_ID")).mtimeMs).toISOString()}; HEAD ${execSync("git rev-parse --short HEAD", { encoding: "utf8" }).trim()}`,
    "",
    "`next start` + embedded PostgreSQL, loopback event API, load generator on the same machine.",
    `Saturation: closed loop, ${CONCURRENCY} connections, median of ${SATURATION_ROUNDS} interleaved rounds of ${SATURATION_SECONDS} s. Fixed rates: open loop, ${PHASE_SECONDS} s each, latency from the scheduled send time.`,
    "",
    "| route | load | offered/s | achieved/s | × 410 route | p50 | p95 | p99 | max | errors |",
    "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |",
    ...results.map(
      (row) =>
        `| ${row.route} | ${row.mode} | ${row.offered ?? "–"} | ${row.achieved.toFixed(0)} | ${row.offered === undefined ? `${(row.achieved / ceiling).toFixed(2)}×` : ""} | ${format(row.p50)} | ${format(row.p95)} | ${format(row.p99)} | ${format(row.max)} | ${row.errors}${row.statuses ? ` (${row.statuses})` : ""} |`,
    ),
    "",
    "CPU per answered request at saturation (ms; from /proc, all rounds): where each route's cost lies.",
    "",
    "| route | server (Next) | database (PostgreSQL) | generator + event stand-in | total |",
    "| --- | --- | --- | --- | --- |",
    ...[...cpuPerRequest].map(
      ([route, cpu]) =>
        `| ${route} | ${cpu.server.toFixed(3)} | ${cpu.database.toFixed(3)} | ${cpu.generator.toFixed(3)} | ${(cpu.server + cpu.database + cpu.generator).toFixed(3)} |`,
    ),
    "",
    DRAFTS_ONLY
      ? [draftsLine(results, statusRunning, statusNoNewDrafts), draftsLine(results, statusRunning, statusDrafts)].join(
          "\n",
        )
      : `Ratios at saturation: status ${((ceilings.get(status) ?? 0) / ceiling).toFixed(2)}× the 410 route (target ≥ 0.7), start ${((ceilings.get(start) ?? 0) / ceiling).toFixed(2)}× (target ≥ 0.5).`,
    contestedLine,
  ];
  const report = lines.join("\n");
  console.log(`\n${report}\n`);
  const directory = path.join(process.cwd(), "bench", "results");
  mkdirSync(directory, { recursive: true });
  const file = path.join(
    directory,
    `load-${new Date().toISOString().slice(0, 16).replace(/[:T]/g, "-")}-${os.hostname().replace(/[^A-Za-z0-9_-]/g, "")}.md`,
  );
  writeFileSync(file, `${report}\n`);
  console.log(`written to ${path.relative(process.cwd(), file)}`);
} finally {
  agent.destroy();
  await stopApp();
  await closeDatabase();
  await database.embedded?.stop();
}

/** The drafts read against the read without them: throughput at saturation and p50 at each rate (target within 10 %). */
function draftsLine(results: PhaseResult[], without: Target, withDrafts: Target): string {
  const of = (target: Target, mode: (row: PhaseResult) => boolean) =>
    results.find((row) => row.route === target.label && mode(row));
  const parts = [
    `${withDrafts.label} against the read without: saturation ${(((of(withDrafts, (row) => row.offered === undefined)?.achieved ?? 0) / (of(without, (row) => row.offered === undefined)?.achieved ?? 1)) * 100).toFixed(0)} % of its throughput`,
    ...DRAFT_RATES.map((rate) => {
      const a = of(withDrafts, (row) => row.offered === rate)?.p50 ?? Number.NaN;
      const b = of(without, (row) => row.offered === rate)?.p50 ?? Number.NaN;
      return `p50 at ${rate}/s ${format(a)} against ${format(b)} (${((a / b) * 100).toFixed(0)} %)`;
    }),
  ];
  return `${parts.join("; ")} (target: within 10 %).`;
}
