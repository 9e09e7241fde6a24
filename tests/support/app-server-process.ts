import { type ChildProcess, spawn } from "node:child_process";
import path from "node:path";
import { freePort } from "../../scripts/lib/free-port";

/**
 * The app's route handlers in their own server process on loopback
 * (scripts/lib/app-server.ts, as the fault campaign runs them), on this test
 * file's database with local sign-in on: a real server that can be stopped
 * and started again, or run twice as two instances.
 */
export type AppServerProcess = { baseUrl: string; port: number; stop: () => Promise<void> };

export async function startAppServer(env: Record<string, string> = {}): Promise<AppServerProcess> {
  const port = await freePort();
  let log = "";
  const child: ChildProcess = spawn(process.execPath, ["--import", "tsx", path.resolve("scripts/lib/app-server.ts")], {
    env: {
      ...process.env,
      NODE_ENV: "development",
      NEXT_RUNTIME: "nodejs",
      PORT: String(port),
      LOCAL_AUTH: "1",
      ANTHROPIC_API_KEY: "",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const collect = (chunk: Buffer) => {
    log += chunk.toString();
  };
  child.stdout?.on("data", collect);
  child.stderr?.on("data", collect);
  const baseUrl = `http://127.0.0.1:${port}`;
  for (let waited = 0; ; waited += 100) {
    if (child.exitCode !== null || waited > 60_000) {
      child.kill("SIGKILL");
      throw new Error(`the app server did not start:\n${log.slice(-2000)}`);
    }
    try {
      if ((await fetch(`${baseUrl}/api/health`)).ok) break;
    } catch {}
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    baseUrl,
    port,
    stop: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGTERM");
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 10_000))]);
      if (child.exitCode === null) child.kill("SIGKILL");
    },
  };
}
