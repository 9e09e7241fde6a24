import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { GenerationStatusResponse } from "@/ui/api/api-types";
import type { ApiResult } from "@/ui/api/fetch-json";
import { PLANNING_POLL_DELAY_MS, pollDelayMs } from "@/ui/generation/poll-backoff";
import { createStatusPoller, lostStatusMessage, type StatusTick } from "@/ui/generation/status-poller";

const generating: GenerationStatusResponse = {
  generation_status: "generating",
  generation_error: null,
  progress: { phase: "pass-one", days_done: 1, days_total: 3 },
  day_regeneration: { day: 2, meal: null, status: "generating", phase: "plan-day", error: null, resumed_at: null },
  resumed_at: null,
};
const ok = (status: GenerationStatusResponse = generating): ApiResult<GenerationStatusResponse> => ({
  ok: true,
  status: 200,
  data: status,
});
const failed = (status: number, error: string): ApiResult<GenerationStatusResponse> => ({
  ok: false,
  status,
  error,
  details: [],
});

/** A status endpoint the test answers by hand: each read waits until the test settles it. */
function scriptedReads() {
  const reads: {
    planId: string;
    signal: AbortSignal;
    answer: (result: ApiResult<GenerationStatusResponse>) => void;
  }[] = [];
  const read = (planId: string, signal: AbortSignal) =>
    new Promise<ApiResult<GenerationStatusResponse>>((resolve, reject) => {
      signal.addEventListener("abort", () => reject(new DOMException("aborted", "AbortError")));
      reads.push({ planId, signal, answer: resolve });
    });
  /** Answers the latest read and lets the followers hear it. */
  const answer = async (result: ApiResult<GenerationStatusResponse>) => {
    reads.at(-1)?.answer(result);
    await vi.advanceTimersByTimeAsync(0);
  };
  return { reads, read, answer };
}

/** A follower that records what it heard and answers `wantsMore` (true unless told otherwise). */
function recorder(wantsMore: (tick: StatusTick) => boolean = () => true) {
  const heard: StatusTick[] = [];
  return {
    heard,
    hear: (tick: StatusTick) => {
      heard.push(tick);
      return wantsMore(tick);
    },
  };
}

