"use client";

import { useCallback, useState } from "react";
import type { GenerationStatusResponse } from "@/ui/api/api-types";
import { fetchJson } from "@/ui/api/fetch-json";
import { lostStatusMessage } from "@/ui/generation/status-poller";
import { usePlanStatus } from "@/ui/generation/use-plan-status";

export type DayRegenerationControl = {
  /** The day being regenerated and where it is, or null. */
  running: { day: number; phase: string | null } | null;
  /** Why the last regeneration could not start or failed, in the server's words. */
  failure: { day: number; message: string } | null;
  regenerate: (day: number) => Promise<void>;
};

type DayRegeneration = NonNullable<GenerationStatusResponse["day_regeneration"]>;

/**
 * Regenerates one day and follows it on the plan's shared status poller (the
 * generation panel's reads, when it follows a run too) until it is saved or
 * failed, then calls `onDone` so the page reloads the plan: the day, its
 * totals, the charts and the grocery list. A status read that can never
 * succeed (the plan was deleted) shows as the day's failure.
 */
export function useDayRegeneration(
  planId: string,
  initial: DayRegeneration | null | undefined,
  onDone: () => void,
): DayRegenerationControl {
  const [current, setCurrent] = useState<DayRegeneration | null>(initial ?? null);
  const [startFailure, setStartFailure] = useState<{ day: number; message: string } | null>(null);
  const generating = current?.status === "generating";

  usePlanStatus(planId, generating, (tick) => {
    if (tick.kind === "trouble") return true; // it may recover: keep following
    if (tick.kind === "final") {
      if (tick.httpStatus === 401) return false; // fetchJson is already on its way to the sign-in page.
      const message = `The regeneration could not be followed: ${lostStatusMessage(tick)}`;
      setCurrent((previous) => previous && { ...previous, status: "error", error: message });
      return false;
    }
    const next = tick.status.day_regeneration ?? null;
    setCurrent(next);
    if (next?.status === "complete") onDone();
    return next?.status === "generating";
  });

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
