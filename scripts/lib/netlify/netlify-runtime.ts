// The app under Netlify's own Next.js runtime, on this machine, offline:
// `netlify serve --offline` builds the site with the Next.js runtime
// (@netlify/plugin-nextjs, pinned in package.json) exactly as `netlify build`
// does, then serves the server-handler function it produced through the CLI's
// functions server. Used by `npm run verify:netlify` and `npm run bench:netlify`.
//
// Every workaround the local runtime needs is in this file, each with its reason:
//
//  1. The CLI (360 MB, ~1,060 packages) is not a dependency of the app: it is
//     installed on first use, at NETLIFY_CLI_VERSION, into .cache/netlify/
//     (gitignored) and reused from there, so later runs need no network.
//     npm skips the install scripts of its dependencies here; none is needed
//     (netlify-cli's own only installs shell completion; esbuild and sharp
//     ship their binaries as optional platform packages; unix-dgram is
//     optional syslog support). ensureNetlifyCli() runs `netlify --version`
//     to prove it starts.
//  2. Deno, from the npm registry (the `deno` package, pinned at
//     DENO_VERSION, installed beside the CLI), first on the CLI's PATH: the
//     app has a proxy (src/proxy.ts: the per-page CSP nonce), which the
//     Next.js runtime turns into an edge function, and bundling one needs
//     Deno; without it the CLI downloads Deno from outside the registry and
//     the build fails offline. Bundling then logs that it could not import
//     https://edge.netlify.com/bootstrap (offline) and carries on.
//     `--internal-disable-edge-functions`: serving edge functions needs that
//     bootstrap at run time, so they are not served here. What this check
//     runs is the server-handler function (every page and route); the proxy's
//     headers run only on Netlify's edge and are tested under `next start`
//     (tests/unit and tests/e2e), not here.
//  3. The `x-nf-deploy-id` request header: Netlify's edge adds it to every
//     request, and so does the CLI's edge-functions proxy (value "0",
//     netlify-cli/dist/lib/edge-functions/proxy.js), which (2) turns off.
//     Without it the runtime's blob store has no deploy id and every route
//     answers 500 MissingBlobsEnvironmentError. requestHeaders() adds it.
//  4. A loopback-only listen (loopback-only.mjs, preloaded into the CLI
//     process): `netlify serve` has no option for its interface and listens
//     on all of them.
//  5. The served app's environment is set on purpose, every variable the app
//     reads (src/server/env.ts) either given or blanked: the CLI injects the
//     `production` context of netlify.toml (GENERATION_RUNNER=inngest, which
//     production must keep) and any .env file, and a value in the CLI's own
//     environment wins over both (netlify-cli/dist/utils/dev.js
//     injectEnvVariables). Callers pass GENERATION_RUNNER=inline: there is no
//     Inngest server offline. That runner is right here only because the
//     CLI's functions keep running after their response (each request gets
//     a fresh worker thread that lives until its work is done); Netlify
//     freezes a function once it has answered, so production never uses it.
//  6. No `netlify build` before `netlify serve`: serve always runs the full
//     build itself (runBuildTimeline in netlify-cli/dist/utils/run-build.js,
//     the same @netlify/build call as `netlify build --offline`); a separate
//     build would double the heaviest step.
//
// Limits this check cannot change: the CLI ends a synchronous function after
// 30 s (SYNCHRONOUS_FUNCTION_TIMEOUT in netlify-cli/dist/utils/dev.js, used
// when there is no linked site), where Netlify ends it at 60 s (26 s on older
// sites). A request cut off there gets no answer at all: the client waits.
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { EnvSchema } from "@/server/env";
import { freePort } from "../free-port";
import { stopProcessGroup } from "../process-group";

export const NETLIFY_CLI_VERSION = "27.10.2";
/** Deno for bundling the proxy's edge function (workaround 2): within the CLI's edge bundler's range (^2.4.2). */
export const DENO_VERSION = "2.9.6";
/** What the CLI allows a synchronous function locally (see above). */
export const LOCAL_FUNCTION_LIMIT_SECONDS = 30;
/** Netlify's synchronous function limit on current plans, and on older sites. */
export const NETLIFY_FUNCTION_LIMIT_SECONDS = { current: 60, older: 26 } as const;

