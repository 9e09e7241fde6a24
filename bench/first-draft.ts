// npm run bench:first-draft — how soon after Generate does the first drafted day reach the page?
//
// The inline runner in this process, the real route handlers (start, status
// with the page's drafts cursor, cancel), the real Anthropic SDK and
// PostgreSQL, against the fake Messages API paced at the model's published
// speed (tests/support/fake-pacing.ts). The status is read on the page's own
// schedule (src/ui/generation/status-poller.ts: the first read 1 s after
// Generate, then at least every PLANNING_POLL_DELAY_MS while days are being
// planned). Measured per plan size (7, 14, 28 days): seconds from Generate to
// the first read that carries a drafted day, the duration of the first model
// call to answer, and their ratio (target <= 1.3). Each run is cancelled once
// its first draft is seen, so the bench takes well under a minute.
import { randomUUID } from "node:crypto";
import { writeFileSync } from "node:fs";
import * as cancel from "@/app/api/nutrition/plans/[planId]/generate/cancel/route";
import * as start from "@/app/api/nutrition/plans/[planId]/generate/start/route";
import * as status from "@/app/api/nutrition/plans/[planId]/generate/status/route";
import { DRAFTS_FROM_START } from "@/generation/drafts/draft-cursor";
import { settleInlineRuns } from "@/inngest/inline/inline-runner";
import { closeDatabase, db } from "@/server/database/index";
import { prepareDatabase } from "@/server/database/local-database";
import { env, resetEnvForTests } from "@/server/env";
import type { GenerationStatusResponse } from "@/ui/api/api-types";
import { PLANNING_POLL_DELAY_MS } from "@/ui/generation/poll-backoff";
import { createStatusPoller } from "@/ui/generation/status-poller";
import { freePort } from "../scripts/lib/free-port";
import { call, demoCoachToken } from "../tests/support/api-client";
import { startFakeAnthropic } from "../tests/support/fake-anthropic";
import { publishedPace } from "../tests/support/fake-pacing";
import { DEMO_ORG_ID } from "../tests/support/seed-ids";

const PLAN_DAYS = [7, 14, 28] as const;
const TARGET_RATIO = 1.3;
/** JSON dense with UUIDs tokenizes at ~3 characters per token. */
const CHARS_PER_TOKEN = 3;

// A port of our own, so this does not meet another checkout's embedded database.
if (!process.env.DATABASE_URL) process.env.EMBEDDED_DATABASE_PORT = String(await freePort());
resetEnvForTests();
const database = await prepareDatabase({ databaseUrl: env().DATABASE_URL });
process.env.DATABASE_URL = database.url;
const fake = await startFakeAnthropic({ apiKey: "bench-key", charsPerToken: CHARS_PER_TOKEN, pace: publishedPace(1) });
Object.assign(process.env, {
  ANTHROPIC_API_KEY: "bench-key",
  ANTHROPIC_BASE_URL: fake.baseURL,
  GENERATION_RUNNER: "inline",
  // The seeded demo coach signs in with a local token, honoured only while local sign-in is on.
  LOCAL_AUTH: "1",
  // A benchmark, not a tenant: no spend limits, no daily budget. The model-call limits stay the defaults.
  SPEND_LIMIT_SCALE: "1000000",
  ORG_DAILY_TOKEN_BUDGET: "0",
});
resetEnvForTests();
const warn = console.warn;
console.warn = () => undefined; // The inline runner says, once, that it is not durable.

const token = await demoCoachToken();
const readMs: number[] = [];
const poller = createStatusPoller(async (planId) => {
  const began = performance.now();
  const response = await call(status.GET, {
    token,
    params: { planId },
    query: `?drafts_after=${DRAFTS_FROM_START}`,
  });
  readMs.push(performance.now() - began);
  return response.status === 200
    ? { ok: true as const, status: 200, data: response.json as unknown as GenerationStatusResponse }
    : { ok: false as const, status: response.status, error: String(response.json?.error), details: [] };
});

