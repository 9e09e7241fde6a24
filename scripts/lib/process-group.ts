import type { ChildProcess } from "node:child_process";

/**
 * Stops a child started with `detached: true` together with everything it
 * spawned (its process group): SIGTERM, then SIGKILL if it has not exited
 * after `graceMs`. Resolves once it has exited; does nothing if it already has.
 */
export async function stopProcessGroup(child: ChildProcess, graceMs = 8_000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  try {
    process.kill(-child.pid, "SIGTERM");
  } catch {
    return;
  }
  const timer = setTimeout(() => {
    try {
      if (child.pid) process.kill(-child.pid, "SIGKILL");
    } catch {}
  }, graceMs);
  await exited;
  clearTimeout(timer);
}
