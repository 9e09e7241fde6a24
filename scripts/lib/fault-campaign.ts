import { type ChildProcess, spawn } from "node:child_process";
import { chmod, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { DEFAULT_GENERATION_CONFIG } from "@/generation/generation-config";
import { localSignInKey } from "@/server/auth/local-sign-in-key";
import { connect, type Database } from "@/server/database/connection";
import { type RunningPostgres, startEmbeddedPostgres } from "@/server/database/embedded-postgres";
import { migrateAndSeed } from "@/server/database/local-database";
import { inngestConfig } from "../../inngest.config";
import { type FakeAnthropic, startFakeAnthropic } from "../../tests/support/fake-anthropic";
import { outputRateOf, PUBLISHED_FIRST_TOKEN_SECONDS } from "../../tests/support/fake-pacing";
import { type FaultKind, type FaultMixOptions, faultMix, seededRandom } from "../../tests/support/fault-mix";
import { freePort } from "./free-port";
import { stopProcessGroup } from "./process-group";

/**
 * The fault campaign behind `npm run faults` (and its short form in the
 * tests), on loopback only and bounded in time: a real PostgreSQL, the app's
 * route handlers in their own server process (scripts/lib/app-server.ts) with
 * the inline runner and the real Anthropic SDK, and the fake Messages API
 * with a seeded fault mix. Scenarios, each optional:
 *
 *   faults    N plans (1-28 days, every diet, several allergy sets), M in flight
 *   kill      plans in flight, kill -9 of the server's process group, immediate restart
 *   database  connections terminated, then PostgreSQL restarted, mid-run
 *   slow      the model at half its published speed
 *   fuzz      hostile bodies, headers, tokens and path ids
 *
 * Every plan the campaign made is then read back from the database and
 * checked: status, days, restrictions, foods, calories, secrets.
 */

export type CampaignOptions = {
  seed: number;
  faultRate: number;
  plans: number;
  inFlight: number;
  killPlans: number;
  databasePlans: number;
  slowPlans: number;
  fuzzRequests: number;
  /** A plan still generating this long after its start counts as stuck. */
  planDeadlineMs: number;
  /** Longest plan of the main and slow scenarios (28 in the full campaign). */
  maxDays: number;
  /** Faults to draw from (all by default; the short form leaves out hangs, which cost a 19 s timeout each). */
  faultKinds?: readonly FaultKind[];
  /**
   * The model's pace in the faults scenario, as a multiple of its published
   * speed (fake-pacing.ts: first token after 1.5 s, then 63 tokens/s for
   * Sonnet, 100 for Haiku, at the workflow's 500 tokens a day); 0 answers at
   * once. Retries cost what they cost only against a model that takes its time.
   */
  modelSpeed?: number;
  /**
   * Runs the faults scenario's plans (the same intakes, in the same order)
   * at 0 % faults first, so the report compares the median completion with
   * the fault-free one from the same run.
   */
  faultFreeBaseline?: boolean;
  log: (line: string) => void;
};

const API_KEY = "sk-ant-fault-campaign-0123456789abcdef";
const DIETS = [[], ["vegetarian"], ["vegan"], ["pescatarian"], ["gluten_free"], ["dairy_free"]] as const;
const ALLERGY_SETS = [[], ["peanut", "tree_nut"], ["dairy", "egg"], ["gluten", "soy"], ["fish", "shellfish", "sesame"]];

export type ScenarioResult = {
  name: string;
  plans: number;
  complete: number;
  error: number;
  stuck: number;
  /** Plans the campaign could not create or start (the server kept refusing): never silently dropped. */
  notStarted: number;
  seconds: number;
  notes: string[];
};

export type CampaignReport = {
  scenarios: ScenarioResult[];
  checks: {
    plansChecked: number;
    duplicateOrMissingDays: number;
    restrictionViolations: number;
    unknownFoods: number;
    offTargetDays: number;
    secretsFound: number;
    responses500: number;
    responses503: number;
    /** Requests the server did not answer within REQUEST_TIMEOUT_MS (a hang is a failure a coach sees too). */
    unanswered: number;
    unhandledServerErrors: number;
  };
  recovery: { serverAnswersAfterMs: number[]; plansSettledAfterMs: number[] };
  errors: string[];
  faultsInjected: Record<FaultKind | "ok", number>;
};

type Server = { child: ChildProcess; baseUrl: string; output: () => string };

class Campaign {
  private server: Server | undefined;
  /** Server exits the campaign did not cause (a crash): each is reported with the log's tail. */
  readonly crashes: string[] = [];
  /** Requests the server did not answer in time: method, path and when they were sent. */
  readonly unansweredRequests: string[] = [];
  private logs = "";
  responses500 = 0;
  responses503 = 0;
  unanswered = 0;
  readonly planIds: string[] = [];
  token = "";
  otherToken = "";

  constructor(
    readonly database: { url: string; restart: () => Promise<void> },
    private readonly port: number,
    private fakeUrl: string,
  ) {}

  get baseUrl() {
    return `http://127.0.0.1:${this.port}`;
  }

  pointAtModel(url: string) {
    this.fakeUrl = url;
  }

  /** Starts the app server and waits for /api/health; answers how long that took. */
  async startServer(): Promise<number> {
    const began = Date.now();
    const child = spawn(process.execPath, ["--import", "tsx", path.join(import.meta.dirname, "app-server.ts")], {
      env: {
        ...process.env,
        NODE_ENV: "development",
        NEXT_RUNTIME: "nodejs",
        NEXT_MANUAL_SIG_HANDLE: "1",
        PORT: String(this.port),
        DATABASE_URL: this.database.url,
        ANTHROPIC_API_KEY: API_KEY,
        ANTHROPIC_BASE_URL: this.fakeUrl,
        GENERATION_RUNNER: "inline",
        LOCAL_AUTH: "1",
        // 200 plans from two coaches in minutes: the campaign tests faults, not spend limits.
        SPEND_LIMIT_SCALE: "1000000",
        ORG_DAILY_TOKEN_BUDGET: "0",
      },
      stdio: ["ignore", "pipe", "pipe"],
      detached: true,
    });
    const collect = (chunk: Buffer) => {
      this.logs += chunk.toString();
    };
    child.once("exit", (code, signal) => {
      if (!(child as ChildProcess & { expectedExit?: boolean }).expectedExit) {
        this.crashes.push(`app server exited by itself (${signal ?? code}): ${this.logs.slice(-600)}`);
      }
    });
    child.stdout?.on("data", collect);
    child.stderr?.on("data", collect);
    this.server = { child, baseUrl: this.baseUrl, output: () => this.logs };
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline) {
      if (child.exitCode !== null) throw new Error(`app server exited:\n${this.logs.slice(-2000)}`);
      try {
        if ((await fetch(`${this.baseUrl}/api/health`)).ok) return Date.now() - began;
      } catch {
        // not listening yet
      }
      await sleep(100);
    }
    throw new Error("app server did not answer within 60 s");
  }

  /** kill -9 of the server's whole process group: no cleanup of any kind runs. */
  async killServer(): Promise<void> {
    const child = this.server?.child;
    if (!child?.pid || child.exitCode !== null) return;
    (child as ChildProcess & { expectedExit?: boolean }).expectedExit = true;
    const exited = new Promise((resolve) => child.once("exit", resolve));
    process.kill(-child.pid, "SIGKILL");
    await exited;
  }

  async stopServer(): Promise<void> {
    const child = this.server?.child;
    if (!child?.pid || child.exitCode !== null || child.signalCode !== null) return;
    (child as ChildProcess & { expectedExit?: boolean }).expectedExit = true;
    await stopProcessGroup(child, 10_000);
  }

  serverLogs() {
    return this.logs;
  }

  async request(
    method: string,
    pathname: string,
    init: { token?: string; body?: unknown; headers?: Record<string, string> } = {},
  ) {
    const headers: Record<string, string> = { ...init.headers };
    if (init.token) headers.authorization = `Bearer ${init.token}`;
    let body: string | undefined;
    if (init.body !== undefined) {
      body = typeof init.body === "string" ? init.body : JSON.stringify(init.body);
      headers["content-type"] ??= "application/json";
    }
    let response: Response;
    const sentAt = new Date();
    try {
      response = await fetch(`${this.baseUrl}${pathname}`, {
        method,
        headers,
        body,
        signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
      });
    } catch (error) {
      if ((error as Error).name === "TimeoutError") {
        this.unanswered += 1;
        this.unansweredRequests.push(
          `not answered within ${REQUEST_TIMEOUT_MS / 1000} s: ${method} ${pathname} sent ${sentAt.toISOString().slice(11, 23)}`,
        );
      }
      throw error;
    }
    if (response.status === 503) this.responses503 += 1;
    else if (response.status >= 500) this.responses500 += 1;
    const text = await response.text();
    let json: Record<string, unknown> = {};
    try {
      json = JSON.parse(text) as Record<string, unknown>;
    } catch {}
    return { status: response.status, json };
  }

  async signIn() {
    const signIn = async (email: string) =>
      String(
        (await this.request("POST", "/api/dev/session", { body: { email, key: localSignInKey() } })).json
          .access_token ?? "",
      );
    this.token = await signIn("coach@demo.test");
    this.otherToken = await signIn("coach@other.test");
    if (!this.token || !this.otherToken) throw new Error("local sign-in failed");
  }

  /** Why plans could not be created or started, for the report. */
  readonly notStarted: string[] = [];

  /**
   * Creates and starts one plan; answers its id, or undefined (and says why in
   * `notStarted`) when the server kept refusing. Retries while it is briefly away.
   */
  async createAndStart(index: number, random: () => number, maxDays = 28): Promise<string | undefined> {
    const days = 1 + Math.floor(random() * maxDays);
    const body = {
      name: `Fault campaign ${index}`,
      plan_length_days: days,
      intake_data: {
        calorie_target: 1600 + Math.round(random() * 14) * 100,
        meals_per_day: 3 + Math.floor(random() * 3),
        diet: DIETS[Math.floor(random() * DIETS.length)],
        allergies: ALLERGY_SETS[Math.floor(random() * ALLERGY_SETS.length)],
      },
    };
    const answer = (response: { status: number; json: unknown }) =>
      `${response.status} ${JSON.stringify(response.json).slice(0, 200)}`;
    try {
      const created = await this.retrying(() =>
        this.request("POST", "/api/nutrition/plans", { token: this.token, body }),
      );
      const planId = created.json.id;
      if (created.status >= 300 || typeof planId !== "string") {
        this.notStarted.push(`plan ${index} not created: ${answer(created)}`);
        return undefined;
      }
      this.planIds.push(planId);
      const started = await this.retrying(() =>
        this.request("POST", `/api/nutrition/plans/${planId}/generate/start`, { token: this.token, body: {} }),
      );
      if (started.status !== 202) {
        this.notStarted.push(`plan ${index} (${planId}) not started: ${answer(started)}`);
        return undefined;
      }
      return planId;
    } catch (error) {
      this.notStarted.push(`plan ${index}: ${(error as Error).message}`);
      return undefined;
    }
  }

  /** Sends until the server accepts, for up to a minute (a restarting database or server answers 503 meanwhile). */
  private async retrying<T extends { status: number }>(send: () => Promise<T>): Promise<T> {
    const deadline = Date.now() + 60_000;
    for (;;) {
      try {
        const response = await send();
        if (response.status < 300 || response.status === 400 || Date.now() >= deadline) return response;
      } catch (error) {
        if (Date.now() >= deadline) throw error;
      }
      await sleep(500);
    }
  }

  /** Polls until the plan is complete or in error; "stuck" after the deadline. */
  async settle(planId: string, deadline: number): Promise<"complete" | "error" | "stuck"> {
    while (Date.now() < deadline) {
      try {
        const { status, json } = await this.request("GET", `/api/nutrition/plans/${planId}/generate/status`, {
          token: this.token,
        });
        if (status === 200 && (json.generation_status === "complete" || json.generation_status === "error")) {
          return json.generation_status;
        }
      } catch {
        // the server is restarting
      }
      await sleep(500);
    }
    return "stuck";
  }
}

