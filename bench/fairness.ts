// npm run bench:fairness — does one organisation's burst of plans leave room for another's?
//
// The inline runner's emulation of the slot shape Inngest is given (only model
// calls hold the account-wide slot; each org may hold at most its share of
// it): org A starts 10 plans of 14 days, org B one plan right after. Measured:
// how long B's first model call waits from B's start, against one call's
// duration (target: within 1.5×). Each model call takes CALL_MS (the offline
// planner behind a fixed delay); no database (in-memory store), so only the
// slots decide the order. Also run with the limits as they were before (the
// account key on every step of the plan functions, no per-org key), for comparison.
// Bounded: two rounds of 11 plans, about a minute, then a table on stdout and
// in bench/results/fairness-<date-time>.md.
import { randomUUID } from "node:crypto";
import { writeFileSync } from "node:fs";
import { DEFAULT_GENERATION_CONFIG } from "@/generation/generation-config";
import type { ModelPort } from "@/generation/model/model-port";
import { createOfflineModel } from "@/generation/offline/offline-model";
import { type ConcurrencyLimit, modelCallConcurrency, planWorkflowConcurrency } from "@/inngest/concurrency-limits";
import { startInlineRun } from "@/inngest/inline/inline-runner";
import { chunkLimitsFor } from "@/inngest/story/run-dependencies";
import { parseEnv } from "@/server/env";
import { inngestConfig } from "../inngest.config";
import { seedCatalogue } from "../tests/support/seed-catalogue";
import { inMemoryStore } from "../tests/support/workflow-in-memory";

const CALL_MS = 1_000;
const PLANS_OF_A = 10;
const DAYS = 14;

type Shape = { name: string; concurrency: readonly ConcurrencyLimit[]; modelConcurrency: readonly ConcurrencyLimit[] };

const configuration = parseEnv({});
const account: ConcurrencyLimit = {
  scope: "account",
  key: '"anthropic-messages"',
  limit: inngestConfig.planDays.accountModelConcurrency,
};
const shapes: Shape[] = [
  {
    name: "before: account key on every plan step, no org key",
    concurrency: [...planWorkflowConcurrency(configuration), account],
    modelConcurrency: [...planWorkflowConcurrency(configuration), account],
  },
  {
    name: "now: model calls only, account 5, 3 per org",
    concurrency: planWorkflowConcurrency(configuration),
    modelConcurrency: modelCallConcurrency(configuration),
  },
];

function timedModel(onCall: () => void): ModelPort {
  const offline = createOfflineModel();
  return {
    name: "claude",
    async planPass(pass, options) {
      onCall();
      await new Promise((resolve) => setTimeout(resolve, CALL_MS));
      return offline.planPass(pass, options);
    },
  };
}

async function round(shape: Shape) {
  const catalogue = seedCatalogue();
  const orgA = randomUUID();
  const orgB = randomUUID();
  let inFlight = 0;
  let mostAtOnce = 0;
  const firstCallAt = new Map<string, number>();
  const run = (orgId: string, label: string) => {
    const store = inMemoryStore({ plan_length_days: DAYS }, catalogue);
    const model = timedModel(() => {
      if (!firstCallAt.has(label)) firstCallAt.set(label, performance.now());
      inFlight += 1;
      mostAtOnce = Math.max(mostAtOnce, inFlight);
      setTimeout(() => {
        inFlight -= 1;
      }, CALL_MS);
    });
    return startInlineRun(
      { planId: randomUUID(), orgId, generationId: randomUUID(), request: {} },
      {
        dependencies: {
          model,
          store,
          config: DEFAULT_GENERATION_CONFIG,
          chunkLimitsFor: chunkLimitsFor(inngestConfig.stepBudget.defaultSeconds),
          logger: { info: () => {}, warn: () => {} },
        },
        concurrency: shape.concurrency,
        modelConcurrency: shape.modelConcurrency,
      },
    );
  };
  const started = performance.now();
  const runsOfA = Array.from({ length: PLANS_OF_A }, (_, index) => run(orgA, `A${index}`));
  // B presses Generate right after A's burst has taken the slots.
  await new Promise((resolve) => setTimeout(resolve, 50));
  const bStarted = performance.now();
  const runOfB = run(orgB, "B");
  await runOfB;
  const bDone = performance.now();
  await Promise.all(runsOfA);
  const bWaitMs = (firstCallAt.get("B") ?? Number.NaN) - bStarted;
  return {
    shape: shape.name,
    bWaitMs,
    bWaitCalls: bWaitMs / CALL_MS,
    bCompleteS: (bDone - bStarted) / 1_000,
    allDoneS: (performance.now() - started) / 1_000,
    mostAtOnce,
  };
}

const results = [];
for (const shape of shapes) results.push(await round(shape));

const lines = [
  `# Fairness between organisations (inline emulation), ${new Date().toISOString()}`,
  "",
  `Org A starts ${PLANS_OF_A} plans of ${DAYS} days, org B one plan 50 ms later; each model call takes ${CALL_MS} ms. Target: B's first call starts within 1.5 calls.`,
  "",
  "| limits | B's first call waited | in calls | B complete after | all complete after | most calls at once |",
  "| --- | --- | --- | --- | --- | --- |",
  ...results.map(
    (row) =>
      `| ${row.shape} | ${Math.round(row.bWaitMs)} ms | ${row.bWaitCalls.toFixed(2)} | ${row.bCompleteS.toFixed(1)} s | ${row.allDoneS.toFixed(1)} s | ${row.mostAtOnce} |`,
  ),
  "",
];
const table = lines.join("\n");
console.log(table);
const file = `bench/results/fairness-${new Date().toISOString().slice(0, 16).replace(/[:]/g, "")}.md`;
writeFileSync(file, table);
console.log(`written to ${file}`);
