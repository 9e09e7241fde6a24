import { describe, expect, it } from "vitest";
import { untilItWorks } from "@/inngest/inline/inline-runner";
import { db, renewPoolAfterLostConnection } from "@/server/database/index";

/** Ends the session behind a reserved connection of the pool, as a database restart does. */
async function lostConnectionError(): Promise<unknown> {
  const reserved = await db().reserve();
  try {
    const [{ pid } = { pid: 0 }] = await reserved<{ pid: number }[]>`select pg_backend_pid() as pid`;
    await db()`select pg_terminate_backend(${pid})`;
    return await reserved`select 1`.then(
      () => undefined,
      (error: unknown) => error,
    );
  } finally {
    reserved.release();
  }
}

describe("the pool after a connection was lost under a query", () => {
  it("is replaced, so the next try runs on a fresh connection", async () => {
    const before = db();
    const error = await lostConnectionError();
    expect(error).toBeDefined();

    expect(renewPoolAfterLostConnection(error, before)).toBe(true);
    expect(db()).not.toBe(before);
    expect(await db()`select 1 as answer`).toEqual([{ answer: 1 }]);
  });

  it("is left alone when the loss was met on a pool already replaced (a second run meeting the same restart)", async () => {
    const old = db();
    const error = await lostConnectionError();
    expect(renewPoolAfterLostConnection(error, old)).toBe(true);
    const fresh = db();
    const inFlight = fresh`select pg_sleep(0.2), 3 as answer`;

    expect(renewPoolAfterLostConnection(error, old)).toBe(false);
    expect(db()).toBe(fresh);
    expect(await inFlight).toEqual([{ pg_sleep: "", answer: 3 }]);
  });

  it("is kept when the database merely refused or answered an error", async () => {
    const before = db();
    const refused = Object.assign(new Error("refused"), { code: "ECONNREFUSED" });
    expect(renewPoolAfterLostConnection(refused, before)).toBe(false);
    expect(renewPoolAfterLostConnection(Object.assign(new Error("bad"), { code: "42P01" }), before)).toBe(false);
    expect(db()).toBe(before);
  });

  it("is renewed by a failure path's retries before they try again", async () => {
    const before = db();
    const error = await lostConnectionError();
    let tries = 0;
    const pools: unknown[] = [];
    const answer = await untilItWorks(async () => {
      tries += 1;
      pools.push(db());
      if (tries === 1) throw error;
      return (await db()`select 2 as answer`)[0];
    }, 5_000);

    expect(answer).toEqual({ answer: 2 });
    expect(pools[0]).toBe(before);
    expect(pools[1]).not.toBe(before);
  });
});