/** The plan page: the generation panel and a day's regeneration both follow plan-1. */
function panelAndDayFollowing() {
  const endpoint = scriptedReads();
  const poller = createStatusPoller(endpoint.read);
  const panel = recorder();
  const day = recorder();
  poller.follow("plan-1", panel.hear);
  poller.follow("plan-1", day.hear);
  return { endpoint, panel, day };
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe("the plan status poller", () => {
  it("makes one read per tick for two followers of the same plan, and both hear it", async () => {
    const { endpoint, panel, day } = panelAndDayFollowing();

    for (let tick = 0; tick < 3; tick += 1) {
      await vi.advanceTimersByTimeAsync(pollDelayMs(tick));
      expect(endpoint.reads).toHaveLength(tick + 1);
      await endpoint.answer(ok());
    }
    expect(panel.heard).toEqual([1, 2, 3].map(() => ({ kind: "status", status: generating })));
    expect(day.heard).toEqual(panel.heard);
  });

  it("waits on the backoff schedule between reads, and never reads again before an answer", async () => {
    const endpoint = scriptedReads();
    createStatusPoller(endpoint.read).follow("plan-1", recorder().hear);
    const balancing = ok({ ...generating, progress: { phase: "balancing", days_done: 3, days_total: 3 } });

    for (let tick = 0; tick < 6; tick += 1) {
      await vi.advanceTimersByTimeAsync(pollDelayMs(tick) - 1);
      expect(endpoint.reads).toHaveLength(tick);
      await vi.advanceTimersByTimeAsync(1);
      expect(endpoint.reads).toHaveLength(tick + 1);
      // An answer that takes longer than any wait still leaves one read in flight.
      await vi.advanceTimersByTimeAsync(pollDelayMs(100) * 3);
      expect(endpoint.reads).toHaveLength(tick + 1);
      await endpoint.answer(balancing);
    }
  });

  it("reads at least every PLANNING_POLL_DELAY_MS while the run plans days, so drafted days show soon", async () => {
    const endpoint = scriptedReads();
    createStatusPoller(endpoint.read).follow("plan-1", recorder().hear);
    await vi.advanceTimersByTimeAsync(pollDelayMs(0));
    for (let tick = 1; tick < 8; tick += 1) {
      await endpoint.answer(ok());
      await vi.advanceTimersByTimeAsync(PLANNING_POLL_DELAY_MS - 1);
      expect(endpoint.reads).toHaveLength(tick);
      await vi.advanceTimersByTimeAsync(1);
      expect(endpoint.reads).toHaveLength(tick + 1);
    }
    // Once the days are planned, the backoff takes over again.
    await endpoint.answer(ok({ ...generating, progress: { phase: "balancing", days_done: 3, days_total: 3 } }));
    await vi.advanceTimersByTimeAsync(PLANNING_POLL_DELAY_MS);
    expect(endpoint.reads).toHaveLength(8);
  });

  it("keeps separate loops for separate plans", async () => {
    const endpoint = scriptedReads();
    const poller = createStatusPoller(endpoint.read);
    poller.follow("plan-1", recorder().hear);
    poller.follow("plan-2", recorder().hear);
    await vi.advanceTimersByTimeAsync(pollDelayMs(0));
    expect(endpoint.reads.map((read) => read.planId).sort()).toEqual(["plan-1", "plan-2"]);
  });

  it("goes on for the follower still interested when the other has its answer, and stops after the last", async () => {
    const endpoint = scriptedReads();
    const poller = createStatusPoller(endpoint.read);
    const day = recorder((tick) => tick.kind === "status" && tick.status.day_regeneration?.status === "generating");
    const panel = recorder((tick) => tick.kind === "status" && tick.status.generation_status === "generating");
    poller.follow("plan-1", day.hear);
    poller.follow("plan-1", panel.hear);
    const dayDone: GenerationStatusResponse = {
      ...generating,
      day_regeneration: { day: 2, meal: null, status: "complete", phase: "done", error: null, resumed_at: null },
    };

    await vi.advanceTimersByTimeAsync(pollDelayMs(0));
    await endpoint.answer(ok(dayDone));
    await vi.advanceTimersByTimeAsync(pollDelayMs(1));
    await endpoint.answer(ok({ ...dayDone, generation_status: "complete" }));
    await vi.advanceTimersByTimeAsync(pollDelayMs(100) * 10);

    expect(endpoint.reads).toHaveLength(2);
    expect(day.heard).toHaveLength(1);
    expect(panel.heard).toHaveLength(2);
  });

  it("stops reading, and abandons the read in flight, when the last follower leaves", async () => {
    const endpoint = scriptedReads();
    const poller = createStatusPoller(endpoint.read);
    const leaveFirst = poller.follow("plan-1", recorder().hear);
    const leaveSecond = poller.follow("plan-1", recorder().hear);
    await vi.advanceTimersByTimeAsync(pollDelayMs(0));
    leaveFirst();
    expect(endpoint.reads[0]?.signal.aborted).toBe(false);
    leaveSecond();
    expect(endpoint.reads[0]?.signal.aborted).toBe(true);
    await vi.advanceTimersByTimeAsync(pollDelayMs(100) * 10);
    expect(endpoint.reads).toHaveLength(1);
  });

  it("tells every follower about a failure that may recover and keeps polling", async () => {
    const endpoint = scriptedReads();
    const poller = createStatusPoller(endpoint.read);
    const panel = recorder();
    poller.follow("plan-1", panel.hear);
    await vi.advanceTimersByTimeAsync(pollDelayMs(0));
    await endpoint.answer(failed(503, "The server had a problem (HTTP 503). Try again in a moment."));
    await vi.advanceTimersByTimeAsync(pollDelayMs(1));
    await endpoint.answer(failed(0, "Could not reach the server."));
    await vi.advanceTimersByTimeAsync(pollDelayMs(2));

    expect(endpoint.reads).toHaveLength(3);
    expect(panel.heard).toEqual([
      { kind: "trouble", error: "The server had a problem (HTTP 503). Try again in a moment." },
      { kind: "trouble", error: "Could not reach the server." },
    ]);
  });

  it("ends for every follower on a failure that would repeat (the plan was deleted), whatever they answer", async () => {
    const { endpoint, panel, day } = panelAndDayFollowing();
    await vi.advanceTimersByTimeAsync(pollDelayMs(0));
    await endpoint.answer(failed(404, "Not found."));
    await vi.advanceTimersByTimeAsync(pollDelayMs(100) * 10);

    expect(endpoint.reads).toHaveLength(1);
    const final = { kind: "final", httpStatus: 404, error: "Not found." } as const;
    expect(panel.heard).toEqual([final]);
    expect(day.heard).toEqual([final]);
    expect(lostStatusMessage(final)).toMatch(/can no longer be found/);
    expect(lostStatusMessage({ kind: "final", httpStatus: 403, error: "Forbidden" })).toBe(
      "progress could not be checked: Forbidden",
    );
  });

  it("gives a follower who joins during a read only the reads that start after it, from the first wait again", async () => {
    const endpoint = scriptedReads();
    const poller = createStatusPoller(endpoint.read);
    const panel = recorder();
    poller.follow("plan-1", panel.hear);
    for (let tick = 0; tick < 4; tick += 1) {
      await vi.advanceTimersByTimeAsync(pollDelayMs(tick));
      if (tick < 3) await endpoint.answer(ok());
    }
    expect(endpoint.reads).toHaveLength(4);

    // The fourth read is in flight when a day's regeneration starts: it may describe the plan before.
    const day = recorder();
    poller.follow("plan-1", day.hear);
    const before: GenerationStatusResponse = { ...generating, day_regeneration: null };
    await endpoint.answer(ok(before));
    expect(day.heard).toEqual([]);
    expect(panel.heard.at(-1)).toEqual({ kind: "status", status: before });

    await vi.advanceTimersByTimeAsync(pollDelayMs(0));
    expect(endpoint.reads).toHaveLength(5);
    await endpoint.answer(ok());
    expect(day.heard).toEqual([{ kind: "status", status: generating }]);
  });

  it("restarts the backoff when a follower joins a loop that is waiting", async () => {
    const endpoint = scriptedReads();
    const poller = createStatusPoller(endpoint.read);
    poller.follow("plan-1", recorder().hear);
    for (let tick = 0; tick < 5; tick += 1) {
      await vi.advanceTimersByTimeAsync(pollDelayMs(tick));
      await endpoint.answer(ok());
    }
    // Now waiting the longest wait; a new follower hears after the first wait instead.
    poller.follow("plan-1", recorder().hear);
    await vi.advanceTimersByTimeAsync(pollDelayMs(0));
    expect(endpoint.reads).toHaveLength(6);
  });
});
