import { type ChildProcess, spawn } from "node:child_process";
import { createRequire } from "node:module";
import { freePort } from "./free-port";
import { stopProcessGroup } from "./process-group";

/**
 * Starts Next.js on a free loopback port for scripts and browser tests, and
 * waits until /api/health answers. `mode` "start" needs a prior `next build`.
 */
export type RunningNext = {
  baseUrl: string;
  /** The server's process group (it is started detached): Next and any worker it spawns. */
  processGroup: number;
  stop: () => Promise<void>;
  output: () => string;
};

export async function startNext(options: {
  mode: "dev" | "start";
  env: Record<string, string>;
  timeoutMs?: number;
}): Promise<RunningNext> {
  const port = await freePort();
  const nextBin = createRequire(import.meta.url).resolve("next/dist/bin/next");
  const child: ChildProcess = spawn(
    process.execPath,
    [nextBin, options.mode, "--hostname", "127.0.0.1", "--port", String(port)],
    {
      env: {
        ...process.env,
        ...options.env,
        NEXT_TELEMETRY_DISABLED: "1",
        // As in run-next.ts: a graceful stop lets inline runs reach a step boundary.
        NEXT_MANUAL_SIG_HANDLE: "1",
        NEXT_EXIT_TIMEOUT_MS: "6000",
      },
      stdio: ["ignore", "pipe", "pipe"],
      detached: true,
    },
  );
  let output = "";
  child.stdout?.on("data", (chunk) => {
    output += chunk;
  });
  child.stderr?.on("data", (chunk) => {
    output += chunk;
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  const stop = () => stopProcessGroup(child);

  const deadline = Date.now() + (options.timeoutMs ?? 120_000);
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`Next.js exited early:\n${output.slice(-2000)}`);
    try {
      const response = await fetch(`${baseUrl}/api/health`);
      if (response.ok) return { baseUrl, processGroup: child.pid ?? 0, stop, output: () => output };
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  await stop();
  throw new Error(`Next.js did not answer within ${(options.timeoutMs ?? 120_000) / 1000} s:\n${output.slice(-2000)}`);
}
