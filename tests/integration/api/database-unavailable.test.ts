import { afterEach, beforeAll, describe, expect, it } from "vitest";
import * as status from "@/app/api/nutrition/plans/[planId]/generate/status/route";
import * as plans from "@/app/api/nutrition/plans/route";
import { connect } from "@/server/database/connection";
import { closeDatabase, db } from "@/server/database/index";
import { resetEnvForTests } from "@/server/env";
import { freePort } from "../../../scripts/lib/free-port";
import { call, demoCoachToken } from "../../support/api-client";
import { createPlan } from "../../support/plan-factory";

let token: string;
const realDatabaseUrl = process.env.DATABASE_URL ?? "";

beforeAll(async () => {
  token = await demoCoachToken();
});

afterEach(async () => {
  await closeDatabase();
  process.env.DATABASE_URL = realDatabaseUrl;
  resetEnvForTests();
});

/** Points the app at a port where nothing listens, as while PostgreSQL restarts. */
async function databaseGoesAway() {
  await closeDatabase();
  const url = new URL(realDatabaseUrl);
  url.port = String(await freePort());
  process.env.DATABASE_URL = url.toString();
  resetEnvForTests();
}

async function databaseComesBack() {
  await closeDatabase();
  process.env.DATABASE_URL = realDatabaseUrl;
  resetEnvForTests();
}

describe("while the database cannot be reached", () => {
  it("answers 503 with a clear message and a Retry-After, then recovers by itself", async () => {
    const planId = await createPlan({});
    await databaseGoesAway();

    const list = await call(plans.GET, { token });
    const poll = await call(status.GET, { token, params: { planId } });
    for (const response of [list, poll]) {
      expect(response.status).toBe(503);
      expect(response.json.error).toMatch(/database is not reachable/);
      expect(response.headers.get("retry-after")).toBe("5");
    }

    await databaseComesBack();
    expect((await call(status.GET, { token, params: { planId } })).status).toBe(200);
  });

  it("answers no 500 when PostgreSQL terminates every connection of the app, and recovers by itself", async () => {
    const planId = await createPlan({});
    expect((await call(status.GET, { token, params: { planId } })).status).toBe(200);
    const admin = connect(realDatabaseUrl, { maxConnections: 1 });
    try {
      const [{ terminated } = { terminated: 0 }] = await admin<{ terminated: number }[]>`
        select count(*) filter (where pg_terminate_backend(pid))::int as terminated from pg_stat_activity
        where application_name = 'meal-plan-generation' and datname = current_database() and pid <> pg_backend_pid()`;
      expect(terminated).toBeGreaterThan(0);
    } finally {
      await admin.end();
    }
    // A request that meets a connection before the pool noticed it was
    // terminated is a 503 (never a 500); the pool then opens new ones.
    const during = await Promise.all([1, 2, 3].map(() => call(status.GET, { token, params: { planId } })));
    for (const response of during) expect([200, 503]).toContain(response.status);
    expect((await call(status.GET, { token, params: { planId } })).status).toBe(200);
    expect(await db()`select 1 as one`).toEqual([{ one: 1 }]);
  });
});
