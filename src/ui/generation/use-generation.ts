"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import type { GenerateStartResponse, GenerationStatusResponse } from "@/ui/api/api-types";
import { fetchJson } from "@/ui/api/fetch-json";
import { pollDelayMs, pollFailureIsFinal } from "./poll-backoff";

export type GenerationControl = {
  status: GenerationStatusResponse;
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
 * Starts generation and follows it: polls the status endpoint on the backoff
 * schedule (1 s rising to 5 s) while the plan is generating, stops at
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
  const [starting, setStarting] = useState(false);
  const [cancelling, setCancelling] = useState(false);
  const [startFailure, setStartFailure] = useState<string | null>(null);
  const [pollTrouble, setPollTrouble] = useState<string | null>(null);
  // The latest callback without restarting the polling loop when the parent re-renders.
  const onCompleteRef = useRef(onComplete);
  useEffect(() => {
    onCompleteRef.current = onComplete;
  });

  const generating = isGenerating(status);
  const statusPath = `/api/nutrition/plans/${encodeURIComponent(planId)}/generate/status`;

  useEffect(() => {
    if (!generating) return;
    const controller = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    let pollIndex = 0;

    const scheduleNextPoll = () => {
      timer = setTimeout(poll, pollDelayMs(pollIndex));
      pollIndex += 1;
    };

    async function poll() {
      let result: Awaited<ReturnType<typeof fetchJson<GenerationStatusResponse>>>;
      try {
        result = await fetchJson<GenerationStatusResponse>(statusPath, { signal: controller.signal });
      } catch {
        return; // Aborted: the page moved on.
      }
      if (controller.signal.aborted) return;
      if (!result.ok) {
        if (result.status === 401) return; // fetchJson is already on its way to the sign-in page.
        if (pollFailureIsFinal(result.status)) {
          // Asking again would get the same answer. Showing the run as failed ends the polling.
          setPollTrouble(null);
          setStatus((previous) => ({
            ...previous,
            generation_status: "error",
            generation_error:
              result.status === 404
                ? "the plan can no longer be found (it may have been deleted), so its progress cannot be followed."
                : `progress could not be checked: ${result.error}`,
          }));
          return;
        }
        setPollTrouble(`Could not check progress (${result.error}). Still trying…`);
        scheduleNextPoll();
        return;
      }
      setPollTrouble(null);
      setStatus(result.data);
      if (isGenerating(result.data)) scheduleNextPoll();
      else if (result.data.generation_status === "complete") onCompleteRef.current();
    }

    scheduleNextPoll();
    return () => {
      controller.abort();
      clearTimeout(timer);
    };
  }, [generating, statusPath]);

  const start = useCallback(async () => {
    setStarting(true);
    setStartFailure(null);
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
    const now = await fetchJson<GenerationStatusResponse>(statusPath);
    setCancelling(false);
    if (now.ok) {
      setStatus(now.data);
      if (now.data.generation_status === "complete") onCompleteRef.current();
    }
  }, [planId, statusPath]);

  const failure =
    startFailure ??
    (status.generation_status === "error"
      ? (status.generation_error ?? "Generation failed for an unknown reason.")
      : null);

  return { status, starting, failure, pollTrouble, start, cancelling, cancel };
}
