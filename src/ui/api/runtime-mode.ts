import type { RuntimeMode } from "./api-types";

let cachedRuntimeMode: Promise<RuntimeMode | null> | undefined;

/**
 * Which planner, runner and sign-in the server uses, read once per page load
 * (it only changes when the server restarts). Null when the server has no
 * /api/runtime route: callers then show no banner and assume local sign-in.
 */
export function loadRuntimeMode(): Promise<RuntimeMode | null> {
  cachedRuntimeMode ??= readRuntimeMode().then((mode) => {
    // A network failure is worth retrying on the next call; a definite answer is not.
    if (mode === "unreachable") {
      cachedRuntimeMode = undefined;
      return null;
    }
    return mode;
  });
  return cachedRuntimeMode;
}

async function readRuntimeMode(): Promise<RuntimeMode | null | "unreachable"> {
  try {
    const response = await fetch("/api/runtime", { credentials: "same-origin", cache: "no-store" });
    if (!response.ok) return null;
    const body: unknown = await response.json();
    return isRuntimeMode(body) ? body : null;
  } catch {
    return "unreachable";
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
