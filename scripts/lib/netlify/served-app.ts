// What verify:netlify and bench:netlify share around `netlify serve`: a real
// PostgreSQL of their own, the fake Messages API at Claude's published speed,
// requests sent as the coach's browser on the served origin would send them,
// and one cleanup that runs on success, failure, the time limit and Ctrl-C.
import { rmSync } from "node:fs";
import { chmod, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { connect } from "@/server/database/connection";
import { type RunningPostgres, startEmbeddedPostgres } from "@/server/database/embedded-postgres";
import { migrateAndSeed } from "@/server/database/local-database";
import { type FakeAnthropic, startFakeAnthropic } from "../../../tests/support/fake-anthropic";
import { publishedPace } from "../../../tests/support/fake-pacing";
import { freePort } from "../free-port";
import { type NetlifyServe, startNetlifyServe } from "./netlify-runtime";

const FAKE_API_KEY = "netlify-check-key";
/** JSON dense with UUIDs tokenizes at ~3 characters per token (as bench:e2e). */
const CHARS_PER_TOKEN = 3;

type Cleanup = () => Promise<void>;
const cleanups: Cleanup[] = [];
let cleaning: Promise<void> | undefined;

/** Stops everything registered, newest first, once (later calls wait for the first). */
export function cleanUp(): Promise<void> {
  cleaning ??= (async () => {
    for (const cleanup of cleanups.splice(0).reverse()) {
      try {
        await cleanup();
      } catch (error) {
        console.error(`cleanup: ${String(error)}`);
      }
    }
  })();
  return cleaning;
}

export function onCleanUp(cleanup: Cleanup): void {
  cleanups.push(cleanup);
}

/**
 * Bounds the script: past `limitSeconds`, or on Ctrl-C / SIGTERM, it stops
 * what it started and exits non-zero.
 */
export function boundRun(limitSeconds: number): void {
  const bail = (why: string, code: number) => {
    console.error(`\n✖ ${why}: stopping what this run started…`);
    void cleanUp().finally(() => process.exit(code));
  };
  setTimeout(() => bail(`over the ${limitSeconds} s limit`, 1), limitSeconds * 1000).unref();
  process.once("SIGINT", () => bail("interrupted", 130));
  process.once("SIGTERM", () => bail("terminated", 143));
}

/** A PostgreSQL of the run's own (temporary folder, free port), migrated and seeded. */
async function startRunDatabase(): Promise<RunningPostgres> {
  const directory = await mkdtemp(path.join(tmpdir(), "meal-plans-netlify-"));
  onCleanUp(() => rm(directory, { recursive: true, force: true }));
  // Also when the process ends before cleanUp() has run (embedded-postgres's exit hook exits on Ctrl-C).
  process.once("exit", () => rmSync(directory, { recursive: true, force: true }));
  await chmod(directory, 0o755); // the unprivileged postgres user must enter it when we are root
  const server = await startEmbeddedPostgres({
    dataDir: path.join(directory, "data"),
    port: await freePort(),
    ephemeral: true,
  });
  onCleanUp(() => server.stop());
  const sql = connect(server.url(), { maxConnections: 1 });
  try {
    await migrateAndSeed(sql);
  } finally {
    await sql.end({ timeout: 2 });
  }
  return server;
}

/** The fake Messages API answering like Claude at its published speed (`speed` 1). */
async function startRunModel(): Promise<FakeAnthropic> {
  const fake = await startFakeAnthropic({
    apiKey: FAKE_API_KEY,
    charsPerToken: CHARS_PER_TOKEN,
    pace: publishedPace(1),
  });
  onCleanUp(() => fake.close());
  return fake;
}

export type ServedApp = { serve: NetlifyServe; model: FakeAnthropic; database: RunningPostgres };

/**
 * The run's database and model, and `netlify serve` of the site (this project,
 * or a scratch copy) with the check's environment: the inline runner, because
 * no Inngest server runs offline (workaround 5 in netlify-runtime.ts: never
 * production's runner), local sign-in, the fake Messages API through the real
 * Anthropic SDK. All three stop in cleanUp().
 */
export async function startServedApp(siteDir?: string): Promise<ServedApp> {
  const database = await startRunDatabase();
  const model = await startRunModel();
  const serve = await startNetlifyServe({
    ...(siteDir ? { siteDir } : {}),
    env: {
      DATABASE_URL: database.url(),
      ANTHROPIC_API_KEY: FAKE_API_KEY,
      ANTHROPIC_BASE_URL: model.baseURL,
      GENERATION_RUNNER: "inline",
      // Passwordless sign-in for the seeded coach: a production build refuses LOCAL_AUTH=1 alone, and this
      // one is served on loopback only (loopback-only.mjs), to this script.
      LOCAL_AUTH: "1",
      LOCAL_AUTH_UNSAFE: "1",
    },
  });
  onCleanUp(() => serve.stop());
  return { serve, model, database };
}

export type Answer = { status: number; body: Record<string, unknown>; seconds: number };

/**
 * One request to the served app as the coach's browser sends it (the session
 * token, the served Origin on writes), plus the header Netlify's edge adds.
 * `timeoutMs` bounds the wait; a request the runtime never answers rejects
 * with a TimeoutError.
 */
export async function request(
  serve: NetlifyServe,
  method: string,
  route: string,
  options: { token?: string; body?: unknown; timeoutMs?: number } = {},
): Promise<Answer> {
  const startedAt = performance.now();
  const response = await fetch(`${serve.baseUrl}${route}`, {
    method,
    headers: {
      ...serve.requestHeaders(method),
      ...(options.body === undefined ? {} : { "content-type": "application/json" }),
      ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
    },
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
    signal: AbortSignal.timeout(options.timeoutMs ?? 60_000),
  });
  const text = await response.text();
  let body: Record<string, unknown>;
  try {
    body = JSON.parse(text) as Record<string, unknown>;
  } catch {
    body = { text: text.slice(0, 300) };
  }
  return { status: response.status, body, seconds: (performance.now() - startedAt) / 1000 };
}

export function expectStatus(answer: Answer, status: number, what: string): void {
  if (answer.status !== status) {
    throw new Error(`${what}: expected ${status}, got ${answer.status} ${JSON.stringify(answer.body).slice(0, 500)}`);
  }
}
