// npm run bench:netlify — the seed's problem, under Netlify's own runtime.
//
// One `netlify serve --offline` of a scratch copy of the project in which the
// original route is restored (bench/netlify/original-route.ts over the 410
// route: one request runs the whole multi-day generation, no step budget).
// Against the fake Messages API at Claude's published speed (first token
// 1.5 s, Haiku 100 output tokens/s; plans over 3 days use Haiku), for 7- and
// 14-day plans one after the other:
//
//   original  POST …/generate: does the request get an answer, and when? The
//             CLI ends a synchronous function at 30 s. A status poll beside it
//             (every 2 s) sees when the work itself is done: the CLI's worker
//             keeps running after the cut-off, where Netlify would have ended it.
//   new flow  start → poll status → complete, then a day regeneration: every
//             request's time, and the longest model call (in production each
//             call is one Inngest step, i.e. one /api/inngest invocation; no
//             Inngest server runs offline, so that request is not sent here).
//
// Table on stdout and in bench/results/netlify-limit-<date>-<host>.md.
// Bounded (RUN_LIMIT_SECONDS); stops what it started, on Ctrl-C too.
// Workarounds for the local runtime: scripts/lib/netlify/netlify-runtime.ts.

import { execFileSync } from "node:child_process";
import { copyFileSync, mkdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { cpus, hostname, tmpdir, totalmem } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { localSignInKey } from "@/server/auth/local-sign-in-key";
import { projectPaths } from "@/server/database/local-defaults";
import {
  ensureNetlifyCli,
  LOCAL_FUNCTION_LIMIT_SECONDS,
  NETLIFY_FUNCTION_LIMIT_SECONDS,
  pluginVersion,
} from "../scripts/lib/netlify/netlify-runtime";
import {
  type Answer,
  boundRun,
  cleanUp,
  expectStatus,
  onCleanUp,
  request,
  startServedApp,
} from "../scripts/lib/netlify/served-app";
import type { FakeRequest } from "../tests/support/fake-anthropic";

const RUN_LIMIT_SECONDS = 20 * 60;
const PLAN_DAYS = [7, 14, 28] as const;
/** How long the new flow may take before the bench calls it failed. */
const GENERATION_LIMIT_MS = 180_000;
/** After the original's work is done, how long the bench keeps waiting for an answer that never comes. */
const AFTER_WORK_GRACE_MS = 10_000;
const STATUS_POLL_MS = 2_000;

const projectRoot = fileURLToPath(new URL("../", import.meta.url));
const runStartedAt = performance.now();
boundRun(RUN_LIMIT_SECONDS);

type Row = {
  flow: "original" | "new flow";
  days: number;
  requests: number;
  longestRequest: string;
  /** Seconds the flow's longest single invocation needs: the original's whole work, the new flow's longest request or model call (step). */
  longestNeed: number;
  answer: string;
  workSeconds: number;
  modelCalls: number;
  longestCall: number;
};

/** The project's files (tracked and untracked, not ignored), node_modules hard-linked, the original route restored. */
async function scratchSite(): Promise<string> {
  const directory = await mkdtemp(path.join(tmpdir(), "meal-plans-netlify-bench-"));
  onCleanUp(() => rm(directory, { recursive: true, force: true }));
  process.once("exit", () => rmSync(directory, { recursive: true, force: true }));
  const files = execFileSync("git", ["ls-files", "--cached", "--others", "--exclude-standard", "-z"], {
    cwd: projectRoot,
    encoding: "utf8",
  })
    .split("\0")
    .filter(Boolean);
  for (const file of files) {
    const target = path.join(directory, file);
    mkdirSync(path.dirname(target), { recursive: true });
    try {
      copyFileSync(path.join(projectRoot, file), target);
    } catch {
      // a tracked file deleted in the work tree
    }
  }
  const sameDevice = statSync(directory).dev === statSync(projectRoot).dev;
  execFileSync("cp", [sameDevice ? "-al" : "-a", path.join(projectRoot, "node_modules"), directory]);
  copyFileSync(
    path.join(projectRoot, "bench", "netlify", "original-route.ts"),
    path.join(directory, "src", "app", "api", "nutrition", "plans", "[planId]", "generate", "route.ts"),
  );
  return directory;
}

/** The longest answered model call, in seconds (a call abandoned mid-answer has no end). */
function longestAnswered(calls: FakeRequest[]): number {
  return Math.max(
    0,
    ...calls.flatMap((call) => (call.answeredAt === undefined ? [] : [(call.answeredAt - call.receivedAt) / 1000])),
  );
}

async function main(): Promise<Row[]> {
  console.log("bench:netlify — the original route and the new flow under Netlify's Next.js runtime\n");
  const cli = ensureNetlifyCli((line) => console.log(`  ${line}`));
  console.log(`• ${cli.version}, Next.js runtime ${pluginVersion()}`);
  const site = await scratchSite();
  console.log(`• scratch copy with the original route restored: ${site}`);
  const { serve, model } = await startServedApp(site);
  console.log(`• netlify serve: build ${serve.buildSeconds.toFixed(0)} s, answering at ${serve.baseUrl}\n`);

  const session = await request(serve, "POST", "/api/dev/session", {
    // The served site is the scratch copy: its server keeps its key under the copy's .data/.
    body: { email: "coach@demo.test", key: localSignInKey(projectPaths(site).localSignInKeyFile) },
  });
  expectStatus(session, 200, "sign in");
  const token = String(session.body.access_token);
  const createPlan = async (days: number) => {
    const created = await request(serve, "POST", "/api/nutrition/plans", {
      token,
      body: { name: `bench ${days} days`, plan_length_days: days, intake_data: { calorie_target: 2200 } },
    });
    expectStatus(created, 201, "create plan");
    return String(created.body.id);
  };
  const status = async (planId: string) =>
    request(serve, "GET", `/api/nutrition/plans/${planId}/generate/status`, { token });
  const callsSince = (index: number) => model.requests.slice(index);

  const rows: Row[] = [];
  for (const days of PLAN_DAYS) {
    // The original route: one request for the whole generation.
    {
      const planId = await createPlan(days);
      const callsBefore = model.requests.length;
      const invocationsBefore = serve.invocations().length;
      const startedAt = performance.now();
      let workDone: number | undefined;
      let longPolls = 0;
      const long = request(serve, "POST", `/api/nutrition/plans/${planId}/generate`, {
        token,
        body: {},
        timeoutMs: GENERATION_LIMIT_MS,
      }).then(
        (answer): Answer | string => answer,
        (error: unknown) => (error instanceof Error ? error.name : String(error)),
      );
      let outcome: Answer | string | undefined;
      void long.then((result) => {
        outcome = result;
      });
      // Beside it, a status poll notices when the work is done; then wait a little more for the answer.
      while (outcome === undefined && performance.now() - startedAt < GENERATION_LIMIT_MS) {
        await new Promise((resolve) => setTimeout(resolve, STATUS_POLL_MS));
        if (workDone === undefined) {
          const polled = await status(planId);
          longPolls += 1;
          if (polled.body.generation_status === "complete" || polled.body.generation_status === "error") {
            workDone = (performance.now() - startedAt) / 1000;
          }
        } else if (performance.now() - startedAt > workDone * 1000 + AFTER_WORK_GRACE_MS) {
          break;
        }
      }
      const waited = (performance.now() - startedAt) / 1000;
      const calls = callsSince(callsBefore);
      const answered = typeof outcome === "object";
      rows.push({
        flow: "original",
        days,
        requests: serve.invocations().length - invocationsBefore,
        longestRequest: answered
          ? `${(outcome as Answer).seconds.toFixed(1)} s`
          : `> ${waited.toFixed(0)} s (unanswered)`,
        longestNeed: answered ? (outcome as Answer).seconds : (workDone ?? Number.POSITIVE_INFINITY),
        answer: answered
          ? `${(outcome as Answer).status}`
          : `none (${typeof outcome === "string" ? outcome : `still waiting ${(waited - (workDone ?? waited)).toFixed(0)} s after the work was done`})`,
        workSeconds: workDone ?? Number.NaN,
        modelCalls: calls.length,
        longestCall: longestAnswered(calls),
      });
      console.log(
        `original  ${days} days: answer ${rows.at(-1)?.answer}; work done after ${workDone?.toFixed(1) ?? "?"} s; ${longPolls} status polls beside it`,
      );
      // The unanswered request is abandoned here (the CLI never answers it).
    }

    // The new flow: start, poll, complete, then one day regenerated.
    {
      const planId = await createPlan(days);
      const callsBefore = model.requests.length;
      const invocationsBefore = serve.invocations().length;
      const answers: { route: string; answer: Answer }[] = [];
      const track = async (route: string, pending: Promise<Answer>) => {
        const answer = await pending;
        answers.push({ route, answer });
        return answer;
      };
      const startedAt = performance.now();
      const started = await track(
        "start",
        request(serve, "POST", `/api/nutrition/plans/${planId}/generate/start`, { token, body: {} }),
      );
      expectStatus(started, 202, "start");
      let workDone: number | undefined;
      while (workDone === undefined && performance.now() - startedAt < GENERATION_LIMIT_MS) {
        await new Promise((resolve) => setTimeout(resolve, STATUS_POLL_MS));
        const polled = await track("status", status(planId));
        if (polled.body.generation_status === "error")
          throw new Error(`new flow failed: ${polled.body.generation_error}`);
        if (polled.body.generation_status === "complete") workDone = (performance.now() - startedAt) / 1000;
      }
      if (workDone === undefined) throw new Error(`new flow: ${days}-day plan not complete in time`);
      const regenerated = await track(
        "regenerate",
        request(serve, "POST", `/api/nutrition/plans/${planId}/days/2/regenerate`, { token, body: {} }),
      );
      expectStatus(regenerated, 202, "regenerate day 2");
      for (let polls = 0; ; polls++) {
        if (polls > GENERATION_LIMIT_MS / STATUS_POLL_MS) throw new Error("day regeneration not complete in time");
        await new Promise((resolve) => setTimeout(resolve, STATUS_POLL_MS));
        const day = (await track("status", status(planId))).body.day_regeneration as { status?: string } | null;
        if (day?.status === "error") throw new Error("day regeneration failed");
        if (day?.status === "complete") break;
      }
      const longest = answers.reduce((worst, entry) => (entry.answer.seconds > worst.answer.seconds ? entry : worst));
      const calls = callsSince(callsBefore);
      rows.push({
        flow: "new flow",
        days,
        requests: serve.invocations().length - invocationsBefore,
        longestRequest: `${longest.answer.seconds.toFixed(1)} s (${longest.route})`,
        longestNeed: Math.max(longest.answer.seconds, longestAnswered(calls)),
        answer: `all ${answers.length} answered (${[...new Set(answers.map((entry) => entry.answer.status))].join(", ")})`,
        workSeconds: workDone,
        modelCalls: calls.length,
        longestCall: longestAnswered(calls),
      });
      console.log(
        `new flow  ${days} days: complete after ${workDone.toFixed(1)} s; longest request ${rows.at(-1)?.longestRequest}`,
      );
    }
  }
  const timeouts = serve.output().match(/.*timed out.*/gi) ?? [];
  if (timeouts.length > 0) console.log(`\nnetlify serve said:\n  ${[...new Set(timeouts)].slice(0, 3).join("\n  ")}`);
  return rows;
}

function tableLines(rows: Row[]): string[] {
  const { current, older } = NETLIFY_FUNCTION_LIMIT_SECONDS;
  const fits = (row: Row, limit: number) => (row.longestNeed <= limit ? "fits" : "**cut off**");
  const header = `| flow | days | function invocations | longest request | answer | plan saved after | model calls | longest model call | longest invocation needed | ${older} s limit | ${current} s limit |`;
  return [
    header,
    "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |",
    ...rows.map(
      (row) =>
        `| ${row.flow} | ${row.days} | ${row.requests} | ${row.longestRequest} | ${row.answer} | ${Number.isNaN(row.workSeconds) ? "-" : `${row.workSeconds.toFixed(1)} s`} | ${row.modelCalls} | ${row.longestCall.toFixed(1)} s | ${row.longestNeed.toFixed(1)} s | ${fits(row, older)} | ${fits(row, current)} |`,
    ),
  ];
}

function commit(): string {
  try {
    return execFileSync("git", ["rev-parse", "--short", "HEAD"], { cwd: projectRoot, encoding: "utf8" }).trim();
  } catch {
    return "?";
  }
}

let rows: Row[] = [];
let failed = false;
try {
  rows = await main();
} catch (error) {
  failed = true;
  console.error(`\n✖ ${error instanceof Error ? error.message : String(error)}`);
} finally {
  await cleanUp();
}
if (rows.length > 0) {
  const limits = `function limit: ${LOCAL_FUNCTION_LIMIT_SECONDS} s here (netlify-cli, no linked site); Netlify: ${NETLIFY_FUNCTION_LIMIT_SECONDS.current} s on current plans, ${NETLIFY_FUNCTION_LIMIT_SECONDS.older} s on older sites`;
  const report = [
    `# bench:netlify — ${new Date().toISOString()}`,
    "",
    `machine: ${hostname()}, ${cpus().length} × ${cpus()[0]?.model ?? "?"}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}, commit ${commit()}`,
    `netlify serve --offline (netlify-cli, @netlify/plugin-nextjs ${pluginVersion()}), inline runner; fake Messages API at published speed (first token 1.5 s, Haiku 100 tokens/s); ${limits}`,
    "",
    ...tableLines(rows),
    "",
    '"plan saved after": seconds from the first request until a status poll saw the plan complete (polls every 2 s). For the original route',
    "that work went on in the CLI's worker after the cut-off; Netlify would have ended the function there, and the plan would have stayed generating.",
    '"longest invocation needed": the original route\'s one request (its answer, or the work when unanswered); for the new flow its longest',
    "request or model call (in production each model call is one Inngest step, one /api/inngest invocation; no Inngest server runs offline).",
    "",
  ].join("\n");
  console.log(`\n${tableLines(rows).join("\n")}`);
  mkdirSync(new URL("./results/", import.meta.url), { recursive: true });
  const file = new URL(
    `./results/netlify-limit-${new Date().toISOString().slice(0, 10)}-${hostname()}.md`,
    import.meta.url,
  );
  writeFileSync(file, report);
  console.log(`\nWritten to ${file.pathname}`);
}
console.log(
  `\n${failed ? "✖ bench:netlify failed" : "✔ bench:netlify done"} in ${((performance.now() - runStartedAt) / 1000).toFixed(0)} s`,
);
process.exit(failed ? 1 : 0);