/** How long the campaign waits for any one answer; a server that is up answers in milliseconds. */
const REQUEST_TIMEOUT_MS = 20_000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function inPool<T>(count: number, width: number, work: (index: number) => Promise<T>): Promise<T[]> {
  const results: T[] = new Array(count);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(width, count) }, async () => {
      while (next < count) {
        const index = next++;
        results[index] = await work(index);
      }
    }),
  );
  return results;
}

function tally(name: string, outcomes: string[], began: number, notes: string[] = []): ScenarioResult {
  const count = (what: string) => outcomes.filter((outcome) => outcome === what).length;
  return {
    name,
    plans: outcomes.length,
    complete: count("complete"),
    error: count("error"),
    stuck: count("stuck"),
    notStarted: count("not started"),
    seconds: Math.round((Date.now() - began) / 100) / 10,
    notes,
  };
}

/** The plans that were created and started (the others are in Campaign.notStarted and the report). */
function started(planIds: (string | undefined)[]): string[] {
  return planIds.filter((planId): planId is string => planId !== undefined);
}

const notStartedOutcomes = (count: number): string[] => Array.from({ length: count }, () => "not started");

const SLOW_PLANS_IN_FLIGHT = 2;
const SLOW_PLAN_MAX_DAYS = 14;

export async function runFaultCampaign(options: CampaignOptions): Promise<CampaignReport> {
  const random = seededRandom(options.seed);
  const directory = await mkdtemp(path.join(tmpdir(), "meal-plans-faults-"));
  await chmod(directory, 0o755);
  const dataDir = path.join(directory, "data");
  const databasePort = await freePort();
  let postgres: RunningPostgres = await startEmbeddedPostgres({ dataDir, port: databasePort, ephemeral: true });
  const admin: Database = connect(postgres.url(), { maxConnections: 2 });
  await migrateAndSeed(admin);

  const mix = faultMix({
    seed: options.seed,
    rate: options.faultRate,
    ...(options.faultKinds ? { kinds: options.faultKinds } : {}),
    ...pacedAt(options.modelSpeed ?? 0),
  });
  const fake = await startFakeAnthropic({ apiKey: API_KEY, responder: mix.responder });
  let slowFake: FakeAnthropic | undefined;
  let faultFreeFake: FakeAnthropic | undefined;
  const campaign = new Campaign(
    {
      url: postgres.url(),
      restart: async () => {
        await postgres.stop();
        postgres = await startEmbeddedPostgres({ dataDir, port: databasePort, ephemeral: true });
      },
    },
    await freePort(),
    fake.baseURL,
  );
  // Scenarios and recovery times accumulate as the campaign goes; the checks and
  // errors are read from the database and the server at the end.
  const scenarios: ScenarioResult[] = [];
  const recovery: CampaignReport["recovery"] = { serverAnswersAfterMs: [], plansSettledAfterMs: [] };
  const log = options.log;

  try {
    await campaign.startServer();
    await campaign.signIn();

    if (options.plans > 0) {
      const speed = options.modelSpeed
        ? `model at ${options.modelSpeed}× its published speed`
        : "model answering at once";
      // The same intakes in the same order for both runs: their own seeded draw, apart from the other scenarios'.
      const runPlans = async (name: string, index0: number) => {
        const intakes = seededRandom(options.seed + 7919);
        const began = Date.now();
        // Each complete plan's time from start to complete.
        const completedInMs: number[] = [];
        const outcomes = await inPool(options.plans, options.inFlight, async (index) => {
          const planId = await campaign.createAndStart(index0 + index, intakes, options.maxDays);
          if (!planId) return "not started";
          const startedAt = Date.now();
          const outcome = await campaign.settle(planId, startedAt + options.planDeadlineMs);
          if (outcome === "complete") completedInMs.push(Date.now() - startedAt);
          return outcome;
        });
        const median = medianOf(completedInMs);
        const notes = [speed, ...(median === undefined ? [] : [`median completion ${(median / 1000).toFixed(1)} s`])];
        return { result: tally(name, outcomes, began, notes), median };
      };

      let faultFreeMedian: number | undefined;
      if (options.faultFreeBaseline) {
        log(`fault-free: the same ${options.plans} plans at 0 % faults, ${speed}`);
        const clean = faultMix({ seed: options.seed, rate: 0, ...pacedAt(options.modelSpeed ?? 0) });
        faultFreeFake = await startFakeAnthropic({ apiKey: API_KEY, responder: clean.responder });
        await campaign.stopServer();
        campaign.pointAtModel(faultFreeFake.baseURL);
        await campaign.startServer();
        const baseline = await runPlans("0 % faults (baseline)", 5000);
        scenarios.push(baseline.result);
        faultFreeMedian = baseline.median;
        await campaign.stopServer();
        campaign.pointAtModel(fake.baseURL);
        await campaign.startServer();
      }

      log(
        `faults: ${options.plans} plans, ${options.inFlight} in flight, ${options.faultRate * 100} % faults, ${speed}`,
      );
      const faulty = await runPlans(`${options.faultRate * 100} % faults`, 0);
      if (faulty.median !== undefined && faultFreeMedian) {
        faulty.result.notes.push(`${(faulty.median / faultFreeMedian).toFixed(2)}× the fault-free median`);
      }
      scenarios.push(faulty.result);
    }

    if (options.killPlans > 0) {
      log(`kill: ${options.killPlans} plans in flight, kill -9 of the server, immediate restart`);
      const began = Date.now();
      const planIds = started(
        await inPool(options.killPlans, options.killPlans, (index) =>
          campaign.createAndStart(1000 + index, random, 14),
        ),
      );
      await sleep(1_500);
      const [{ generating } = { generating: 0 }] = await admin<{ generating: number }[]>`
        select count(*)::int as generating from meal_plans
        where id = any(${planIds}::uuid[]) and generation_status = 'generating'`;
      await campaign.killServer();
      const restartedAt = Date.now();
      recovery.serverAnswersAfterMs.push(await campaign.startServer());
      const outcomes = await Promise.all(
        planIds.map(async (planId) => {
          const outcome = await campaign.settle(planId, restartedAt + 60_000);
          return { outcome, after: Date.now() - restartedAt };
        }),
      );
      recovery.plansSettledAfterMs.push(Math.max(...outcomes.map((o) => o.after)));
      const [{ resumed } = { resumed: 0 }] = await admin<{ resumed: number }[]>`
        select count(*)::int as resumed from meal_plans
        where id = any(${planIds}::uuid[]) and generation_resumed_at is not null`;
      scenarios.push(
        tally(
          "kill -9 mid-run",
          [...outcomes.map((o) => o.outcome), ...notStartedOutcomes(options.killPlans - planIds.length)],
          began,
          [
            `${generating} generating at the kill, ${resumed} resumed by the restarted server`,
            `server answered ${recovery.serverAnswersAfterMs.at(-1)} ms after the kill`,
          ],
        ),
      );
    }

    if (options.databasePlans > 0) {
      log(`database: ${options.databasePlans} plans; connections terminated, then PostgreSQL restarted`);
      const began = Date.now();
      const planIds = started(
        await inPool(options.databasePlans, options.databasePlans, (index) =>
          campaign.createAndStart(2000 + index, random, 14),
        ),
      );
      const settling = planIds.map((planId) => campaign.settle(planId, Date.now() + options.planDeadlineMs));
      await sleep(1_000);
      const [{ terminated } = { terminated: 0 }] = await admin<{ terminated: number }[]>`
        select count(*) filter (where pg_terminate_backend(pid))::int as terminated from pg_stat_activity
        where application_name = 'meal-plan-generation' and pid <> pg_backend_pid()`;
      await sleep(1_000);
      const down = new Date();
      await campaign.database.restart();
      const up = new Date();
      const outcomes = await Promise.all(settling);
      scenarios.push(
        tally(
          "database terminated + restarted",
          [...outcomes, ...notStartedOutcomes(options.databasePlans - planIds.length)],
          began,
          [
            `${terminated} connections terminated; PostgreSQL restarted from ${down.toISOString().slice(11, 23)} to ${up.toISOString().slice(11, 23)}`,
          ],
        ),
      );
    }

    if (options.slowPlans > 0) {
      const half = { sonnet: outputRateOf("sonnet", 0.5), haiku: outputRateOf("haiku", 0.5) };
      log(
        `slow: ${options.slowPlans} plans, model at half its published speed (Sonnet ${half.sonnet}, Haiku ${half.haiku} tokens/s, ${inngestConfig.stepBudget.outputTokensPerDay} tokens per day)`,
      );
      const slow = faultMix({
        seed: options.seed + 1,
        rate: 0,
        outputTokensPerSecond: (model) => (model.includes("haiku") ? half.haiku : half.sonnet),
        outputTokensPerDay: inngestConfig.stepBudget.outputTokensPerDay,
      });
      slowFake = await startFakeAnthropic({ apiKey: API_KEY, responder: slow.responder });
      await campaign.stopServer();
      campaign.pointAtModel(slowFake.baseURL);
      await campaign.startServer();
      const began = Date.now();
      // The app keeps the default account cap (GENERATION_MAX_CONCURRENT_MODEL_CALLS,
      // Inngest's free plan: 5 model calls at once). Ten long plans at once would
      // only queue behind it (about 10 min of calls 5 at a time), so this scenario
      // runs two plans at a time, of up to two weeks: each still has many
      // one-day calls of 10-19 s, which is what half speed puts to the test.
      const outcomes = await inPool(
        options.slowPlans,
        Math.min(options.inFlight, SLOW_PLANS_IN_FLIGHT),
        async (index) => {
          const planId = await campaign.createAndStart(
            3000 + index,
            random,
            Math.min(options.maxDays, SLOW_PLAN_MAX_DAYS),
          );
          return planId ? campaign.settle(planId, Date.now() + options.planDeadlineMs) : "not started";
        },
      );
      scenarios.push(
        tally("model at half speed", outcomes, began, [
          `${SLOW_PLANS_IN_FLIGHT} plans at a time, up to ${SLOW_PLAN_MAX_DAYS} days, default account cap`,
        ]),
      );
    }

    if (options.fuzzRequests > 0) {
      log(`fuzz: ${options.fuzzRequests} hostile requests`);
      const began = Date.now();
      const before = campaign.responses500;
      await fuzz(campaign, options.fuzzRequests, random);
      // A hostile request may be a valid start of one of the campaign's plans: it must settle like any other.
      const restarted = (
        await admin<{ id: string }[]>`
          select id from meal_plans where id = any(${campaign.planIds}::uuid[]) and generation_status = 'generating'`
      ).map((row) => row.id);
      const outcomes = await Promise.all(
        restarted.map((planId) => campaign.settle(planId, Date.now() + options.planDeadlineMs)),
      );
      scenarios.push({
        ...tally("fuzz", outcomes, began),
        notes: [
          `${options.fuzzRequests} requests, ${campaign.responses500 - before} answered ≥ 500 (not 503)`,
          `${restarted.length} of the campaign's plans restarted by them`,
        ],
      });
    }

    await campaign.stopServer();
    return {
      scenarios,
      checks: {
        ...(await checkPlans(admin, campaign.planIds, campaign.serverLogs())),
        responses500: campaign.responses500,
        responses503: campaign.responses503,
        unanswered: campaign.unanswered,
        unhandledServerErrors: campaign.serverLogs().split("[app-server] unhandled").length - 1,
      },
      recovery,
      errors: [
        ...campaign.crashes,
        ...campaign.notStarted,
        ...campaign.unansweredRequests,
        ...(await stuckPlans(admin, campaign.planIds)),
        ...(await distinctErrors(admin, campaign.planIds)),
      ],
      faultsInjected: mix.counts,
    };
  } finally {
    await campaign.stopServer().catch(() => undefined);
    await admin.end({ timeout: 2 }).catch(() => undefined);
    await fake.close();
    await slowFake?.close();
    await faultFreeFake?.close();
    await postgres.stop();
    await rm(directory, { recursive: true, force: true });
  }
}

