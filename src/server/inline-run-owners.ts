import { randomUUID } from "node:crypto";
import { hostname } from "node:os";
import { db } from "@/server/database/index";
import { processIsAlive } from "@/server/process-alive";

/**
 * Who holds an inline run (the runner that works inside the app's process).
 * Each process names itself `inline:<host>:<pid>:<nonce>` and writes that
 * name on the plans it runs; a process that stops gracefully writes
 * `inline:stopped`. The nonce tells this process from an earlier one that had
 * the same pid (containers restart at pid 1).
 */

export const STOPPED_OWNER = "inline:stopped";

const holder = globalThis as unknown as { inlineRunnerName?: string };

/** This process's name as an inline-run holder (kept across Next's dev reloads). */
export function thisRunnerName(): string {
  holder.inlineRunnerName ??= `inline:${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  return holder.inlineRunnerName;
}

type ParsedOwner = { host: string; pid: number };

function parseOwner(owner: string): ParsedOwner | undefined {
  const match = /^inline:(.+):(\d+):[0-9a-f]+$/.exec(owner);
  return match?.[1] && match[2] ? { host: match[1], pid: Number(match[2]) } : undefined;
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
  if (parsed.host === me?.host && !processIsAlive(parsed.pid)) return true;
  return silentForSeconds > limits.silentLimitSeconds;
}

/**
 * Writes this process's name, and the request the run plans, on a run it is
 * about to work on (only while that run owns the plan).
 */
export async function holdInlineRun(
  planId: string,
  generationId: string,
  owner: string,
  request: Record<string, unknown>,
): Promise<void> {
  await db()`
    update meal_plans set generation_runner = ${owner}, generation_request = ${db().json(request as never)}
    where id = ${planId} and generation_id = ${generationId} and generation_status = 'generating'`;
}

/** A graceful stop: the run is left generating for the next process to take up at once. */
export async function releaseInlineRun(planId: string, generationId: string, owner: string): Promise<void> {
  await db()`
    update meal_plans set generation_runner = ${STOPPED_OWNER}
    where id = ${planId} and generation_id = ${generationId} and generation_status = 'generating'
      and generation_runner = ${owner}`;
}

export type HeldRun = {
  planId: string;
  orgId: string;
  generationId: string;
  request: Record<string, unknown>;
  owner: string;
  silentForSeconds: number;
};

/** Generating plans held by inline runners other than `me`. */
export async function inlineRunsHeldByOthers(me: string): Promise<HeldRun[]> {
  const rows = await db()<
    {
      id: string;
      org_id: string;
      generation_id: string;
      generation_runner: string;
      generation_request: Record<string, unknown> | null;
      silent_for: number;
    }[]
  >`
    select id, org_id, generation_id, generation_runner, generation_request,
           extract(epoch from now() - coalesce(generation_heartbeat_at, generation_started_at, now()))::float8 as silent_for
    from meal_plans
    where generation_status = 'generating' and generation_runner is not null and generation_runner <> ${me}`;
  return rows.map((row) => ({
    planId: row.id,
    orgId: row.org_id,
    generationId: row.generation_id,
    request: row.generation_request ?? {},
    owner: row.generation_runner,
    silentForSeconds: row.silent_for,
  }));
}

/**
 * Moves a run from a holder that is gone to `me`, in one compare-and-set, so
 * two processes starting together never both take it up. The bar starts
 * again (the run re-runs from the beginning) and the plan records the resume.
 */
export async function takeOverInlineRun(run: HeldRun, me: string): Promise<boolean> {
  const result = await db()`
    update meal_plans set
      generation_runner = ${me},
      generation_resumed_at = now(),
      generation_heartbeat_at = now(),
      generation_progress = jsonb_build_object(
        'phase', 'queued', 'days_done', 0,
        'days_total', coalesce((generation_progress ->> 'days_total')::int, plan_length_days))
    where id = ${run.planId} and generation_id = ${run.generationId}
      and generation_status = 'generating' and generation_runner = ${run.owner}`;
  return result.count > 0;
}
