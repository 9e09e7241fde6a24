import net from "node:net";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import * as start from "@/app/api/nutrition/plans/[planId]/generate/start/route";
import * as status from "@/app/api/nutrition/plans/[planId]/generate/status/route";
import * as plans from "@/app/api/nutrition/plans/route";
import { inngest } from "@/inngest/binding/client";
import { asUser, closeDatabase, db } from "@/server/database/index";
import { resetEnvForTests } from "@/server/env";
import { call, demoCoachToken } from "../../support/api-client";
import { createPlan } from "../../support/plan-factory";
import { DEMO_COACH_ID, DEMO_ORG_ID } from "../../support/seed-ids";

const demoCoach = { sub: DEMO_COACH_ID, role: "authenticated" } as const;

/**
 * A loopback TCP proxy in front of PostgreSQL that counts round trips: the
 * times the app speaks again after the server has answered. Statements that
 * leave together in one pipelined write count once.
 */
function roundTripCounter(target: URL) {
  let roundTrips = 0;
  const server = net.createServer((client) => {
    let serverAnswered = true;
    const upstream = net.connect(Number(target.port), target.hostname);
    client.on("data", (chunk) => {
      if (serverAnswered) roundTrips += 1;
      serverAnswered = false;
      upstream.write(chunk);
    });
    upstream.on("data", (chunk) => {
      serverAnswered = true;
      client.write(chunk);
    });
    client.on("close", () => upstream.destroy());
    upstream.on("close", () => client.destroy());
    client.on("error", () => undefined);
    upstream.on("error", () => undefined);
  });
  return {
    listen: () =>
      new Promise<number>((resolve) =>
        server.listen(0, "127.0.0.1", () => resolve((server.address() as net.AddressInfo).port)),
      ),
    /** Round trips made by `work`, run once before to warm up (prepared statements, an open connection). */
    async count(work: () => Promise<unknown>): Promise<number> {
      await work();
      return this.countCold(work);
    },
    /** Round trips made by `work`, without a warm-up run. */
    async countCold(work: () => Promise<unknown>): Promise<number> {
      roundTrips = 0;
      await work();
      return roundTrips;
    },
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

describe("asUser: a transaction as the signed-in user", () => {
  it("runs as the authenticated role with the caller's claims, and leaves the pooled connection as it found it", async () => {
    const [[inside]] = await asUser(demoCoach, (tx) => [
      tx<{ role: string; uid: string }[]>`select current_user as role, auth.uid()::text as uid`,
    ]);
    expect(inside).toEqual({ role: "authenticated", uid: DEMO_COACH_ID });

    const after = await Promise.all(
      Array.from(
        { length: 20 },
        () => db()<{ role: string; claims: string | null }[]>`
          select current_user as role, nullif(current_setting('request.jwt.claims', true), '') as claims`,
      ),
    );
    for (const [row] of after) expect(row).toEqual({ role: "postgres", claims: null });
  });

  it("rolls back every statement when one of a pipelined batch fails", async () => {
    await expect(
      asUser(demoCoach, (tx) => [
        tx`insert into meal_plans (org_id, name, plan_length_days) values (${DEMO_ORG_ID}, 'Half-written', 3)`,
        tx`select 1 / 0`,
      ]),
    ).rejects.toThrow(/division by zero/);
    const [left] = await db()<
      { count: number }[]
    >`select count(*)::int as count from meal_plans where name = 'Half-written'`;
    expect(left?.count).toBe(0);
    const [[row]] = await asUser(demoCoach, (tx) => [tx<{ role: string }[]>`select current_user as role`]);
    expect(row?.role).toBe("authenticated");
  });

  it("rolls back an async transaction that throws, and the connection serves the next caller", async () => {
    await expect(
      asUser(demoCoach, async (tx) => {
        await tx`insert into meal_plans (org_id, name, plan_length_days) values (${DEMO_ORG_ID}, 'Abandoned', 3)`;
        throw new Error("changed my mind");
      }),
    ).rejects.toThrow(/changed my mind/);
    const [left] = await db()<
      { count: number }[]
    >`select count(*)::int as count from meal_plans where name = 'Abandoned'`;
    expect(left?.count).toBe(0);
  });
});

describe("database round trips per request", () => {
  const proxy = roundTripCounter(new URL(process.env.DATABASE_URL ?? ""));
  const directUrl = process.env.DATABASE_URL;
  let token: string;

  beforeAll(async () => {
    token = await demoCoachToken();
    const port = await proxy.listen();
    const proxied = new URL(directUrl ?? "");
    proxied.port = String(port);
    await closeDatabase();
    process.env.DATABASE_URL = proxied.toString();
    process.env.DATABASE_POOL_MAX = "1";
    resetEnvForTests();
  });
  afterAll(async () => {
    vi.restoreAllMocks();
    await closeDatabase();
    process.env.DATABASE_URL = directUrl;
    delete process.env.DATABASE_POOL_MAX;
    resetEnvForTests();
    await proxy.close();
  });

  it("a one-statement transaction as the user is one round trip: BEGIN, claims, statement and COMMIT in one write", async () => {
    const roundTrips = await proxy.count(() =>
      asUser(demoCoach, (tx) => [tx`select id from meal_plans where org_id = public.caller_org_id() limit 1`]),
    );
    expect(roundTrips).toBe(1);
  });

  it("a status poll is one round trip, membership check included", async () => {
    const params = { planId: await createPlan() };
    const roundTrips = await proxy.count(async () => {
      expect((await call(status.GET, { token, params })).status).toBe(200);
    });
    expect(roundTrips).toBe(1);
  });

  it("listing plans is one round trip", async () => {
    const roundTrips = await proxy.count(async () => {
      expect((await call(plans.GET, { token })).status).toBe(200);
    });
    expect(roundTrips).toBe(1);
  });

  it("a fresh start is two round trips (the read under RLS, then the transition); a repeated start is one", async () => {
    process.env.GENERATION_RUNNER = "inngest";
    resetEnvForTests();
    const send = vi.spyOn(inngest, "send").mockResolvedValue({ ids: ["queued"] } as never);
    const warmUp = { planId: await createPlan() };
    const params = { planId: await createPlan() };
    expect((await call(start.POST, { token, params: warmUp, body: {} })).status).toBe(202);

    const fresh = await proxy.countCold(async () => {
      expect((await call(start.POST, { token, params, body: {} })).status).toBe(202);
    });
    const repeated = await proxy.countCold(async () => {
      expect((await call(start.POST, { token, params, body: {} })).status).toBe(202);
    });

    expect(fresh).toBe(2);
    expect(repeated).toBe(1);
    expect(send).toHaveBeenCalledTimes(2);
    delete process.env.GENERATION_RUNNER;
    resetEnvForTests();
  });
});
