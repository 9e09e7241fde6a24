import { type ChildProcess, spawn } from "node:child_process";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { localSignInKey, localSignInLink } from "@/server/auth/local-sign-in-key";
import { freePort } from "../../scripts/lib/free-port";
import { launchBrowser } from "../support/browser";

/**
 * `npm run dev` as a new user runs it, opened at localhost and at 127.0.0.1:
 * the page must become interactive at both (Next's dev server blocks its own
 * scripts for origins it was not told about, and the sign-in buttons then do
 * nothing). Runs the real dev script on the test database.
 */

let dev: ChildProcess;
let port: number;
let output = "";
let browser: Awaited<ReturnType<typeof launchBrowser>>;

beforeAll(async () => {
  port = await freePort();
  dev = spawn(path.resolve("node_modules/.bin/tsx"), ["scripts/dev.ts"], {
    env: {
      ...process.env,
      PORT: String(port),
      DATABASE_URL: process.env.DATABASE_URL ?? "",
      NEXT_TELEMETRY_DISABLED: "1",
      // As on a fresh machine: the dev script itself switches local sign-in on.
      LOCAL_AUTH: undefined,
      LOCAL_AUTH_UNSAFE: undefined,
    },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  dev.stdout?.on("data", (chunk) => {
    output += chunk;
  });
  dev.stderr?.on("data", (chunk) => {
    output += chunk;
  });
  const deadline = Date.now() + 90_000;
  for (;;) {
    if (dev.exitCode !== null) throw new Error(`npm run dev exited early:\n${output.slice(-2000)}`);
    if (Date.now() > deadline) throw new Error(`npm run dev did not answer in 90 s:\n${output.slice(-2000)}`);
    const health = await fetch(`http://127.0.0.1:${port}/api/health`).catch(() => undefined);
    if (health?.ok) break;
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  // The dev server compiles a page on its first request: do it before the clock of a browser test starts.
  await fetch(`http://127.0.0.1:${port}/sign-in`);
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  if (dev?.pid !== undefined && dev.exitCode === null) {
    const exited = new Promise((resolve) => dev.once("exit", resolve));
    process.kill(-dev.pid, "SIGTERM");
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 10_000))]);
    if (dev.exitCode === null) process.kill(-dev.pid, "SIGKILL");
  }
});

describe("npm run dev opened in a browser", () => {
  for (const host of ["127.0.0.1", "localhost"]) {
    it(`signs a coach in at http://${host}`, async () => {
      const page = await browser.context.newPage();
      const errors: string[] = [];
      page.on("pageerror", (error) => errors.push(error.message));
      // The link `npm run dev` printed, at this host (the key is the one in .data/, which it wrote at start).
      const printed = /\/sign-in\?key=([\w%-]+)/.exec(output)?.[1];
      expect(printed && decodeURIComponent(printed)).toBe(localSignInKey());
      await page.goto(localSignInLink(`http://${host}:${port}`, localSignInKey()), { timeout: 60_000 });
      await page.getByTestId("sign-in-demo").click();
      await page.waitForURL(/\/plans$/, { timeout: 60_000 });
      expect(new URL(page.url()).hostname).toBe(host);
      expect(output).not.toMatch(/Blocked cross-origin request/);
      expect(errors).toEqual([]);
      await page.close();
    });
  }
});
