import { randomUUID } from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import * as swapRoute from "@/app/api/nutrition/plans/[planId]/items/[itemId]/swap/route";
import * as share from "@/app/api/nutrition/plans/[planId]/share/route";
import { signLocalAccessToken } from "@/server/auth/access-token";
import { db } from "@/server/database/index";
import { resetEnvForTests } from "@/server/env";
import { MAX_ACTIVE_SHARE_LINKS } from "@/server/share-links";
import { call } from "../../support/api-client";
import { addDay, createPlan } from "../../support/plan-factory";
import { DEMO_ORG_ID } from "../../support/seed-ids";

/**
 * Caps on what costs rows or CPU without calling the model: share links per
 * plan (however many creates race), a spend bucket on share creation and on
 * swaps (each runs the solver), and share URLs on the app's public origin.
 */

afterEach(() => {
  for (const name of ["SPEND_LIMIT_SCALE", "APP_URL", "TRUST_FORWARDED_HOST"]) delete process.env[name];
  resetEnvForTests();
});

async function newCoach(): Promise<string> {
  const id = randomUUID();
  const email = `coach-${id.slice(0, 8)}@caps.test`;
  await db()`insert into auth.users (id, email, aud, role) values (${id}, ${email}, 'authenticated', 'authenticated')`;
  await db()`insert into org_members (org_id, user_id) values (${DEMO_ORG_ID}, ${id})`;
  return (await signLocalAccessToken({ id, email })).token;
}

async function planWithDays(): Promise<string> {
  const planId = await createPlan({ org_id: DEMO_ORG_ID, generation_status: "complete" });
  await addDay(planId, 1);
  return planId;
}

const createLink = (token: string, planId: string, headers: Record<string, string> = {}) =>
  call(share.POST, { token, params: { planId }, body: {}, headers });

describe("share links", () => {
  it(`are at most ${MAX_ACTIVE_SHARE_LINKS} working per plan, even when 100 creates race`, async () => {
    const token = await newCoach();
    const planId = await planWithDays();
    const answers = await Promise.all(Array.from({ length: 100 }, () => createLink(token, planId)));
    const statuses = answers.map((answer) => answer.status);
    expect(statuses.filter((status) => status === 201)).toHaveLength(MAX_ACTIVE_SHARE_LINKS);
    expect(statuses.filter((status) => status === 409)).toHaveLength(100 - MAX_ACTIVE_SHARE_LINKS);
    expect(answers.find((answer) => answer.status === 409)?.json.error).toMatch(/already has 20 working share links/);
    const [count] = await db()<
      { n: number }[]
    >`select count(*)::int as n from plan_share_links where plan_id = ${planId}`;
    expect(count?.n).toBe(MAX_ACTIVE_SHARE_LINKS);

    // Revoked links no longer count.
    expect((await call(share.DELETE, { token, method: "DELETE", params: { planId } })).status).toBe(200);
    expect((await createLink(token, planId)).status).toBe(201);
  });

  it("are created from a spend bucket per coach", async () => {
    process.env.SPEND_LIMIT_SCALE = "1";
    resetEnvForTests();
    const token = await newCoach();
    const planId = await planWithDays();
    const statuses = [];
    for (let n = 0; n < 11; n++) statuses.push((await createLink(token, planId)).status);
    expect(statuses).toEqual([...Array(10).fill(201), 429]);
  });

  it("point at APP_URL, not at the address the proxy reached the server at", async () => {
    const token = await newCoach();
    const planId = await planWithDays();
    // nginx's default proxy_pass: Host 127.0.0.1:3000.
    const behindProxy = { host: "127.0.0.1:3000", "x-forwarded-host": "evil.example" };
    const unconfigured = await createLink(token, planId, behindProxy);
    expect(new URL(unconfigured.json.url as string).origin).toBe("http://127.0.0.1:3000");

    process.env.APP_URL = "https://meals.example/";
    resetEnvForTests();
    const configured = await createLink(token, planId, behindProxy);
    expect(configured.json.url).toMatch(/^https:\/\/meals\.example\/shared\/[A-Za-z0-9_-]{43}$/);

    // X-Forwarded-Host only when a proxy in front is said to set it.
    delete process.env.APP_URL;
    process.env.TRUST_FORWARDED_HOST = "1";
    resetEnvForTests();
    const forwarded = await createLink(token, planId, { ...behindProxy, "x-forwarded-proto": "https" });
    expect(new URL(forwarded.json.url as string).origin).toBe("https://evil.example");
  });
});

describe("swaps", () => {
  it("take a token from a spend bucket per coach (each runs the solver)", async () => {
    process.env.SPEND_LIMIT_SCALE = "1";
    resetEnvForTests();
    const token = await newCoach();
    const planId = await planWithDays();
    const statuses = [];
    for (let n = 0; n < 31; n++) {
      const itemId = randomUUID(); // no such item: answered quickly, after the token is taken
      statuses.push(
        (await call(swapRoute.POST, { token, params: { planId, itemId }, body: { food_id: randomUUID() } })).status,
      );
    }
    expect(statuses.slice(0, 30).every((status) => status !== 429)).toBe(true);
    expect(statuses[30]).toBe(429);
  });
});
