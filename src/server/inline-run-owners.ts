import { randomUUID } from "node:crypto";
import { hostname } from "node:os";
import { threadId } from "node:worker_threads";
import type { PendingQuery, Row } from "postgres";
import { type Database, db } from "@/server/database/index";
import { processIsAlive } from "@/server/process-alive";

/**
 * Who holds an inline run (the runner that works inside the app's process).
 * Each process names itself `inline:<host>:<pid>:<nonce>` and writes that
 * name on the runs it works on (a whole plan's, or one day's regeneration);
 * a process that stops gracefully writes `inline:stopped`. The nonce tells
 * this process from an earlier one that had the same pid (containers restart
 * at pid 1). A worker thread adds its thread id to the pid (`<pid>/<thread>`):
 * `netlify serve` answers every request in a fresh worker thread of one
 * process, and a worker must not take another live thread's runs for an
 * earlier process's.
 */

export const STOPPED_OWNER = "inline:stopped";

const holder = globalThis as unknown as { inlineRunnerName?: string };

/** This process's name as an inline-run holder (kept across Next's dev reloads). */
export function thisRunnerName(): string {
  holder.inlineRunnerName ??= runnerName(hostname(), process.pid, threadId, randomUUID().slice(0, 8));
  return holder.inlineRunnerName;
}

/** A holder's name: thread 0 (the main thread) keeps the plain `<pid>`. */
export function runnerName(host: string, pid: number, thread: number, nonce: string): string {
  return `inline:${host}:${thread === 0 ? pid : `${pid}/${thread}`}:${nonce}`;
}

type ParsedOwner = { host: string; pid: number; thread: number };

function parseOwner(owner: string): ParsedOwner | undefined {
  const match = /^inline:(.+):(\d+)(?:\/(\d+))?:[0-9a-f]+$/.exec(owner);
  return match?.[1] && match[2] ? { host: match[1], pid: Number(match[2]), thread: Number(match[3] ?? 0) } : undefined;
}

/**
 * Whether the holder of a run can no longer be working on it: it stopped
 * gracefully, or it ran on this machine and its process is gone, or (another
 * machine, or a pid reused since) the run has shown no sign of life for
 * `silentForSeconds`, longer than any inline step may take.
 */
export function holderIsGone(
  owner: string,
  silentForSeconds: number,
  limits: { me: string; silentLimitSeconds: number },
): boolean {
  if (owner === limits.me) return false;
  if (owner === STOPPED_OWNER) return true;
  const parsed = parseOwner(owner);
  if (!parsed) return silentForSeconds > limits.silentLimitSeconds;
  const me = parseOwner(limits.me);
  // On this machine: gone if its process is, or if its pid and thread are ours
  // under another name (an earlier process that had our pid, as a container
  // restarted at pid 1). Another thread of our pid may be alive: silence decides.
  if (parsed.host === me?.host) {
    if (parsed.pid === me.pid ? parsed.thread === me.thread : !processIsAlive(parsed.pid)) return true;
  }
  return silentForSeconds > limits.silentLimitSeconds;
}

/** The two kinds of inline run: a whole plan's, and one day's regeneration. */
export type RunKind = "plan" | "day";

/**
 * Where each kind of run keeps its id, status, holder, resume time and
 * heartbeat on meal_plans, and how a take-over puts its progress back to the
 * start (the run re-runs from the beginning).
 */
const RUNS = {
  plan: {
    id: "generation_id",
    status: "generation_status",
    runner: "generation_runner",
    resumedAt: "generation_resumed_at",
    heartbeat: "generation_heartbeat_at",
    requeued: (sql: Database) => sql`generation_progress = jsonb_build_object(
        'phase', 'queued', 'days_done', 0,
        'days_total', coalesce((generation_progress ->> 'days_total')::int, plan_length_days))`,
  },
  day: {
    id: "day_generation_id",
    status: "day_generation_status",
    runner: "day_generation_runner",
    resumedAt: "day_generation_resumed_at",
    heartbeat: "day_generation_heartbeat_at",
    requeued: (sql: Database) => sql`day_generation_phase = 'queued'`,
  },
} as const;

/** Writes `owner` (and `alsoSet`) on a run, only while it is its plan's current run of its kind and generating. */
async function holdRun(kind: RunKind, planId: string, runId: string, owner: string, alsoSet?: PendingQuery<Row[]>) {
  const sql = db();
  const run = RUNS[kind];
  await sql`
    update meal_plans set ${sql(run.runner)} = ${owner} ${alsoSet ?? sql``}
    where id = ${planId} and ${sql(run.id)} = ${runId} and ${sql(run.status)} = 'generating'`;
}