const projectRoot = fileURLToPath(new URL("../../../", import.meta.url));
const cacheRoot = path.join(projectRoot, ".cache", "netlify");
const cliDir = path.join(cacheRoot, `netlify-cli-${NETLIFY_CLI_VERSION}-deno-${DENO_VERSION}`);
const cliEntry = path.join(cliDir, "node_modules", "netlify-cli", "bin", "run.js");
const loopbackPreload = fileURLToPath(new URL("./loopback-only.mjs", import.meta.url));

/** The Next.js runtime version the build uses: package.json's devDependency (what Netlify's build uses too). */
export function pluginVersion(): string {
  const manifest = JSON.parse(readFileSync(path.join(projectRoot, "package.json"), "utf8")) as {
    devDependencies?: Record<string, string>;
  };
  return manifest.devDependencies?.["@netlify/plugin-nextjs"] ?? "missing from package.json";
}

/**
 * Where the Deno binary is: the platform package's own folder (it ships the
 * binary; npm skips the `deno` package's install script here, which would
 * only copy it), else the package's bin link.
 */
function denoBinDirs(): string[] {
  const platform = path.join(cliDir, "node_modules", "@deno", `${process.platform}-${process.arch}-glibc`);
  return [platform, path.join(cliDir, "node_modules", ".bin")].filter((dir) => existsSync(path.join(dir, "deno")));
}

function installedCliVersion(): string | undefined {
  if (denoBinDirs().length === 0) return undefined;
  try {
    const manifest = path.join(cliDir, "node_modules", "netlify-cli", "package.json");
    return (JSON.parse(readFileSync(manifest, "utf8")) as { version?: string }).version;
  } catch {
    return undefined;
  }
}

/**
 * The pinned CLI, installed into the cache on first use (into a scratch
 * folder renamed into place, so an interrupted install is never taken for a
 * complete one). Returns whether it was installed now, and its version line.
 */
export function ensureNetlifyCli(log: (line: string) => void): { installed: boolean; version: string } {
  let installed = false;
  if (installedCliVersion() !== NETLIFY_CLI_VERSION) {
    const scratch = `${cliDir}.partial-${process.pid}`;
    rmSync(scratch, { recursive: true, force: true });
    mkdirSync(scratch, { recursive: true });
    writeFileSync(
      path.join(scratch, "package.json"),
      `${JSON.stringify({ private: true, dependencies: { "netlify-cli": NETLIFY_CLI_VERSION, deno: DENO_VERSION } }, null, 2)}\n`,
    );
    log(
      `installing netlify-cli ${NETLIFY_CLI_VERSION} and deno ${DENO_VERSION} into ${path.relative(projectRoot, cliDir)} (once; ~460 MB)…`,
    );
    try {
      execFileSync("npm", ["install", "--no-audit", "--no-fund", "--loglevel=error"], {
        cwd: scratch,
        stdio: ["ignore", "ignore", "inherit"],
        timeout: 10 * 60_000,
      });
      rmSync(cliDir, { recursive: true, force: true });
      renameSync(scratch, cliDir);
    } catch (error) {
      rmSync(scratch, { recursive: true, force: true });
      throw error;
    }
    installed = true;
  }
  const version = execFileSync(process.execPath, [cliEntry, "--version"], { encoding: "utf8", timeout: 60_000 }).trim();
  return { installed, version };
}

export type FunctionInvocation = { method: string; url: string };

export type NetlifyServe = {
  baseUrl: string;
  /** Seconds from spawn to the end of the build, and to the first answered health check. */
  buildSeconds: number;
  readySeconds: number;
  /** Every request the CLI's functions server received (its own log, `Request from …`), in order. */
  invocations: () => FunctionInvocation[];
  /** Headers a browser on the served origin sends, plus the one Netlify's edge adds (workaround 3). */
  requestHeaders: (method: string) => Record<string, string>;
  output: () => string;
  stop: () => Promise<void>;
};

/**
 * The app's environment for `netlify serve`: every variable src/server/env.ts
 * reads is either given here or blanked (an empty value is unset for the app,
 * and still wins over netlify.toml and .env in the CLI). NODE_ENV is the
 * runtime's own.
 */
function servedEnvironment(given: Record<string, string>): Record<string, string> {
  const blanked = Object.fromEntries(
    Object.keys(EnvSchema.shape)
      .filter((key) => key !== "NODE_ENV")
      .map((key) => [key, ""]),
  );
  return { ...blanked, ...given };
}

