"use client";

import { useEffect, useRef } from "react";
import { DRAFTS_FROM_START } from "@/generation/drafts/draft-cursor";
import type { GenerationStatusResponse } from "@/ui/api/api-types";
import { fetchJson } from "@/ui/api/fetch-json";
import { createStatusPoller, type StatusFollower } from "./status-poller";

/** The polling read of a plan's generation and day regeneration. */
export function statusPath(planId: string): string {
  return `/api/nutrition/plans/${encodeURIComponent(planId)}/generate/status`;
}

/**
 * Each plan's drafts cursor: which drafted days of which run the page has
 * (src/generation/drafts/draft-cursor.ts). Every read asks for the drafts
 * it lacks; the read that brings them moves the cursor on.
 */
const draftCursors = new Map<string, string>();

/** The page holds no drafts of this plan (it was opened, or a new run started): the next read brings them all. */
export function forgetDrafts(planId: string): void {
  draftCursors.delete(planId);
}

/** The page's one poller: every hook following a plan shares its reads. */
const planStatus = createStatusPoller(async (planId, signal) => {
  const cursor = draftCursors.get(planId) ?? DRAFTS_FROM_START;
  const result = await fetchJson<GenerationStatusResponse>(
    `${statusPath(planId)}?drafts_after=${encodeURIComponent(cursor)}`,
    { signal },
  );
  if (result.ok && result.data.drafts) draftCursors.set(planId, result.data.drafts.cursor);
  return result;
});

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
