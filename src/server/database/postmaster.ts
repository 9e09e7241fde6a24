import { readdir, readFile, readlink, rm } from "node:fs/promises";
import net from "node:net";
import path from "node:path";
import postgres from "postgres";
import { processIsAlive } from "@/server/process-alive";
import { embeddedUrl } from "./local-defaults";

/**
 * What already runs for a port or a data directory, before the embedded
 * PostgreSQL starts (embedded-postgres.ts): whether a port speaks PostgreSQL
 * and for which data directory, a postmaster left by a process that died,
 * and the backends of an old cluster still at work in the directory.
 */

/** The embedded PostgreSQL could not be started, in words for whoever started it. */
export class DatabaseStartupError extends Error {
  override name = "DatabaseStartupError";
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
export async function dataDirectoryOf(port: number): Promise<string | undefined> {
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

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * A postmaster of this data directory outlived the process that started it
 * (that process was killed with SIGKILL, say). Wait until it either accepts
 * connections on our port (then it is reused) or exits (then we start our own).
 */
export async function settleLeftoverPostmaster(
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
export async function awaitOldClusterGone(
  dataDir: string,
  log: (line: string) => void,
  timeoutMs = 30_000,
): Promise<void> {
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
