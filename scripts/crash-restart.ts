// npm run crash:restart — kill -9 of `npm start`'s whole process group (the
// app AND its embedded PostgreSQL) with plans mid-run, then an immediate
// restart: measures when /api/health first answers, whether it fails after
// that, unhandled rejections in the restarted server's log, and how long the
// interrupted plans take to settle. Needs `npm run build` first. Bounded (about
// two minutes per round) and stops everything it started.
//
//   npm run crash:restart -- [rounds=1] [plans=4]   (CRASH_MODEL_SPEED=1: the model's published pace)
//
// CRASH_DAYS=7,14,5,7,14,5 gives the plans' lengths instead (one plan each);
// CRASH_TOKENS_PER_SECOND=15 paces the model at that output rate instead of
// its published pace; CRASH_OTHER_WORK=1 has the server first serve other
// work each round (a plan failing on every call, a burst of 429s) before the
// plans that the kill interrupts.
//
// CRASH_CONTROL=1 runs the same rounds without the kill (the control): how long
// the same plans take to settle, counted from the moment the kill would have
// come, so a slow settle can be told apart from the work the plans still had.

import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { localSignInKey } from "@/server/auth/local-sign-in-key";
import { processesWorkingIn } from "@/server/database/embedded-postgres";
import { planFromPrompt, startFakeAnthropic } from "../tests/support/fake-anthropic";
import { publishedPace } from "../tests/support/fake-pacing";
import { freePort } from "./lib/free-port";
import { stopProcessGroup } from "./lib/process-group";

const ROOT = path.resolve(import.meta.dirname, "..");
const API_KEY = "sk-ant-crash-restart-0123456789abcdef";
const FAILING_KCAL = 2345;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

type Server = { child: ChildProcess; log: () => string };

function startNpm(port: number, databasePort: number, modelUrl: string): Server {
  let log = "";
  // detached: its own process group (setsid), as a terminal's job would be.
  const child = spawn("npm", ["start"], {
    cwd: ROOT,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
    env: {
      ...process.env,
      PORT: String(port),
      EMBEDDED_DATABASE_PORT: String(databasePort),
      ANTHROPIC_API_KEY: API_KEY,
      ANTHROPIC_BASE_URL: modelUrl,
      GENERATION_RUNNER: "inline",
      LOCAL_AUTH: "1",
      SPEND_LIMIT_SCALE: "1000000",
      ORG_DAILY_TOKEN_BUDGET: "0",
    },
  });
  child.stdout?.on("data", (chunk: Buffer) => {
    log += chunk.toString();
  });
  child.stderr?.on("data", (chunk: Buffer) => {
    log += chunk.toString();
  });
  return { child, log: () => log };
}

/** The postmaster on this port and its children (pid, pgid, ppid, state, command). */
function postgresProcesses(databasePort: number): string[] {
  const rows = execFileSync("ps", ["-eo", "pid,pgid,ppid,stat,args"], { encoding: "utf8" })
    .split("\n")
    .map((line) => ({ line, fields: line.trim().split(/\s+/) }));
  const postmasters = rows.filter((row) => row.line.includes(`-p ${databasePort}`)).map((row) => row.fields[0]);
  return rows
    .filter((row) => row.line.includes(`-p ${databasePort}`) || postmasters.includes(row.fields[2]))
    .map((row) => row.line);
}

const DATA_DIR = path.join(ROOT, ".data", "postgres");

/** How many of `pids` still run, are zombies (dead, not yet reaped), or are gone. */
async function statesOf(pids: number[]): Promise<string> {
  const states = await Promise.all(
    pids.map((pid) =>
      readFile(`/proc/${pid}/stat`, "utf8").then(
        (stat) => (stat.slice(stat.lastIndexOf(")") + 2).startsWith("Z") ? "zombie" : "running"),
        () => "gone",
      ),
    ),
  );
  return ["running", "zombie", "gone"]
    .map((state) => `${states.filter((s) => s === state).length} ${state}`)
    .join(", ");
}

