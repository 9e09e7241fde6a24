"use client";

import { useEffect, useRef } from "react";
import type { GenerationStatusResponse } from "@/ui/api/api-types";
import { fetchJson } from "@/ui/api/fetch-json";
import { createStatusPoller, type StatusFollower } from "./status-poller";

/** The polling read of a plan's generation and day regeneration. */
export function statusPath(planId: string): string {
  return `/api/nutrition/plans/${encodeURIComponent(planId)}/generate/status`;
}

/** The page's one poller: every hook following a plan shares its reads. */
const planStatus = createStatusPoller((planId, signal) =>
  fetchJson<GenerationStatusResponse>(statusPath(planId), { signal }),
);

/**
 * While `following` is true, `hear` gets each status read of the plan (the
 * latest `hear`, without restarting the polling when the parent re-renders)
 * until it answers false.
 */
export function usePlanStatus(planId: string, following: boolean, hear: StatusFollower): void {
  const hearRef = useRef(hear);
  useEffect(() => {
    hearRef.current = hear;
  });
  useEffect(() => {
    if (!following) return;
    return planStatus.follow(planId, (tick) => hearRef.current(tick));
  }, [planId, following]);
}