/** The fault mix's pace for a model at `speed` × its published speed (0: at once). */
function pacedAt(
  speed: number,
): Pick<FaultMixOptions, "outputTokensPerSecond" | "outputTokensPerDay" | "firstTokenMs"> {
  if (!(speed > 0)) return {};
  return {
    outputTokensPerSecond: (model) => outputRateOf(model, speed),
    outputTokensPerDay: inngestConfig.stepBudget.outputTokensPerDay,
    firstTokenMs: (PUBLISHED_FIRST_TOKEN_SECONDS / speed) * 1000,
  };
}

function medianOf(values: number[]): number | undefined {
  return [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
}

/** Bodies, headers, tokens and path ids a client might send, none of which may produce a 500. */
async function fuzz(campaign: Campaign, count: number, random: () => number): Promise<void> {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const ownPlan = campaign.planIds[0] ?? "00000000-0000-4000-8000-000000000000";
  const ids = [
    ownPlan,
    "not-a-uuid",
    "00000000-0000-0000-0000-000000000000",
    "'; drop table meal_plans; --",
    "%E0%A4%A",
    "a".repeat(5000),
    "%00",
    crypto.randomUUID(),
    "..%2F..%2Fetc%2Fpasswd",
  ];
  const tokens = [
    campaign.token,
    campaign.otherToken,
    "",
    "garbage",
    "eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.",
    `${campaign.token.slice(0, -4)}AAAA`,
    "a.b.c",
    "x".repeat(10_000),
  ];
  const bodies: unknown[] = [
    {},
    [],
    null,
    "not json",
    '{"plan_length_days": 1e308}',
    { plan_length_days: -1 },
    { plan_length_days: "7" },
    { name: "x".repeat(100_000), plan_length_days: 3 },
    { name: "\u0000null byte", plan_length_days: 3 },
    { name: "ok", plan_length_days: 3, intake_data: { diet: ["carnivore"] } },
    { name: "ok", plan_length_days: 3, intake_data: { macro_split: { protein_pct: 90, carb_pct: 90, fat_pct: 90 } } },
    { name: "ok", plan_length_days: 3, client_id: "00000000-0000-4000-8000-000000000000" },
    { name: "deep", plan_length_days: 3, intake_data: JSON.parse(`${"[".repeat(2000)}${"]".repeat(2000)}`) },
    { intake_data: { calorie_target: "NaN" } },
    { plan_length_days: 29 },
    "\ud800",
    "{".repeat(100_000),
  ];
  const contentTypes = [
    "application/json",
    "text/plain",
    "application/x-www-form-urlencoded",
    "",
    "application/json; charset=latin1",
  ];
  for (let index = 0; index < count; index++) {
    const id = pick(ids);
    const [method, pathname] = pick([
      ["GET", "/api/nutrition/plans"],
      ["POST", "/api/nutrition/plans"],
      ["GET", `/api/nutrition/plans/${id}`],
      ["POST", `/api/nutrition/plans/${id}/generate/start`],
      ["GET", `/api/nutrition/plans/${id}/generate/status`],
      ["POST", `/api/nutrition/plans/${id}/generate`],
      ["POST", "/api/dev/session"],
      ["PUT", "/api/nutrition/plans"],
      ["GET", "/api/nutrition/clients"],
    ] as const);
    const body = method === "GET" ? undefined : pick(bodies);
    const headers: Record<string, string> = {};
    const contentType = pick(contentTypes);
    if (contentType) headers["content-type"] = contentType;
    if (random() < 0.2) headers.cookie = `sb-local-session=${pick(tokens)}`;
    try {
      await campaign.request(method, pathname, { token: pick(tokens), body, headers });
    } catch {
      // a connection the server refused outright (e.g. an oversized header) is not a 500
    }
  }
  // Every numeric field with every awkward number, once each and signed in, so
  // each reaches validation (and the database, if validation lets it through).
  for (const [pathname, body] of numberBodies(ownPlan)) {
    try {
      await campaign.request("POST", pathname, { token: campaign.token, body });
    } catch {}
  }
}

/**
 * Fractions, signs, magnitudes past int4, int8 and float8, and numbers JSON
 * can spell but JavaScript cannot hold (1e400 parses as Infinity), in every
 * numeric field of plan creation and of /generate/start (legacy fields included).
 */
const AWKWARD_NUMBERS: readonly (number | string)[] = [
  2000.5,
  0.5,
  -0.5,
  -0,
  1e-300,
  2 ** 31,
  -(2 ** 31) - 1,
  2 ** 53 + 2,
  2 ** 63,
  1e21,
  1e308,
  -1e308,
  // Raw JSON text, sent as written:
  "1e400",
  "-1e400",
  "7.0",
  "1E3",
];

function numberBodies(planId: string): [string, unknown][] {
  const create = "/api/nutrition/plans";
  const start = `/api/nutrition/plans/${planId}/generate/start`;
  const shapes: [string, (n: string) => string][] = [
    [create, (n) => `{"name":"n","plan_length_days":${n}}`],
    [create, (n) => `{"name":"n","plan_length_days":3,"calorie_target":${n}}`],
    [create, (n) => `{"name":"n","plan_length_days":3,"intake_data":{"calorie_target":${n}}}`],
    [create, (n) => `{"name":"n","plan_length_days":3,"intake_data":{"meals_per_day":${n}}}`],
    [create, (n) => `{"name":"n","plan_length_days":3,"macro_split":{"protein_pct":${n},"carb_pct":40,"fat_pct":30}}`],
    [
      create,
      (n) =>
        `{"name":"n","plan_length_days":3,"intake_data":{"macro_split":{"protein_pct":${n},"carb_pct":40,"fat_pct":30}}}`,
    ],
    [start, (n) => `{"plan_length_days":${n}}`],
    [start, (n) => `{"calorie_target":${n}}`],
    [start, (n) => `{"intake_data":{"calorie_target":${n}}}`],
    [start, (n) => `{"intake_data":{"meals_per_day":${n}}}`],
  ];
  return shapes.flatMap(([pathname, shape]) =>
    AWKWARD_NUMBERS.map((number): [string, unknown] => [
      pathname,
      shape(Object.is(number, -0) ? "-0" : String(number)),
    ]),
  );
}

async function checkPlans(sql: Database, planIds: string[], serverLogs: string) {
  const target = DEFAULT_GENERATION_CONFIG.calorieTolerance;
  const [row] = await sql<
    {
      checked: number;
      day_problems: number;
      violations: number;
      unknown: number;
      off_target: number;
      secret_errors: number;
    }[]
  >`
    with plans as (select * from meal_plans where id = any(${planIds}::uuid[])),
    complete as (select * from plans where generation_status = 'complete'),
    items as (
      select p.id as plan_id, p.org_id, p.intake_data, i.food_id, f.id as known, f.org_id as food_org,
             f.diet_tags, f.allergens
      from complete p join meal_plan_days d on d.plan_id = p.id join meal_plan_meals m on m.day_id = d.id
      join meal_plan_items i on i.meal_id = m.id left join foods f on f.id = i.food_id)
    select
      (select count(*) from complete)::int as checked,
      (select count(*) from complete p where (select array_agg(day_number order by day_number) from meal_plan_days where plan_id = p.id)
          is distinct from (select array_agg(g) from generate_series(1, p.plan_length_days) g))::int as day_problems,
      (select count(*) from items where known is not null and (
          exists (select 1 from jsonb_array_elements_text(coalesce(intake_data -> 'diet', '[]')) diet where not diet = any(diet_tags))
          or exists (select 1 from jsonb_array_elements_text(coalesce(intake_data -> 'allergies', '[]')) a where a = any(allergens))))::int as violations,
      (select count(*) from items where known is null or (food_org is not null and food_org <> org_id))::int as unknown,
      (select count(*) from complete p join meal_plan_days d on d.plan_id = p.id
          where abs(d.total_kcal - (p.intake_data ->> 'calorie_target')::numeric) > (p.intake_data ->> 'calorie_target')::numeric * ${target + 0.005})::int as off_target,
      (select count(*) from plans where generation_error ~ 'sk-ant|Bearer [A-Za-z0-9]' or generation_error like ${`%${API_KEY}%`})::int as secret_errors`;
  const secretInLogs = serverLogs.includes(API_KEY) || /sk-ant-[A-Za-z0-9]/.test(serverLogs) ? 1 : 0;
  return {
    plansChecked: row?.checked ?? 0,
    duplicateOrMissingDays: row?.day_problems ?? 0,
    restrictionViolations: row?.violations ?? 0,
    unknownFoods: row?.unknown ?? 0,
    offTargetDays: row?.off_target ?? 0,
    secretsFound: (row?.secret_errors ?? 0) + secretInLogs,
  };
}

/** What the database says about plans still generating at the end, to tell why they stuck. */
async function stuckPlans(sql: Database, planIds: string[]): Promise<string[]> {
  const rows = await sql<{ id: string; progress: unknown; runner: string | null; silent: number }[]>`
    select id, generation_progress as progress, generation_runner as runner,
           extract(epoch from now() - generation_heartbeat_at)::int as silent
    from meal_plans where id = any(${planIds}::uuid[]) and generation_status = 'generating'`;
  return rows.map(
    (row) => `stuck ${row.id}: progress ${JSON.stringify(row.progress)}, runner ${row.runner}, silent ${row.silent} s`,
  );
}

async function distinctErrors(sql: Database, planIds: string[]): Promise<string[]> {
  const rows = await sql<{ generation_error: string; plans: number }[]>`
    select generation_error, count(*)::int as plans from meal_plans
    where id = any(${planIds}::uuid[]) and generation_status = 'error' group by 1 order by 2 desc limit 10`;
  return rows.map((row) => `${row.plans} × ${row.generation_error}`);
}

export function formatReport(report: CampaignReport, options: CampaignOptions): string {
  const lines = [
    `Fault campaign: seed ${options.seed}, ${options.faultRate * 100} % faults, ${options.inFlight} in flight, plans of 1-${options.maxDays} days, ${options.modelSpeed ? `model at ${options.modelSpeed}× its published speed` : "model answering at once"}`,
    "",
    "| scenario | plans | complete | error | stuck | not started | seconds | notes |",
    "| --- | --- | --- | --- | --- | --- | --- | --- |",
    ...report.scenarios.map(
      (s) =>
        `| ${s.name} | ${s.plans} | ${s.complete}${s.plans ? ` (${Math.round((s.complete / s.plans) * 1000) / 10} %)` : ""} | ${s.error} | ${s.stuck} | ${s.notStarted} | ${s.seconds} | ${s.notes.join("; ")} |`,
    ),
    "",
    "| check (every plan the campaign made) | found |",
    "| --- | --- |",
    `| complete plans checked | ${report.checks.plansChecked} |`,
    `| duplicate or missing days | ${report.checks.duplicateOrMissingDays} |`,
    `| diet/allergy violations | ${report.checks.restrictionViolations} |`,
    `| unknown foods | ${report.checks.unknownFoods} |`,
    `| off-target days (> ${DEFAULT_GENERATION_CONFIG.calorieTolerance * 100} % + rounding) | ${report.checks.offTargetDays} |`,
    `| secrets in generation_error or server logs | ${report.checks.secretsFound} |`,
    `| responses ≥ 500 other than 503 | ${report.checks.responses500} |`,
    `| 503 responses (database away) | ${report.checks.responses503} |`,
    `| requests not answered within ${REQUEST_TIMEOUT_MS / 1000} s | ${report.checks.unanswered} |`,
    `| unhandled errors logged by the server | ${report.checks.unhandledServerErrors} |`,
    `| server answering again after kill -9 (ms) | ${report.recovery.serverAnswersAfterMs.join(", ") || "-"} |`,
    `| interrupted plans settled after restart (ms, slowest) | ${report.recovery.plansSettledAfterMs.join(", ") || "-"} |`,
    "",
    `Faults injected: ${Object.entries(report.faultsInjected)
      .map(([kind, count]) => `${kind} ${count}`)
      .join(", ")}`,
    "",
    "Errors (most common first):",
    ...(report.errors.length ? report.errors.map((error) => `- ${error}`) : ["- none"]),
  ];
  return lines.join("\n");
}