/**
 * A graceful stop: the run is left generating for the next process to take
 * up at once. Also a run this process had not yet named itself on (stopped
 * before its first step), so it is not left to the staleness limit.
 */
async function releaseRun(kind: RunKind, planId: string, runId: string, owner: string): Promise<void> {
  const sql = db();
  const run = RUNS[kind];
  await sql`
    update meal_plans set ${sql(run.runner)} = ${STOPPED_OWNER}
    where id = ${planId} and ${sql(run.id)} = ${runId} and ${sql(run.status)} = 'generating'
      and (${sql(run.runner)} = ${owner} or ${sql(run.runner)} is null)`;
}

/**
 * Writes this process's name, and the request the run plans, on a whole-plan
 * run it is about to work on (only while that run owns the plan).
 */
export async function holdInlineRun(
  planId: string,
  generationId: string,
  owner: string,
  request: Record<string, unknown>,
): Promise<void> {
  await holdRun("plan", planId, generationId, owner, db()`, generation_request = ${db().json(request as never)}`);
}

/** A graceful stop of a whole-plan run (see releaseRun). */
export async function releaseInlineRun(planId: string, generationId: string, owner: string): Promise<void> {
  await releaseRun("plan", planId, generationId, owner);
}

/**
 * Writes this process's name on a one-day run it is about to work on (only
 * while it is the plan's current day run). Its request is the row itself.
 */
export async function holdInlineDayRun(planId: string, dayGenerationId: string, owner: string): Promise<void> {
  await holdRun("day", planId, dayGenerationId, owner);
}

/** A graceful stop of a one-day run (see releaseRun). */
export async function releaseInlineDayRun(planId: string, dayGenerationId: string, owner: string): Promise<void> {
  await releaseRun("day", planId, dayGenerationId, owner);
}

/** A generating run held by an inline runner, with what it takes to start it again. */
export type HeldRun = {
  planId: string;
  orgId: string;
  /** The run's generation id (a day run's day-generation id). */
  runId: string;
  owner: string;
  silentForSeconds: number;
} & ({ kind: "plan"; request: Record<string, unknown> } | { kind: "day"; day: number; meal: string | null });

/** Generating runs, of plans and of days, held by inline runners other than `me`. */
export async function inlineRunsHeldByOthers(me: string): Promise<HeldRun[]> {
  const rows = await db()<
    {
      kind: RunKind;
      id: string;
      org_id: string;
      run_id: string;
      owner: string;
      request: Record<string, unknown> | null;
      day: number | null;
      meal: string | null;
      silent_for: number;
    }[]
  >`
    select 'plan' as kind, id, org_id, generation_id as run_id, generation_runner as owner,
           generation_request as request, null::int as day, null::text as meal,
           extract(epoch from now() - coalesce(generation_heartbeat_at, generation_started_at, now()))::float8 as silent_for
    from meal_plans
    where generation_status = 'generating' and generation_runner is not null and generation_runner <> ${me}
    union all
    select 'day', id, org_id, day_generation_id, day_generation_runner,
           null, day_generation_day, day_generation_meal,
           extract(epoch from now() - coalesce(day_generation_heartbeat_at, now()))::float8
    from meal_plans
    where day_generation_status = 'generating' and day_generation_runner is not null and day_generation_runner <> ${me}`;
  return rows.map((row) => {
    const held = {
      planId: row.id,
      orgId: row.org_id,
      runId: row.run_id,
      owner: row.owner,
      silentForSeconds: row.silent_for,
    };
    return row.kind === "plan"
      ? { ...held, kind: "plan" as const, request: row.request ?? {} }
      : { ...held, kind: "day" as const, day: row.day ?? 0, meal: row.meal };
  });
}

/**
 * Moves a run from a holder that is gone to `me`, in one compare-and-set, so
 * two processes starting together never both take it up. The run's progress
 * starts again (it re-runs from the beginning), its heartbeat is fresh, and
 * the plan records the resume.
 */
export async function takeOverInlineRun(held: HeldRun, me: string): Promise<boolean> {
  const sql = db();
  const run = RUNS[held.kind];
  const result = await sql`
    update meal_plans set
      ${sql(run.runner)} = ${me},
      ${sql(run.resumedAt)} = now(),
      ${sql(run.heartbeat)} = now(),
      ${run.requeued(sql)}
    where id = ${held.planId} and ${sql(run.id)} = ${held.runId}
      and ${sql(run.status)} = 'generating' and ${sql(run.runner)} = ${held.owner}`;
  return result.count > 0;
}
