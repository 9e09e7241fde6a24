import type { RuntimeMode } from "./api-types";

let cachedRuntimeMode: Promise<RuntimeMode | null> | undefined;

/**
 * Which planner, runner and sign-in the server uses, for browser code that
 * was not handed it by a server component (token refresh, sign-out). Read
 * once per page load when the answer is definite: the mode, or a 404 (a
 * server without /api/runtime, which can only have local sign-in). Null
 * without caching when the server could not say (network failure, 5xx), so
 * the next call asks again.
 */
export function loadRuntimeMode(): Promise<RuntimeMode | null> {
  cachedRuntimeMode ??= readRuntimeMode().then(({ mode, definite }) => {
    if (!definite) cachedRuntimeMode = undefined;
    return mode;
  });
  return cachedRuntimeMode;
}

async function readRuntimeMode(): Promise<{ mode: RuntimeMode | null; definite: boolean }> {
  try {
    const response = await fetch("/api/runtime", { credentials: "same-origin", cache: "no-store" });
    if (response.status === 404) return { mode: null, definite: true };
    if (!response.ok) return { mode: null, definite: false };
    const body: unknown = await response.json();
    return isRuntimeMode(body) ? { mode: body, definite: true } : { mode: null, definite: false };
  } catch {
    return { mode: null, definite: false };
  }
}

function isRuntimeMode(value: unknown): value is RuntimeMode {
  if (typeof value !== "object" || value === null) return false;
  const mode = value as Record<string, unknown>;
  return (
    (mode.planner === "claude" || mode.planner === "offline") &&
    (mode.runner === "inngest" || mode.runner === "inline") &&
    (mode.auth === "supabase" || mode.auth === "local")
  );
}
