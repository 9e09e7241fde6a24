import { spawn } from "node:child_process";
import { once } from "node:events";
import { chmod, mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import net from "node:net";
import { tmpdir, userInfo } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connect } from "@/server/database/connection";
import {
  DatabaseStartupError,
  portIsListening,
  processesWorkingIn,
  startEmbeddedPostgres,
} from "@/server/database/embedded-postgres";
import { assertReachable } from "@/server/database/local-database";
import { processIsAlive } from "@/server/process-alive";
import { freePort } from "../../../scripts/lib/free-port";

let directory: string;
beforeAll(async () => {
  directory = await mkdtemp(path.join(tmpdir(), "embedded-pg-"));
  await chmod(directory, 0o755);
});
afterAll(async () => {
  await rm(directory, { recursive: true, force: true });
});

/** A process that started the embedded PostgreSQL and waits; `group` puts PostgreSQL in its process group. */
async function ownerProcess(dataDir: string, port: number) {
  const child = spawn(
    process.execPath,
    [
      "--import",
      "tsx",
      path.join(import.meta.dirname, "../../support/hold-embedded-postgres.ts"),
      dataDir,
      String(port),
    ],
    { detached: true, stdio: ["ignore", "pipe", "inherit"] },
  );
  let output = "";
  child.stdout?.on("data", (chunk) => {
    output += chunk;
  });
  while (!output.includes("ready")) {
    if (child.exitCode !== null) throw new Error("the owner process exited before PostgreSQL was ready");
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return child;
}

/** Starts the embedded PostgreSQL on `dataDir`, asks it a question, and stops it again. */
async function answersOnceStarted(dataDir: string, port: number) {
  const started = await startEmbeddedPostgres({ dataDir, port, ephemeral: true });
  try {
    return await answers(started);
  } finally {
    await started.stop();
  }
}

async function answers(running: { url: () => string }) {
  const sql = connect(running.url(), { maxConnections: 1 });
  try {
    return await sql`select 1 as answer`;
  } finally {
    await sql.end();
  }
}

describe("the embedded PostgreSQL after its owner was killed", () => {
  it("starts at once when the owner's whole process group was killed with SIGKILL", async () => {
    const dataDir = path.join(directory, "killed-group", "data");
    const port = await freePort();
    const owner = await ownerProcess(dataDir, port);
    const exited = once(owner, "exit");
    process.kill(-(owner.pid ?? 0), "SIGKILL");
    await exited;

    expect(await answersOnceStarted(dataDir, port)).toEqual([{ answer: 1 }]);
  }, 90_000);

  it("starts a new postmaster only once the killed one's backends have exited", async () => {
    const dataDir = path.join(directory, "killed-busy", "data");
    const port = await freePort();
    const owner = await ownerProcess(dataDir, port);
    // A backend busy computing notices its postmaster's death only when the query ends.
    const client = connect(`postgresql://postgres:postgres@127.0.0.1:${port}/postgres`, { maxConnections: 1 });
    const [{ pid: backend } = { pid: 0 }] = await client<{ pid: number }[]>`select pg_backend_pid() as pid`;
    const busy = client`select count(*) from generate_series(1, 15000000)`.catch(() => undefined);
    await new Promise((resolve) => setTimeout(resolve, 200));
    const exited = once(owner, "exit");
    process.kill(-(owner.pid ?? 0), "SIGKILL");
    await exited;
    expect(await processesWorkingIn(path.resolve(dataDir))).toContain(backend);

    const started = await startEmbeddedPostgres({ dataDir, port, ephemeral: true });
    try {
      expect(processIsAlive(backend)).toBe(false);
      expect(await answers(started)).toEqual([{ answer: 1 }]);
    } finally {
      await started.stop();
      await busy;
      await client.end({ timeout: 1 }).catch(() => undefined);
    }
  }, 90_000);

  it("reuses a postmaster that outlived its owner, and stops it when done", async () => {
    const dataDir = path.join(directory, "orphan", "data");
    const port = await freePort();
    const owner = await ownerProcess(dataDir, port);
    const exited = once(owner, "exit");
    process.kill(owner.pid ?? 0, "SIGKILL"); // the owner only: PostgreSQL lives on
    await exited;

    const reused = await startEmbeddedPostgres({ dataDir, port, ephemeral: true });
    expect(reused.startedHere).toBe(false);
    expect(await answers(reused)).toEqual([{ answer: 1 }]);
    await reused.stop();
    expect(await portIsListening(port)).toBe(false);
  }, 90_000);

  it("clears a stale postmaster.pid whose process is gone", async () => {
    const dataDir = path.join(directory, "stale", "data");
    const port = await freePort();
    const first = await startEmbeddedPostgres({ dataDir, port, ephemeral: true });
    await first.stop();
    const gone = spawn(process.execPath, ["-e", ""]);
    await once(gone, "exit");
    await writeFile(
      path.join(dataDir, "postmaster.pid"),
      `${gone.pid}\n${dataDir}\n0\n${port}\n\n127.0.0.1\n0 0\nready\n`,
    );

    expect(await answersOnceStarted(dataDir, port)).toEqual([{ answer: 1 }]);
  }, 60_000);
});

describe("the embedded PostgreSQL", () => {
  it("starts again on a data directory it created before (a second `npm run dev`)", async () => {
    const dataDir = path.join(directory, "restart", "data");
    const port = await freePort();
    const first = await startEmbeddedPostgres({ dataDir, port, ephemeral: true });
    await first.stop();
    expect(await answersOnceStarted(dataDir, port)).toEqual([{ answer: 1 }]);
  }, 60_000);

  it("shares its own cluster when it is already running, and refuses a port held by something else", async () => {
    const dataDir = path.join(directory, "shared", "data");
    const port = await freePort();
    const running = await startEmbeddedPostgres({ dataDir, port, ephemeral: true });
    try {
      const again = await startEmbeddedPostgres({ dataDir, port, ephemeral: true });
      expect(again.startedHere).toBe(false);
      await expect(startEmbeddedPostgres({ dataDir: path.join(directory, "other", "data"), port })).rejects.toThrow(
        new RegExp(`Port ${port} is taken by another program`),
      );
    } finally {
      await running.stop();
    }
  }, 60_000);

  it("refuses a port held by a program that is not PostgreSQL, in one line", async () => {
    const squatter = net.createServer((socket) => {
      socket.on("error", () => {}); // our probe hangs up first; that is expected
      socket.end("hello\n");
    });
    const port = await new Promise<number>((resolve) =>
      squatter.listen(0, "127.0.0.1", () => resolve((squatter.address() as net.AddressInfo).port)),
    );
    try {
      const error = await startEmbeddedPostgres({ dataDir: path.join(directory, "squat", "data"), port }).catch(
        (e) => e,
      );
      expect(error).toBeInstanceOf(DatabaseStartupError);
      expect(error.message).toBe(
        `Port ${port} is taken by another program; stop it, or set DATABASE_URL to use an existing database.`,
      );
    } finally {
      squatter.close();
    }
  });

  it.runIf(userInfo().uid === 0)(
    "says what to do when the postgres user cannot enter the project directory",
    async () => {
      const closed = path.join(directory, "closed");
      await mkdir(closed, { mode: 0o700 });
      await chmod(closed, 0o700);
      const error = await startEmbeddedPostgres({
        dataDir: path.join(closed, "project", ".data", "postgres"),
        port: await freePort(),
      }).catch((e) => e);
      expect(error).toBeInstanceOf(DatabaseStartupError);
      expect(error.message).toMatch(/cannot enter .*closed \(mode 700\)/);
      expect(error.message).toMatch(/DATABASE_URL/);
    },
  );

  it("reports an unreachable DATABASE_URL in one line without the password", async () => {
    const port = await freePort();
    const error = await assertReachable(`postgresql://app:hunter2-secret@127.0.0.1:${port}/app`).catch((e) => e);
    expect(error.message).toBe(
      `Cannot reach the database at postgresql://app@127.0.0.1:${port}/app (ECONNREFUSED). Check DATABASE_URL, or unset it to use the embedded PostgreSQL.`,
    );
  });
});
