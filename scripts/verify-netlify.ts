// npm run verify:netlify — the app under Netlify's own Next.js runtime, offline.
//
// Builds and serves the site with `netlify serve --offline` (the pinned CLI,
// installed into .cache/netlify/ on first use; the Next.js runtime pinned in
// package.json), then runs the coach's flow through it: health, sign-in,
// create a 7-day plan, start, poll to complete, regenerate one day, and the
// 410 of the original route. Each step prints its time and the function
// invocations the CLI's functions server logged for it. The app talks to its
// own PostgreSQL (temporary, free port) and to the fake Messages API at
// Claude's published speed, through the real Anthropic SDK.
// Workarounds the local runtime needs: scripts/lib/netlify/netlify-runtime.ts.
// Bounded (RUN_LIMIT_SECONDS); stops everything it started, on failure and
// Ctrl-C too. Exit 0 only if every step answered as the contract says.
import { localSignInKey } from "@/server/auth/local-sign-in-key";
import { pollDelayMs } from "@/ui/generation/poll-backoff";
import {
  ensureNetlifyCli,
  LOCAL_FUNCTION_LIMIT_SECONDS,
  type NetlifyServe,
  pluginVersion,
} from "./lib/netlify/netlify-runtime";
import { type Answer, boundRun, cleanUp, expectStatus, request, startServedApp } from "./lib/netlify/served-app";

/** A cold run (CLI install, build, flow) takes about 3-4 minutes on a 2-core machine; this bounds a stuck one. */
const RUN_LIMIT_SECONDS = 15 * 60;
const PLAN_DAYS = 7;
const GENERATION_LIMIT_MS = 180_000;

const runStartedAt = performance.now();
boundRun(RUN_LIMIT_SECONDS);

type StepRecord = { name: string; seconds: number; invocations: number; detail: string };
const steps: StepRecord[] = [];
let serve: NetlifyServe | undefined;
/** Every answer the flow received, for the longest-request line. */
const answers: { route: string; answer: Answer }[] = [];

async function step(name: string, run: () => Promise<string>): Promise<void> {
  const invocationsBefore = serve?.invocations().length ?? 0;
  const startedAt = performance.now();
  const detail = await run();
  const record = {
    name,
    seconds: (performance.now() - startedAt) / 1000,
    invocations: (serve?.invocations().length ?? 0) - invocationsBefore,
    detail,
  };
  steps.push(record);
  console.log(
    `✔ ${name.padEnd(24)} ${record.seconds.toFixed(1).padStart(6)} s  ${String(record.invocations).padStart(3)} invocation(s)  ${detail}`,
  );
}

async function call(method: string, route: string, options: Parameters<typeof request>[3] = {}): Promise<Answer> {
  if (!serve) throw new Error("the app is not served yet");
  const answer = await request(serve, method, route, options);
  answers.push({ route: `${method} ${route.replace(/[0-9a-f-]{36}/g, "{id}")}`, answer });
  return answer;
}

