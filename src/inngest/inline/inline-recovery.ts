import { inngestConfig } from "@inngest-config";
import { db, renewPoolAfterLostConnection } from "@/server/database/index";
import {
  holderIsGone,
  inlineRunsHeldByOthers,
  type RunKind,
  takeOverInlineRun,
  thisRunnerName,
} from "@/server/inline-run-owners";
import { redactSecrets } from "@/server/redact";
import {
  type InlineDayRunOptions,
  type InlineRunOptions,
  startInlineDayRun,
  startInlineRun,
  stopInlineRuns,
  untilItWorks,
} from "./inline-runner";

/**
 * What the inline runner does when the server starts and stops, so that a
 * restart never strands a plan at `generating`:
 *
 * - on start, runs that a previous inline process left generating, whole
 *   plans and one-day regenerations alike, are taken up again under the same
 *   generation id (the save step's generation-id guard makes a re-run from
 *   the beginning safe), and the plan records that it was resumed;
 * - on SIGTERM/SIGINT, runs stop at their next step boundary and are marked
 *   for the next start (stopInlineRuns), within a short grace period.
 *
 * GENERATION_STALE_AFTER_MINUTES stays the last resort, for Inngest runs.
 */

export type ResumedRun = {
  kind: RunKind;
  planId: string;
  /** The run's generation id (a day run's day-generation id), the same as before the restart. */
  runId: string;
  from: string;
  done: Promise<void>;
};

/**
 * Takes up every run, whole plan or one day, whose holder is gone; returns
 * them (with their completion, for tests). Day runs get `dayOptions`, by
 * default `options`' retries and limits with their own dependencies.
 */
export async function resumeInterruptedInlineRuns(
  options: InlineRunOptions = {},
  dayOptions: InlineDayRunOptions = { ...options, dependencies: undefined },
): Promise<ResumedRun[]> {
  const me = thisRunnerName();
  const held = await inlineRunsHeldByOthers(me);
  const resumed: ResumedRun[] = [];
  for (const run of held) {
    const gone = holderIsGone(run.owner, run.silentForSeconds, {
      me,
      silentLimitSeconds: inngestConfig.inlineRecovery.holderSilentLimitSeconds,
    });
    if (!gone || !(await takeOverInlineRun(run, me))) continue;
    const { planId, orgId, runId } = run;
    const start = () =>
      run.kind === "plan"
        ? startInlineRun({ planId, orgId, generationId: runId, request: run.request }, options)
        : startInlineDayRun(
            { planId, orgId, dayGenerationId: runId, day: run.day, ...(run.meal ? { meal: run.meal } : {}) },
            dayOptions,
          );
    const pauseMs = inngestConfig.inlineRecovery.retakeAfterMs * (options.retryDelayScale ?? 1);
    const done = untilOutcome(start, inngestConfig.inlineRecovery.retakes, pauseMs, (error, retaking) =>
      // Only reachable if even recording the outcome failed (the database away): say so, as dispatch does.
      console.error(
        `[generation] resumed ${run.kind} run for plan ${planId} ended without recording its outcome: ${redactSecrets(String(error))}${retaking ? "; taking it up again" : ""}`,
      ),
    );
    resumed.push({ kind: run.kind, planId, runId, from: run.owner, done });
  }
  return resumed;
}

/**
 * Runs a resumed run until it records an outcome: one that ended without
 * (its failure path could not reach the database in time) is started again
 * after a pause, at most `retakes` times, so it completes, fails on the
 * record, or is left for the next start only when the database stays away.
 */
async function untilOutcome(
  start: () => Promise<void>,
  retakes: number,
  pauseMs: number,
  report: (error: unknown, retaking: boolean) => void,
): Promise<void> {
  for (let retake = 0; ; retake++) {
    const pool = db();
    try {
      return await start();
    } catch (error) {
      report(error, retake < retakes);
      if (retake >= retakes) return;
      renewPoolAfterLostConnection(error, pool);
      await new Promise((resolve) => setTimeout(resolve, pauseMs));
    }
  }
}

/**
 * The process's exit on SIGTERM/SIGINT, when NEXT_MANUAL_SIG_HANDLE told
 * Next.js to leave it to the app: inline runs (if any) get their grace period
 * to reach a step boundary, then the process exits with the signal's code.
 */
export function exitGracefullyOnSignals(): void {
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    void stopInlineRuns(inngestConfig.inlineRecovery.stopGraceMs).finally(() =>
      process.exit(signal === "SIGINT" ? 130 : 143),
    );
  };
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
}

/**
 * Called once per server process (instrumentation.ts), without holding up its
 * start: resumes what a previous process left. The database may be restarting
 * with us, so it keeps trying for about a minute, then leaves the runs to the
 * staleness limit.
 */
export async function startInlineRecovery(): Promise<void> {
  try {
    const resumed = await untilItWorks(() => resumeInterruptedInlineRuns());
    if (resumed.length > 0) {
      console.warn(`[generation] Resumed ${resumed.length} run(s) interrupted by a previous server process.`);
    }
  } catch (error) {
    console.warn(`[generation] Could not look for interrupted runs: ${redactSecrets(String(error))}`);
  }
}
