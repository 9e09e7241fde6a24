"use client";

import { useCallback, useEffect, useState } from "react";
import type { PlanDetail } from "@/ui/api/api-types";
import { fetchJson } from "@/ui/api/fetch-json";

export type PlanDetailState =
  | { kind: "loading" }
  | { kind: "failed"; status: number; error: string }
  | { kind: "loaded"; plan: PlanDetail };

/** The plan with its days. `reload` keeps showing the current plan until the new copy arrives. */
export function usePlanDetail(planId: string): { state: PlanDetailState; reload: () => Promise<void> } {
  const [state, setState] = useState<PlanDetailState>({ kind: "loading" });

  const reload = useCallback(async () => {
    const result = await fetchJson<PlanDetail>(`/api/nutrition/plans/${encodeURIComponent(planId)}`);
    setState((previous) => {
      if (result.ok) return { kind: "loaded", plan: result.data };
      // A failed refresh must not hide a plan already on screen.
      if (previous.kind === "loaded") return previous;
      return { kind: "failed", status: result.status, error: result.error };
    });
  }, [planId]);

  useEffect(() => {
    void reload();
  }, [reload]);

  return { state, reload };
}