type Row = {
  days: number;
  firstDraftSeconds: number;
  firstCallSeconds: number;
  draftsSeen: number;
  reads: number;
  slowestReadMs: number;
};
const rows: Row[] = [];
try {
  for (const days of PLAN_DAYS) {
    const planId = randomUUID();
    await db()`
      insert into meal_plans (id, org_id, name, plan_length_days, intake_data)
      values (${planId}, ${DEMO_ORG_ID}, ${`bench first draft ${days}`}, ${days}, ${db().json({ calorie_target: 2200 })})`;
    fake.requests.length = 0;
    readMs.length = 0;
    const pressed = performance.now();
    const started = await call(start.POST, { token, params: { planId }, body: {} });
    if (started.status !== 202) throw new Error(`start answered ${started.status}: ${JSON.stringify(started.json)}`);
    let reads = 0;
    const seen = await new Promise<{ at: number; count: number }>((resolve, reject) => {
      poller.follow(planId, (tick) => {
        reads += 1;
        if (tick.kind !== "status") return true;
        const drafted = tick.status.drafts?.days.length ?? 0;
        if (drafted > 0) {
          resolve({ at: performance.now(), count: drafted });
          return false;
        }
        if (tick.status.generation_status !== "generating")
          reject(new Error(`the run ended ${tick.status.generation_status}`));
        return tick.status.generation_status === "generating";
      });
    });
    await call(cancel.POST, { token, params: { planId }, body: {} });
    await settleInlineRuns();
    const firstAnswered = fake.requests
      .filter((request) => request.answeredAt !== undefined)
      .sort((a, b) => (a.answeredAt ?? 0) - (b.answeredAt ?? 0))[0];
    const firstCall = ((firstAnswered?.answeredAt ?? 0) - (firstAnswered?.receivedAt ?? 0)) / 1000;
    rows.push({
      days,
      firstDraftSeconds: (seen.at - pressed) / 1000,
      firstCallSeconds: firstCall,
      draftsSeen: seen.count,
      reads,
      slowestReadMs: Math.max(...readMs),
    });
    await db()`delete from meal_plans where id = ${planId}`;
  }
} finally {
  console.warn = warn;
  await fake.close();
}

const table = [
  `# Generate → first drafted day on the page (inline runner), ${new Date().toISOString()}`,
  "",
  "Fake Messages API at the model's published speed (first token 1.5 s, then the model's output rate), default",
  `model-call limits (3 per org), the page's status schedule (reads at least every ${PLANNING_POLL_DELAY_MS} ms while days are planned).`,
  `Target: first draft within ${TARGET_RATIO}x the first model call. The Inngest path is not measured here: it needs an Inngest`,
  "server (Inngest Cloud or the dev server binary), which this machine cannot reach.",
  "",
  "| days | Generate → first draft seen | first model call | ratio | days in that read | status reads | slowest read |",
  "| --- | --- | --- | --- | --- | --- | --- |",
  ...rows.map(
    (row) =>
      `| ${row.days} | ${row.firstDraftSeconds.toFixed(2)} s | ${row.firstCallSeconds.toFixed(2)} s | ${(row.firstDraftSeconds / row.firstCallSeconds).toFixed(2)}x${row.firstDraftSeconds / row.firstCallSeconds <= TARGET_RATIO ? "" : " (over target)"} | ${row.draftsSeen} | ${row.reads} | ${row.slowestReadMs.toFixed(0)} ms |`,
  ),
  "",
].join("\n");
console.log(table);
const file = `bench/results/first-draft-${new Date().toISOString().slice(0, 16).replace(/[:]/g, "")}.md`;
writeFileSync(file, table);
console.log(`written to ${file}`);
await closeDatabase();
if (rows.some((row) => row.firstDraftSeconds / row.firstCallSeconds > TARGET_RATIO)) process.exitCode = 1;
