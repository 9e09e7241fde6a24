import { chmod, mkdir, mkdtemp, rm } from "node:fs/promises";
import net from "node:net";
import { tmpdir, userInfo } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connect } from "@/server/database/connection";
import { DatabaseStartupError, startEmbeddedPostgres } from "@/server/database/embedded-postgres";
import { assertReachable } from "@/server/database/local-database";
import { freePort } from "../../../scripts/lib/free-port";

let directory: string;
beforeAll(async () => {
  directory = await mkdtemp(path.join(tmpdir(), "embedded-pg-"));
  await chmod(directory, 0o755);
});
afterAll(async () => {
  await rm(directory, { recursive: true, force: true });
});

describe("the embedded PostgreSQL", () => {
  it("starts again on a data directory it created before (a second `npm run dev`)", async () => {
    const dataDir = path.join(directory, "restart", "data");
    const port = await freePort();
    const first = await startEmbeddedPostgres({ dataDir, port, ephemeral: true });
    await first.stop();
    const second = await startEmbeddedPostgres({ dataDir, port, ephemeral: true });
    try {
      const sql = connect(second.url(), { maxConnections: 1 });
      expect(await sql`select 1 as answer`).toEqual([{ answer: 1 }]);
      await sql.end();
    } finally {
      await second.stop();
    }
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