const CLI_OUTPUT_LIMIT = 4_000_000;

export async function startNetlifyServe(options: {
  env: Record<string, string>;
  /** The site to build and serve (default: this project). */
  siteDir?: string;
  timeoutMs?: number;
}): Promise<NetlifyServe> {
  // Three different free ports (the OS may hand the same free port out twice in a row).
  const ports = new Set<number>();
  while (ports.size < 3) ports.add(await freePort());
  const [port, functionsPort, staticPort] = [...ports];
  const startedAt = performance.now();
  const child: ChildProcess = spawn(
    process.execPath,
    [
      "--import",
      loopbackPreload,
      cliEntry,
      "serve",
      "--offline",
      "--internal-disable-edge-functions",
      "--port",
      String(port),
      "--functions-port",
      String(functionsPort),
      // Where the CLI serves the static files; its default is a fixed 3999.
      "--staticServerPort",
      String(staticPort),
    ],
    {
      cwd: options.siteDir ?? projectRoot,
      env: {
        ...process.env,
        ...servedEnvironment(options.env),
        // Workaround 2: the pinned Deno first, so the edge bundler takes it instead of downloading one.
        PATH: [...denoBinDirs(), process.env.PATH ?? ""].join(path.delimiter),
        BROWSER: "none",
        NO_COLOR: "1",
        NEXT_TELEMETRY_DISABLED: "1",
        // The CLI sends no telemetry in CI (it would spawn a detached reporter outside this process group).
        CI: "true",
      },
      stdio: ["ignore", "pipe", "pipe"],
      // Its own process group: the CLI, the build it runs and the function workers stop together.
      detached: true,
    },
  );
  // However this process ends (an exit hook of a dependency may end it before
  // an asynchronous cleanup has run), the CLI's process group goes with it.
  const killOnExit = () => {
    try {
      if (child.pid) process.kill(-child.pid, "SIGTERM");
    } catch {}
  };
  process.once("exit", killOnExit);
  let output = "";
  let buildSeconds = Number.NaN;
  const collect = (chunk: Buffer) => {
    if (output.length < CLI_OUTPUT_LIMIT) output += chunk.toString();
    if (Number.isNaN(buildSeconds) && output.includes("Netlify Build Complete")) {
      buildSeconds = (performance.now() - startedAt) / 1000;
    }
  };
  child.stdout?.on("data", collect);
  child.stderr?.on("data", collect);

  const baseUrl = `http://127.0.0.1:${port}`;
  const requestHeaders = (method: string): Record<string, string> => ({
    "x-nf-deploy-id": "0",
    // What a browser on the served page sends; issue 20 checks Origin on state-changing routes.
    ...(method === "GET" || method === "HEAD" ? {} : { origin: baseUrl }),
  });
  const stop = async () => {
    await stopProcessGroup(child);
    process.off("exit", killOnExit);
  };
  const invocations = () =>
    [...output.matchAll(/Request from \S+: (\w+) (\S+)/g)].map((match) => ({
      method: match[1] ?? "",
      url: match[2] ?? "",
    }));

  const timeoutMs = options.timeoutMs ?? 5 * 60_000;
  const deadline = startedAt + timeoutMs;
  while (performance.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`netlify serve exited early (${child.exitCode ?? child.signalCode}):\n${output.slice(-4000)}`);
    }
    if (output.includes("Local dev server ready")) {
      try {
        const response = await fetch(`${baseUrl}/api/health`, {
          headers: requestHeaders("GET"),
          signal: AbortSignal.timeout(30_000),
        });
        if (response.ok) {
          return {
            baseUrl,
            buildSeconds,
            readySeconds: (performance.now() - startedAt) / 1000,
            invocations,
            requestHeaders,
            output: () => output,
            stop,
          };
        }
      } catch {
        // not answering yet
      }
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  await stop();
  throw new Error(`netlify serve did not answer within ${timeoutMs / 1000} s:\n${output.slice(-4000)}`);
}

/** Whether the cache holds the pinned CLI (a run will need no network). */
export function netlifyCliCached(): boolean {
  return existsSync(cliEntry) && installedCliVersion() === NETLIFY_CLI_VERSION;
}