async function main() {
  const rounds = Number(process.argv[2] ?? 1);
  const planCount = Number(process.argv[3] ?? 4);
  // CRASH_MODEL_SPEED (default 1: the published pace) multiplies the fake model's pace; 4 lets a resumed
  // 14-day plan finish within the minute.
  const speed = Number(process.env.CRASH_MODEL_SPEED ?? 1);
  const tokensPerSecond = Number(process.env.CRASH_TOKENS_PER_SECOND ?? 0);
  const fake = await startFakeAnthropic({
    apiKey: API_KEY,
    ...(tokensPerSecond > 0 ? { outputTokensPerSecond: tokensPerSecond } : { pace: publishedPace(speed) }),
  });
  // The other work's failing plan asks for FAILING_KCAL: every call it makes is answered 500.
  fake.respondWith((request) =>
    request.system.includes(`${FAILING_KCAL} kcal`) || request.user.includes(`${FAILING_KCAL} kcal`)
      ? { status: 500 }
      : planFromPrompt(request),
  );
  const days = process.env.CRASH_DAYS
    ? process.env.CRASH_DAYS.split(",").map(Number)
    : Array.from({ length: planCount }, () => 14);
  const otherWork = process.env.CRASH_OTHER_WORK === "1";
  const port = await freePort();
  const databasePort = await freePort();
  const base = `http://127.0.0.1:${port}`;
  let server = startNpm(port, databasePort, fake.baseURL);
  const results: string[] = [];
  try {
    const api = async (method: string, pathname: string, token?: string, body?: unknown) => {
      const response = await fetch(`${base}${pathname}`, {
        method,
        headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(10_000),
      });
      return { status: response.status, json: (await response.json().catch(() => ({}))) as Record<string, unknown> };
    };
    for (let wait = 0; ; wait++) {
      if (wait > 600) throw new Error(`npm start did not answer:\n${server.log().slice(-2000)}`);
      try {
        if ((await fetch(`${base}/api/health`)).ok) break;
      } catch {}
      await sleep(200);
    }
    const token = String(
      (await api("POST", "/api/dev/session", undefined, { email: "coach@demo.test", key: localSignInKey() })).json
        .access_token,
    );
    const startPlan = async (name: string, planDays: number, calorieTarget = 2000) => {
      const created = await api("POST", "/api/nutrition/plans", token, {
        name,
        plan_length_days: planDays,
        intake_data: { calorie_target: calorieTarget, meals_per_day: 3, diet: [], allergies: [] },
      });
      const planId = String(created.json.id);
      const started = await api("POST", `/api/nutrition/plans/${planId}/generate/start`, token, {});
      if (started.status !== 202) throw new Error(`start ${started.status} ${JSON.stringify(started.json)}`);
      return planId;
    };
    const statusOf = async (planId: string) =>
      String(
        (await api("GET", `/api/nutrition/plans/${planId}/generate/status`, token).catch(() => undefined))?.json
          .generation_status,
      );
    for (let round = 1; round <= rounds; round++) {
      if (otherWork) {
        // The same server first serves other work: a plan whose every call fails, and a burst of 429s
        // (retry-after 1 s) met by a plan that then completes. What is still running when the kill comes is resumed with the rest.
        const before = Date.now();
        fake.enqueue(...Array.from({ length: 12 }, () => ({ status: 429, headers: { "retry-after": "1" } })));
        const others = [await startPlan(`Failing ${round}`, 2, FAILING_KCAL), await startPlan(`Limited ${round}`, 2)];
        const outcomes: string[] = [];
        // CRASH_OTHER_WORK_MS: how long the other work has before the plans start (it may still be running).
        while (Date.now() - before < Number(process.env.CRASH_OTHER_WORK_MS ?? 8_000)) {
          outcomes.splice(0, outcomes.length, ...(await Promise.all(others.map(statusOf))));
          if (outcomes.every((status) => status === "complete" || status === "error")) break;
          await sleep(500);
        }
        console.log(`round ${round}: other work first (${outcomes.join(", ")} after ${Date.now() - before} ms)`);
      }
      const planIds: string[] = [];
      for (const [index, planDays] of days.entries())
        planIds.push(await startPlan(`Crash ${round}.${index}`, planDays));
      // CRASH_KILL_AFTER_MS: how long after the last start the kill comes (2.5 s: mid model call).
      await sleep(Number(process.env.CRASH_KILL_AFTER_MS ?? 2_500));
      const pgid = server.child.pid as number;
      const control = process.env.CRASH_CONTROL === "1";
      if (control) {
        console.log(`round ${round} (control, no kill): ${planIds.length} plans generating`);
      } else {
        console.log(`round ${round}: kill -9 -${pgid} with ${planIds.length} plans generating`);
        const cluster = await processesWorkingIn(DATA_DIR);
        process.kill(-pgid, "SIGKILL");
        await new Promise((resolve) =>
          server.child.exitCode === null && server.child.signalCode === null
            ? server.child.once("exit", resolve)
            : resolve(null),
        );
        console.log(`  the cluster's ${cluster.length} processes right after the kill: ${await statesOf(cluster)}`);
      }
      const killedAt = Date.now();
      if (!control) server = startNpm(port, databasePort, fake.baseURL);
      let firstOk: number | undefined;
      const failuresAfterFirst: string[] = [];
      const settledAt = new Map<string, { ms: number; status: string }>();
      // The control waits longer: what it measures is how long the plans' remaining work takes.
      while (Date.now() - killedAt < (control ? 240_000 : 60_000)) {
        const at = Date.now() - killedAt;
        try {
          const response = await fetch(`${base}/api/health`, { signal: AbortSignal.timeout(5_000) });
          const text = await response.text();
          if (response.ok) firstOk ??= at;
          else if (firstOk !== undefined) failuresAfterFirst.push(`${at} ms: ${response.status} ${text.slice(0, 120)}`);
        } catch (error) {
          if (firstOk !== undefined) failuresAfterFirst.push(`${at} ms: ${String(error).slice(0, 120)}`);
        }
        if (firstOk !== undefined && settledAt.size < planIds.length) {
          for (const planId of planIds.filter((id) => !settledAt.has(id))) {
            const value = await statusOf(planId);
            if (value === "complete" || value === "error")
              settledAt.set(planId, { ms: Date.now() - killedAt, status: value });
          }
        }
        if (settledAt.size === planIds.length && Date.now() - killedAt > 30_000) break;
        await sleep(200);
      }
      const log = server.log();
      const unhandled = log.match(/unhandledRejection|uncaughtException/g)?.length ?? 0;
      const withoutOutcome = log.match(/ended without recording its outcome/g)?.length ?? 0;
      const line = [
        `round ${round}${control ? " (control, no kill)" : ""}: health first answered ${firstOk ?? "never"} ms after the kill`,
        `failed health after the first success: ${failuresAfterFirst.length}${failuresAfterFirst.length ? ` (${failuresAfterFirst.slice(0, 3).join("; ")})` : ""}`,
        `unhandled rejections/exceptions: ${unhandled}`,
        `runs ended without recording their outcome: ${withoutOutcome}`,
        `plans settled: ${settledAt.size}/${planIds.length} (${[...settledAt.values()].map((s) => `${s.status} ${s.ms} ms`).join(", ")})`,
      ].join("\n  ");
      results.push(line);
      console.log(`  ${line}`);
      const interesting = log
        .split("\n")
        .filter((l) => /unhandled|uncaught|Error|error|resumed|Resumed|Waiting|stale|Removed|Reusing/.test(l));
      console.log(`  restarted server's notable log lines:\n    ${interesting.slice(0, 40).join("\n    ")}`);
    }
  } finally {
    await stopProcessGroup(server.child, 20_000);
    // A postmaster left from a killed round (adopted or not) must not outlive the script.
    for (const line of postgresProcesses(databasePort)) {
      const pid = Number(line.trim().split(/\s+/)[0]);
      if (line.includes(`-p ${databasePort}`)) {
        try {
          process.kill(pid, "SIGINT");
        } catch {}
      }
    }
    await fake.close();
  }
  console.log(`\n${results.join("\n")}`);
}

await main();
