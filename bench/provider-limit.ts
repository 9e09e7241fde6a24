// npm run bench:provider-limit — the provider's own concurrency limit below the app's model-call slots.
//
// The inline runner (in-memory store, no database, so only the slots and the
// retry schedule decide the timing) runs six 7-day plans from two orgs while
// the "provider" answers 429 + retry-after whenever N calls are already in
// flight (N = 1, 2, 4), each call taking CALL_MS. Compared with the same
// plans run with the app's account limit set to N from the start (no 429s).
// Target (issue 29): every plan completes, none in error, no org starved,
// time to finish within 1.5x of running at N from the start. Bounded: six
// rounds of 42 calls, under two minutes; a table on stdout and in
// bench/results/provider-limit-<date-time>.md.
import { randomUUID } from "node:crypto";
import { writeFileSync } from "node:fs";
import { DEFAULT_GENERATION_CONFIG } from "@/generation/generation-config";
import { ModelCallError } from "@/generation/model/model-call-error";
import type { ModelPort } from "@/generation/model/model-port";
import { createOfflineModel } from "@/generation/offline/offline-model";
import { type ConcurrencyLimit, modelCallConcurrency, planWorkflowConcurrency } from "@/inngest/concurrency-limits";
import { startInlineRun } from "@/inngest/inline/inline-runner";
import { chunkLimitsFor } from "@/inngest/story/run-dependencies";
import { parseEnv } from "@/server/env";
import { inngestConfig } from "../inngest.config";
import { seedCatalogue } from "../tests/support/seed-catalogue";
import { inMemoryStore } from "../tests/support/workflow-in-memory";

const CALL_MS = 500;
const RETRY_AFTER_MS = 2_000;
const PLANS = 6;
const DAYS = 7;
const configuration = parseEnv({});

type Provider = { inFlight: number; refused: number; answered: number };

/** The offline planner behind a CALL_MS call, refusing with a 429 when `max` calls are in flight. */
function limitedModel(max: number, provider: Provider): ModelPort {
  const offline = createOfflineModel();
  return {
    name: "claude",
    async planPass(pass, options) {
      if (provider.inFlight >= max) {
        provider.refused += 1;
        throw new ModelCallError("rate_limited", "Claude rate limit reached (429)", {
          status: 429,
          retryAfterMs: RETRY_AFTER_MS,
        });
      }
      provider.inFlight += 1;
      try {
        await new Promise((resolve) => setTimeout(resolve, CALL_MS));
      } finally {
        provider.inFlight -= 1;
      }
      provider.answered += 1;
      return offline.planPass(pass, options);
    },
  };
}

async function round(max: number, modelConcurrency: readonly ConcurrencyLimit[]) {
  const catalogue = seedCatalogue();
  const orgs = [randomUUID(), randomUUID()];
  const provider: Provider = { inFlight: 0, refused: 0, answered: 0 };
  const model = limitedModel(max, provider);
  const started = performance.now();
  const finishedAt: Record<string, number[]> = {};
  const outcomes = await Promise.all(
    Array.from({ length: PLANS }, (_, index) => {
      const orgId = orgs[index % 2] ?? "";
      let saved = false;
      const store = inMemoryStore({ plan_length_days: DAYS }, catalogue, () => {
        saved = true;
      });
      let failed = false;
      return startInlineRun(
        { planId: randomUUID(), orgId, generationId: randomUUID(), request: {} },
        {
          dependencies: {
            model,
            store: {
              ...store,
              markFailed: async () => {
                failed = true;
                return true;
              },
            },
            config: DEFAULT_GENERATION_CONFIG,
            chunkLimitsFor: chunkLimitsFor(inngestConfig.stepBudget.defaultSeconds),
            logger: { info: () => {}, warn: () => {} },
          },
          concurrency: planWorkflowConcurrency(configuration),
          modelConcurrency,
        },
      ).then(() => {
        finishedAt[orgId] = [...(finishedAt[orgId] ?? []), (performance.now() - started) / 1_000];
        return saved && !failed ? "complete" : "error";
      });
    }),
  );
  return {
    seconds: (performance.now() - started) / 1_000,
    complete: outcomes.filter((outcome) => outcome === "complete").length,
    refused: provider.refused,
    answered: provider.answered,
    lastPerOrg: orgs.map((org) => Math.max(...(finishedAt[org] ?? [Number.NaN])).toFixed(1)).join(" / "),
  };
}

const rows: string[] = [];
// console.warn of each retry is the runner's; keep the table readable.
console.warn = () => {};
// Largest N first: the slots are the process's, so a round starts from the ceiling the one before left (as a live server would).
for (const max of [4, 2, 1]) {
  const atN = modelCallConcurrency(
    parseEnv({
      GENERATION_MAX_CONCURRENT_MODEL_CALLS: String(max),
      GENERATION_MAX_CONCURRENT_MODEL_CALLS_PER_ORG: String(max),
    }),
  );
  const baseline = await round(max, atN);
  const adaptive = await round(max, modelCallConcurrency(configuration));
  rows.push(
    `| ${max} | ${baseline.seconds.toFixed(1)} s (${baseline.complete}/${PLANS}, ${baseline.refused} × 429) | ${adaptive.seconds.toFixed(1)} s (${adaptive.complete}/${PLANS}, ${adaptive.refused} × 429 for ${adaptive.answered} calls) | ${adaptive.lastPerOrg} s | ${(adaptive.seconds / baseline.seconds).toFixed(2)}x |`,
  );
}

const table = [
  `# The provider's own limit below the app's slots (inline runner), ${new Date().toISOString()}`,
  "",
  `${PLANS} plans of ${DAYS} days from two orgs; each call ${CALL_MS} ms; the provider answers 429 + retry-after ${RETRY_AFTER_MS / 1_000} s when N calls are in flight. Baseline: the app's account and per-org limits set to N. Adaptive: the app's default limits (5 across the account, 3 per org), narrowing on 429s. Target: all complete, ratio within 1.5x.`,
  "",
  "| N | at N from the start | default limits, adaptive | each org's last plan done | ratio |",
  "| --- | --- | --- | --- | --- |",
  ...rows,
  "",
].join("\n");
console.log(table);
const file = `bench/results/provider-limit-${new Date().toISOString().slice(0, 16).replace(/[:]/g, "")}.md`;
writeFileSync(file, table);
console.log(`written to ${file}`);