async function main(): Promise<void> {
  console.log("verify:netlify — the app under Netlify's Next.js runtime (netlify serve --offline)\n");
  let cli = { installed: false, version: "" };
  await step("Netlify CLI", async () => {
    cli = ensureNetlifyCli((line) => console.log(`  ${line}`));
    return `${cli.version} (${cli.installed ? "installed now" : "from the cache"}), Next.js runtime ${pluginVersion()}`;
  });

  await step("database, model, serve", async () => {
    serve = (await startServedApp()).serve;
    return `own PostgreSQL, fake Messages API at published speed; netlify build ${serve.buildSeconds.toFixed(1)} s, first answer at ${serve.readySeconds.toFixed(1)} s, ${serve.baseUrl}`;
  });

  await step("health", async () => {
    const health = await call("GET", "/api/health");
    expectStatus(health, 200, "GET /api/health");
    const runtime = await call("GET", "/api/runtime");
    expectStatus(runtime, 200, "GET /api/runtime");
    if (runtime.body.runner !== "inline") throw new Error(`runner ${String(runtime.body.runner)}, expected inline`);
    return `database ${String(health.body.database)}; ${JSON.stringify(runtime.body)}`;
  });

  let token = "";
  await step("sign in", async () => {
    const session = await call("POST", "/api/dev/session", {
      body: { email: "coach@demo.test", key: localSignInKey() },
    });
    expectStatus(session, 200, "POST /api/dev/session");
    token = String(session.body.access_token);
    return "coach@demo.test (LOCAL_AUTH=1, LOCAL_AUTH_UNSAFE=1 on loopback)";
  });

  let planId = "";
  await step("create plan", async () => {
    const created = await call("POST", "/api/nutrition/plans", {
      token,
      body: {
        name: "Netlify runtime check",
        plan_length_days: PLAN_DAYS,
        intake_data: {
          calorie_target: 2200,
          macro_split: { protein_pct: 30, carb_pct: 45, fat_pct: 25 },
          diet: ["vegetarian"],
          allergies: ["peanut"],
        },
      },
    });
    expectStatus(created, 201, "POST /api/nutrition/plans");
    planId = String(created.body.id);
    return `${PLAN_DAYS} days, vegetarian, peanut-free`;
  });

  await step("start", async () => {
    const started = await call("POST", `/api/nutrition/plans/${planId}/generate/start`, { token, body: {} });
    expectStatus(started, 202, "POST …/generate/start");
    return `202 in ${(started.seconds * 1000).toFixed(0)} ms`;
  });

  await step("poll to complete", async () => {
    const phases: string[] = [];
    const until = performance.now() + GENERATION_LIMIT_MS;
    for (let poll = 0; performance.now() < until; poll++) {
      const status = await call("GET", `/api/nutrition/plans/${planId}/generate/status`, { token });
      expectStatus(status, 200, "GET …/generate/status");
      const phase = String((status.body.progress as { phase?: string } | null)?.phase ?? "-");
      if (phases.at(-1) !== phase) phases.push(phase);
      if (status.body.generation_status === "error")
        throw new Error(`generation failed: ${status.body.generation_error}`);
      if (status.body.generation_status === "complete") {
        const plan = await call("GET", `/api/nutrition/plans/${planId}`, { token });
        expectStatus(plan, 200, "GET …/plans/{id}");
        const days = (plan.body.days as unknown[] | undefined)?.length ?? 0;
        if (days !== PLAN_DAYS) throw new Error(`complete with ${days} days, expected ${PLAN_DAYS}`);
        return `${poll + 1} polls; ${days} days saved; phases ${phases.join(" → ")}`;
      }
      await new Promise((resolve) => setTimeout(resolve, pollDelayMs(poll)));
    }
    throw new Error(`not complete within ${GENERATION_LIMIT_MS / 1000} s`);
  });

  await step("regenerate day 3", async () => {
    const regenerated = await call("POST", `/api/nutrition/plans/${planId}/days/3/regenerate`, { token, body: {} });
    expectStatus(regenerated, 202, "POST …/days/3/regenerate");
    const until = performance.now() + GENERATION_LIMIT_MS;
    for (let poll = 0; performance.now() < until; poll++) {
      const status = await call("GET", `/api/nutrition/plans/${planId}/generate/status`, { token });
      const day = status.body.day_regeneration as { status?: string; error?: string } | null;
      if (day?.status === "error") throw new Error(`day 3 failed: ${day.error}`);
      if (day?.status === "complete") return `202 in ${(regenerated.seconds * 1000).toFixed(0)} ms; ${poll + 1} polls`;
      await new Promise((resolve) => setTimeout(resolve, pollDelayMs(poll)));
    }
    throw new Error(`day 3 not regenerated within ${GENERATION_LIMIT_MS / 1000} s`);
  });

  await step("original route", async () => {
    const retired = await call("POST", `/api/nutrition/plans/${planId}/generate`, { token, body: {} });
    expectStatus(retired, 410, "POST …/generate");
    return "410, naming the new routes";
  });

  const longest = answers.reduce((worst, entry) => (entry.answer.seconds > worst.answer.seconds ? entry : worst));
  const invocations = serve?.invocations().length ?? 0;
  console.log(
    `\n${answers.length} requests, ${invocations} function invocations (the CLI's functions server log); longest request ${longest.answer.seconds.toFixed(1)} s (${longest.route}), local function limit ${LOCAL_FUNCTION_LIMIT_SECONDS} s`,
  );
  if (invocations < answers.length) throw new Error("fewer function invocations logged than requests sent");
}

let failed = false;
try {
  await main();
} catch (error) {
  failed = true;
  console.error(`\n✖ ${error instanceof Error ? error.message : String(error)}`);
  if (serve) console.error(`\nLast output of netlify serve:\n${serve.output().slice(-3000)}`);
} finally {
  await cleanUp();
}
console.log(
  `\n${failed ? "✖ verify:netlify failed" : "✔ verify:netlify passed"} in ${((performance.now() - runStartedAt) / 1000).toFixed(0)} s`,
);
process.exit(failed ? 1 : 0);
