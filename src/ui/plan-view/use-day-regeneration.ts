"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import type { GenerationStatusResponse } from "@/ui/api/api-types";
import { fetchJson } from "@/ui/api/fetch-json";
import { pollDelayMs, pollFailureIsFinal } from "@/ui/generation/poll-backoff";

export type DayRegenerationControl = {
  /** The day being regenerated and where it is, or null. */
  running: { day: number; phase: string | null } | null;
  /** Why the last regeneration could not start or failed, in the server's words. */
  failure: { day: number; message: string } | null;
  regenerate: (day: number) => Promise<void>;
};

type DayRegeneration = NonNullable<GenerationStatusResponse["day_regeneration"]>;

/**
 * Regenerates one day and follows it on the status endpoint (same backoff as
 * a whole run) until it is saved or failed, then calls `onDone` so the page
 * reloads the plan: the day, its totals, the charts and the grocery list.
 */
export function useDayRegeneration(
  planId: string,
  initial: DayRegeneration | null | undefined,
  onDone: () => void,
): DayRegenerationControl {
  const [current, setCurrent] = useState<DayRegeneration | null>(initial ?? null);
  const [startFailure, setStartFailure] = useState<{ day: number; message: string } | null>(null);
  const onDoneRef = useRef(onDone);
  useEffect(() => {
    onDoneRef.current = onDone;
  });
  const generating = current?.status === "generating";
  const statusPath = `/api/nutrition/plans/${encodeURIComponent(planId)}/generate/status`;

  useEffect(() => {
    if (!generating) return;
    const controller = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    let pollIndex = 0;
    const schedule = () => {
      timer = setTimeout(poll, pollDelayMs(pollIndex));
      pollIndex += 1;
    };
    async function poll() {
      let result: Awaited<ReturnType<typeof fetchJson<GenerationStatusResponse>>>;
      try {
        result = await fetchJson<GenerationStatusResponse>(statusPath, { signal: controller.signal });
      } catch {
        return; // aborted: the page moved on
      }
      if (controller.signal.aborted) return;
      if (!result.ok) {
        if (!pollFailureIsFinal(result.status)) schedule();
        return;
      }
      const next = result.data.day_regeneration ?? null;
      setCurrent(next);
      if (next?.status === "generating") schedule();
      else if (next?.status === "complete") onDoneRef.current();
    }
    schedule();
    return () => {
      controller.abort();
      clearTimeout(timer);
    };
  }, [generating, statusPath]);

  const regenerate = useCallback(
    async (day: number) => {
      setStartFailure(null);
      const result = await fetchJson<{ day_generation_id: string }>(
        `/api/nutrition/plans/${encodeURIComponent(planId)}/days/${day}/regenerate`,
        { method: "POST", body: {} },
      );
      if (result.ok) {
        setCurrent({ day, status: "generating", phase: "queued", error: null, resumed_at: null });
        return;
      }
      if (result.status !== 401) setStartFailure({ day, message: result.error });
    },
    [planId],
  );

  const failure =
    startFailure ??
    (current?.status === "error" ? { day: current.day, message: current.error ?? "Regeneration failed." } : null);
  return { running: generating && current ? { day: current.day, phase: current.phase } : null, failure, regenerate };
}
