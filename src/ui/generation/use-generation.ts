"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import type { DraftDay } from "@/generation/drafts/draft-day";
import type { GenerateStartResponse, GenerationStatusResponse } from "@/ui/api/api-types";
import { fetchJson } from "@/ui/api/fetch-json";
import { lostStatusMessage } from "./status-poller";
import { forgetDrafts, statusPath, usePlanStatus } from "./use-plan-status";

/**
 * The days the running generation has drafted so far, as the page holds them:
 * of one run (`generationId`), by day number. `stopped` once the coach
 * cancelled that run: the page keeps them, marked stopped, until the coach
 * leaves or starts again (the server has deleted them).
 */
export type HeldDrafts = { generationId: string | null; days: ReadonlyMap<number, DraftDay>; stopped: boolean };

const NO_DRAFTS: HeldDrafts = { generationId: null, days: new Map(), stopped: false };

export type GenerationControl = {
  status: GenerationStatusResponse;
  drafts: HeldDrafts;
  /** The saved plan has been read again: its days replace the drafts. */
  clearDrafts: () => void;
  /** True between pressing Generate and the server's 202. */
  starting: boolean;
  /** Why the run failed or could not start, in the server's words; null when nothing failed. */
  failure: string | null;
  /** Set while status polls fail (network down, server restarting); polling carries on. */
  pollTrouble: string | null;
  start: () => Promise<void>;
  /** True between pressing Cancel and the plan's state after it. */
  cancelling: boolean;
  cancel: () => Promise<void>;
};

/** Polling runs exactly while this is true: until the run has an outcome (idle means nothing is running). */
function isGenerating(status: GenerationStatusResponse): boolean {
  return status.generation_status === "generating";
}

/**
 * Starts generation and follows it: reads the plan's shared status poller
 * (backoff 1 s rising to 5 s) while the plan is generating, stops at
 * complete or error, and calls `onComplete` so the page can load the days.
 * A page opened mid-run picks the polling up from the initial status. A poll
 * that can never succeed (the plan was deleted) ends the following with a
 * failure in words.
 */
export function useGeneration(
  planId: string,
  planLengthDays: number,
  initial: GenerationStatusResponse,
  onComplete: () => void,
): GenerationControl {
  const [status, setStatus] = useState<GenerationStatusResponse>(initial);
  const [drafts, setDrafts] = useState<HeldDrafts>(NO_DRAFTS);
  // A page opened mid-run holds none of the run's drafts yet: its first read brings them all.
  useEffect(() => forgetDrafts(planId), [planId]);
  const [starting, setStarting] = useState(false);
  const [cancelling, setCancelling] = useState(false);
  const [startFailure, setStartFailure] = useState<string | null>(null);
  const [pollTrouble, setPollTrouble] = useState<string | null>(null);
  // Cancel answers after two requests: by then the parent may have passed a newer callback.
  const onCompleteRef = useRef(onComplete);
  useEffect(() => {
    onCompleteRef.current = onComplete;
  });

  usePlanStatus(planId, isGenerating(status), (tick) => {
    if (tick.kind === "trouble") {
      setPollTrouble(`Could not check progress (${tick.error}). Still trying…`);
      return true;
    }
    if (tick.kind === "final") {
      if (tick.httpStatus === 401) return false; // fetchJson is already on its way to the sign-in page.
      // Asking again would get the same answer. Showing the run as failed ends the following.
      setPollTrouble(null);
      setStatus((previous) => ({ ...previous, generation_status: "error", generation_error: lostStatusMessage(tick) }));
      return false;
    }
    setPollTrouble(null);
    setStatus(tick.status);
    const arrived = tick.status.drafts;
    if (arrived) setDrafts((held) => withDrafts(held, arrived.generation_id, arrived.days));
    if (tick.status.generation_status === "error") setDrafts(NO_DRAFTS);
    // Cancelled (from this page or another): the drafts shown so far stay, marked stopped.
    else if (tick.status.progress?.phase === "cancelled") setDrafts((held) => ({ ...held, stopped: true }));
    if (tick.status.generation_status === "complete") onComplete();
    return isGenerating(tick.status);
  });

  const start = useCallback(async () => {
    setStarting(true);
    setStartFailure(null);
    setDrafts(NO_DRAFTS);
    forgetDrafts(planId);
    const result = await fetchJson<GenerateStartResponse>(
      `/api/nutrition/plans/${encodeURIComponent(planId)}/generate/start`,
      { method: "POST", body: {} },
    );
    setStarting(false);
    if (result.ok) {
      setStatus({
        generation_status: "generating",
        generation_error: null,
        progress: { phase: "queued", days_done: 0, days_total: planLengthDays },
      });
      return;
    }
    if (result.status === 401) return;
    setStartFailure(result.error);
  }, [planId, planLengthDays]);

  const cancel = useCallback(async () => {
    setCancelling(true);
    setStartFailure(null);
    const result = await fetchJson<unknown>(`/api/nutrition/plans/${encodeURIComponent(planId)}/generate/cancel`, {
      method: "POST",
      body: {},
    });
    // 409: the run ended on its own meanwhile; either way the status read says where the plan is now.
    if (!result.ok && result.status !== 409) {
      setCancelling(false);
      if (result.status !== 401) setStartFailure(`Could not cancel: ${result.error}`);
      return;
    }
    const now = await fetchJson<GenerationStatusResponse>(statusPath(planId));
    setCancelling(false);
    if (now.ok) {
      setStatus(now.data);
      if (now.data.generation_status !== "generating") setDrafts((held) => ({ ...held, stopped: true }));
      if (now.data.generation_status === "complete") onCompleteRef.current();
    }
  }, [planId]);

  const failure =
    startFailure ??
    (status.generation_status === "error"
      ? (status.generation_error ?? "Generation failed for an unknown reason.")
      : null);

  const clearDrafts = useCallback(() => setDrafts(NO_DRAFTS), []);

  return { status, drafts, clearDrafts, starting, failure, pollTrouble, start, cancelling, cancel };
}

/** The held drafts with these arrived: added to the run's, or replacing another run's. */
function withDrafts(held: HeldDrafts, generationId: string, arrived: readonly DraftDay[]): HeldDrafts {
  if (arrived.length === 0 && held.generationId === generationId) return held;
  const days = new Map(held.generationId === generationId ? held.days : []);
  for (const day of arrived) days.set(day.day_number, day);
  return { generationId, days, stopped: false };
}
