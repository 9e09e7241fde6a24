"use client";

import { useCallback, useState } from "react";
import type { GenerationStatusResponse } from "@/ui/api/api-types";
import { fetchJson } from "@/ui/api/fetch-json";
import { lostStatusMessage } from "@/ui/generation/status-poller";
import { usePlanStatus } from "@/ui/generation/use-plan-status";

export type DayRegenerationControl = {
  /** The day (or one meal of it) being regenerated and where it is, or null. */
  running: { day: number; meal: string | null; phase: string | null } | null;
  /** Why the last regeneration could not start or failed, in the server's words. */
  failure: { day: number; meal: string | null; message: string } | null;
  /** Regenerates the day, or only its meal of this name. */
  regenerate: (day: number, meal?: string) => Promise<void>;
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
  const [startFailure, setStartFailure] = useState<DayRegenerationControl["failure"]>(null);
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
    async (day: number, meal?: string) => {
      setStartFailure(null);
      const dayPath = `/api/nutrition/plans/${encodeURIComponent(planId)}/days/${day}`;
      const result = await fetchJson<{ day_generation_id: string }>(
        meal === undefined ? `${dayPath}/regenerate` : `${dayPath}/meals/${encodeURIComponent(meal)}/regenerate`,
        { method: "POST", body: {} },
      );
      const which = meal ?? null;
      if (result.ok) {
        setCurrent({ day, meal: which, status: "generating", phase: "queued", error: null, resumed_at: null });
        return;
      }
      if (result.status !== 401) setStartFailure({ day, meal: which, message: result.error });
    },
    [planId],
  );

  const failure =
    startFailure ??
    (current?.status === "error"
      ? { day: current.day, meal: current.meal ?? null, message: current.error ?? "Regeneration failed." }
      : null);
  const running = generating && current ? { day: current.day, meal: current.meal ?? null, phase: current.phase } : null;
  return { running, failure, regenerate };
}
