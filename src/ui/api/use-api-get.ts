"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { fetchJson } from "./fetch-json";

export type ApiGetState<T> =
  | { kind: "loading" }
  | { kind: "failed"; status: number; error: string }
  | { kind: "loaded"; data: T };

const LOADING = { kind: "loading" } as const;

/**
 * GET `path` on mount (and when `path` changes), with `reload` to ask again.
 * Data already on screen stays there during a reload and after a failed one;
 * after a failure, a reload shows loading again. Only the latest request's
 * answer is used.
 */
export function useApiGet<T>(path: string): { state: ApiGetState<T>; reload: () => Promise<void> } {
  // The state belongs to the path it was loaded for, so a new path never shows the old one's data.
  const [slot, setSlot] = useState<{ path: string; state: ApiGetState<T> }>({ path, state: LOADING });
  const latestRequest = useRef(0);

  const reload = useCallback(async () => {
    latestRequest.current += 1;
    const request = latestRequest.current;
    setSlot((previous) =>
      previous.path === path && previous.state.kind !== "failed" ? previous : { path, state: LOADING },
    );
    const result = await fetchJson<T>(path);
    if (request !== latestRequest.current) return; // A newer request, or the component has gone.
    setSlot((previous) => {
      if (result.ok) return { path, state: { kind: "loaded", data: result.data } };
      // A failed refresh must not hide data already on screen.
      if (previous.path === path && previous.state.kind === "loaded") return previous;
      return { path, state: { kind: "failed", status: result.status, error: result.error } };
    });
  }, [path]);

  useEffect(() => {
    void reload();
    return () => {
      latestRequest.current += 1;
    };
  }, [reload]);

  return { state: slot.path === path ? slot.state : LOADING, reload };
}
