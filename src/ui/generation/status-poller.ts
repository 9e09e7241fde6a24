import type { GenerationStatusResponse } from "@/ui/api/api-types";
import type { ApiResult } from "@/ui/api/fetch-json";
import { PLANNING_POLL_DELAY_MS, pollDelayMs, pollFailureIsFinal } from "./poll-backoff";

/** What one status read told the plan's followers. */
export type StatusTick =
  | { kind: "status"; status: GenerationStatusResponse }
  /** The read failed in a way that may recover (network down, server restarting); polling carries on. */
  | { kind: "trouble"; error: string }
  /** Every read would fail the same way (see pollFailureIsFinal); polling has ended for whoever heard it. */
  | { kind: "final"; httpStatus: number; error: string };

/** Hears each tick; answers whether it still wants the next one. */
export type StatusFollower = (tick: StatusTick) => boolean;

/** One read of a plan's status. Rejects only when `signal` aborts it. */
export type ReadStatus = (planId: string, signal: AbortSignal) => Promise<ApiResult<GenerationStatusResponse>>;

type Follower = { hear: StatusFollower; firstRead: number };

type Loop = {
  followers: Set<Follower>;
  pollIndex: number;
  readsStarted: number;
  timer: ReturnType<typeof setTimeout> | undefined;
  /** Set while a read is in flight. */
  reading: AbortController | undefined;
};

/**
 * One status polling loop per plan, whoever follows it: the generation panel
 * and a day's regeneration on the same page share each read, so the page
 * asks once per tick. The loop waits on the backoff schedule (poll-backoff.ts)
 * between reads (at most PLANNING_POLL_DELAY_MS apart while the run plans
 * days, whose drafts appear as they come), never has two reads in flight, and ends when its last
 * follower stops or leaves, or when a read fails for good.
 *
 * A new follower restarts the backoff (its first answer comes after the
 * shortest wait) and hears only reads that started after it joined: a read
 * already in flight may describe the plan before the follower's own start.
 */
export function createStatusPoller(read: ReadStatus) {
  const loops = new Map<string, Loop>();

  function schedule(planId: string, loop: Loop, planning = false): void {
    clearTimeout(loop.timer);
    const delay = pollDelayMs(loop.pollIndex);
    loop.timer = setTimeout(() => void poll(planId, loop), planning ? Math.min(delay, PLANNING_POLL_DELAY_MS) : delay);
    loop.pollIndex += 1;
  }

  function end(planId: string, loop: Loop): void {
    clearTimeout(loop.timer);
    loop.reading?.abort();
    if (loops.get(planId) === loop) loops.delete(planId);
  }

  async function poll(planId: string, loop: Loop): Promise<void> {
    loop.timer = undefined;
    const readNumber = ++loop.readsStarted;
    const controller = new AbortController();
    loop.reading = controller;
    let result: ApiResult<GenerationStatusResponse>;
    try {
      result = await read(planId, controller.signal);
    } catch {
      return; // Aborted: every follower left.
    }
    if (controller.signal.aborted) return;
    loop.reading = undefined;

    const tick = tickOf(result);
    for (const follower of [...loop.followers]) {
      if (follower.firstRead > readNumber) continue;
      const wantsMore = follower.hear(tick);
      if (!wantsMore || tick.kind === "final") loop.followers.delete(follower);
    }
    if (loop.followers.size === 0) end(planId, loop);
    else schedule(planId, loop, tick.kind === "status" && isPlanningDays(tick.status));
  }

  /** Follows the plan's status until `hear` answers false or the returned function is called. */
  function follow(planId: string, hear: StatusFollower): () => void {
    let loop = loops.get(planId);
    if (!loop) {
      loop = { followers: new Set(), pollIndex: 0, readsStarted: 0, timer: undefined, reading: undefined };
      loops.set(planId, loop);
    }
    const follower: Follower = { hear, firstRead: loop.readsStarted + 1 };
    loop.followers.add(follower);
    loop.pollIndex = 0;
    // A read in flight schedules the next one (at the restarted backoff) when it lands.
    if (!loop.reading) schedule(planId, loop);

    const joined = loop;
    return () => {
      if (!joined.followers.delete(follower)) return;
      if (joined.followers.size === 0) end(planId, joined);
    };
  }

  return { follow };
}

/** Whether the run is still planning days, whose drafts the page shows as they come. */
function isPlanningDays(status: GenerationStatusResponse): boolean {
  const phase = status.progress?.phase;
  return (
    status.generation_status === "generating" && (phase === "queued" || phase === "pass-one" || phase === "pass-two")
  );
}

function tickOf(result: ApiResult<GenerationStatusResponse>): StatusTick {
  if (result.ok) return { kind: "status", status: result.data };
  if (pollFailureIsFinal(result.status)) return { kind: "final", httpStatus: result.status, error: result.error };
  return { kind: "trouble", error: result.error };
}

/** Why a run can no longer be followed after a final tick, in words for the page. */
export function lostStatusMessage(tick: Extract<StatusTick, { kind: "final" }>): string {
  return tick.httpStatus === 404
    ? "the plan can no longer be found (it may have been deleted), so its progress cannot be followed."
    : `progress could not be checked: ${tick.error}`;
}
