import { db } from "@/server/database/index";

/**
 * What both kinds of run keep on the plan row alike: the store interface
 * (RunStore) and the failed attempts each attempt appends as it fails.
 */

/** A group of days waiting to be tried again: which, the coming attempt, of how many, and what the last met. */
export type RetryingProgress = { days: string; attempt: number; of: number; fault: string };

/**
 * One failed attempt, as recorded on the plan (src/inngest/attempts/failed-attempt.ts).
 * `retryFollows`: whether the step will be tried again (false for a final
 * error or the last attempt), so the progress shows only a retry that comes.
 */
export type FailedAttemptEntry = {
  days: string;
  fault: string;
  attempt: number;
  maxAttempts: number;
  retryFollows: boolean;
};

/**
 * What both kinds of run (a whole plan, one day) keep on the plan row, under
 * one set of names: generationStore and dayGenerationStore implement it, so
 * the workflow builds both kinds' functions, failure paths and inline jobs
 * from one description (src/inngest/story/run-kinds.ts). `runId` is the
 * run's generation_id or day_generation_id.
 */
export type RunStore = {
  /** Whether this run is still the plan's generating run of its kind. */
  isCurrentRun: (planId: string, runId: string) => Promise<boolean>;
  /** Appends a failed attempt; how long its days have met this fault (null when the run no longer holds the plan). */
  recordFailedAttempt: (
    planId: string,
    runId: string,
    entry: FailedAttemptEntry,
  ) => Promise<{ repeatingForMs: number } | null>;
  /** The run's failed attempts so far, in order. */
  failedAttempts: (planId: string, runId: string) => Promise<{ days: string; fault: string }[]>;
  /** Ends the run in error with a coach-readable message; false when a newer run owns the plan. */
  markFailed: (planId: string, runId: string, message: string) => Promise<boolean>;
  /**
   * Inline runs only: names the process working on the run, so a restart can
   * take it up (inline-run-owners.ts). `request` is what a whole-plan run
   * plans, written beside it; a day run's request is its row, so it writes none.
   */
  holdInlineRun: (planId: string, runId: string, owner: string, request: Record<string, unknown>) => Promise<void>;
  /** A graceful stop: leaves the run generating, for the next start to take up at once. */
  releaseInlineRun: (planId: string, runId: string, owner: string) => Promise<void>;
};

/** The columns that hold one kind of run's failed attempts (whole plan or one day). */
export type AttemptColumns = {
  attempts: "generation_attempts" | "day_generation_attempts";
  runId: "generation_id" | "day_generation_id";
  status: "generation_status" | "day_generation_status";
  heartbeat: "generation_heartbeat_at" | "day_generation_heartbeat_at";
  /** The jsonb progress column that shows the retry, when the run has one. */
  progress?: "generation_progress";
};

/**
 * Appends one failed attempt to the run's list, as it happens (a small
 * write from inside the failing step), and shows the coming retry in the
 * progress (when none follows, a retry shown for these days is over). Answers how long this group of days has been meeting this same
 * fault, by the database's clock: since the first of its latest unbroken run
 * of attempts with this fault (0 when this is the first); null when the run
 * no longer holds the plan.
 */
export async function appendFailedAttempt(
  columns: AttemptColumns,
  planId: string,
  runId: string,
  entry: FailedAttemptEntry,
): Promise<{ repeatingForMs: number } | null> {
  const sql = db();
  const retrying: RetryingProgress = {
    days: entry.days,
    attempt: entry.attempt + 1,
    of: entry.maxAttempts,
    fault: entry.fault,
  };
  const progress = !columns.progress
    ? sql``
    : entry.retryFollows
      ? sql`, ${sql(columns.progress)} = ${sql(columns.progress)} || ${sql.json({ retrying })}`
      : sql`, ${sql(columns.progress)} = case when ${sql(columns.progress)} -> 'retrying' ->> 'days' = ${entry.days}::text
          then ${sql(columns.progress)} - 'retrying' else ${sql(columns.progress)} end`;
  const [row] = await sql<{ group_attempts: { fault: string; at: string }[] }[]>`
    update meal_plans set
      ${sql(columns.attempts)} = ${sql(columns.attempts)}
        || jsonb_build_array(jsonb_build_object('days', ${entry.days}::text, 'fault', ${entry.fault}::text, 'at', now())),
      ${sql(columns.heartbeat)} = now() ${progress}
    where id = ${planId} and ${sql(columns.runId)} = ${runId} and ${sql(columns.status)} = 'generating'
    returning (select coalesce(jsonb_agg(attempt), '[]'::jsonb) from jsonb_array_elements(${sql(columns.attempts)}) attempt
               where attempt ->> 'days' = ${entry.days}::text) as group_attempts`;
  if (!row) return null;
  const group = row.group_attempts;
  let first = group.length - 1;
  while (first > 0 && group[first - 1]?.fault === entry.fault) first -= 1;
  const last = group[group.length - 1];
  const since = Date.parse(last?.at ?? "") - Date.parse(group[first]?.at ?? "");
  return { repeatingForMs: Number.isFinite(since) ? since : 0 };
}

/** The run's failed attempts so far, in order (empty when a newer run owns the plan). */
export async function readFailedAttempts(
  columns: AttemptColumns,
  planId: string,
  runId: string,
): Promise<{ days: string; fault: string }[]> {
  const [row] = await db()<{ attempts: { days: string; fault: string }[] }[]>`
    select ${db()(columns.attempts)} as attempts from meal_plans
    where id = ${planId} and ${db()(columns.runId)} = ${runId}`;
  return row?.attempts ?? [];
}
