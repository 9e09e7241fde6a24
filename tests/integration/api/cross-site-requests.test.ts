import { afterEach, beforeAll, describe, expect, it } from "vitest";
import * as devSession from "@/app/api/dev/session/route";
import * as share from "@/app/api/nutrition/plans/[planId]/share/route";
import * as plans from "@/app/api/nutrition/plans/route";
import { localSignInKey } from "@/server/auth/local-sign-in-key";
import { encodeSessionCookie, LOCAL_SESSION_COOKIE } from "@/server/auth/session-cookie";
import { db } from "@/server/database/index";
import { resetEnvForTests } from "@/server/env";
import { call, demoCoachToken } from "../../support/api-client";
import { createPlan } from "../../support/plan-factory";

/**
 * A page on another site can make the coach's browser send the session
 * cookie with a POST (a form, or fetch with `text/plain`), but it cannot
 * choose the Origin header the browser puts on it. State-changing requests
 * signed in by the cookie must name this app's origin.
 */
let token: string;
let cookie: string;
beforeAll(async () => {
  token = await demoCoachToken();
  cookie = `${LOCAL_SESSION_COOKIE}=${encodeSessionCookie({ access_token: token, token_type: "bearer" })}`;
});

const newPlan = { name: "From a form", plan_length_days: 3 };
const plansNamed = async (name: string) =>
  Number((await db()<{ n: number }[]>`select count(*)::int as n from meal_plans where name = ${name}`)[0]?.n);

describe("requests signed in by the session cookie", () => {
  it.each([
    ["another site's page", { origin: "https://evil.example" }],
    ["a sibling subdomain (same site, other origin)", { origin: "http://evil.127.0.0.1" }],
    ["an opaque origin (sandboxed frame, data: page)", { origin: "null" }],
    ["no Origin and no Referer", { origin: "" }],
    ["no Origin and another site's Referer", { origin: "", referer: "https://evil.example/form.html" }],
  ])("are refused with 403 from %s, and change nothing", async (_, headers) => {
    const response = await call(plans.POST, { cookie, body: { ...newPlan, name: `Forged ${_}` }, headers });
    expect(response.status).toBe(403);
    expect(response.json.error).toMatch(/^Cross-site request refused/);
    expect(await plansNamed(`Forged ${_}`)).toBe(0);
  });

  it("refuse the reported attack: a cookie-only text/plain POST from another origin", async () => {
    const response = await call(plans.POST, {
      cookie,
      body: JSON.stringify({ ...newPlan, name: "text/plain" }),
      headers: { origin: "https://evil.example", "content-type": "text/plain" },
    });
    expect(response.status).toBe(403);
    expect(await plansNamed("text/plain")).toBe(0);
  });

  it("refuse a cross-site DELETE of the plan's share links", async () => {
    const planId = await createPlan();
    const response = await call(share.DELETE, {
      cookie,
      method: "DELETE",
      params: { planId },
      headers: { origin: "https://evil.example" },
    });
    expect(response.status).toBe(403);
  });

  it.each([
    ["its Origin", {}],
    ["its Referer, without an Origin", { origin: "", referer: "http://127.0.0.1/plans/new" }],
    ["its Origin, at whatever host serves the app", { host: "meals.example", origin: "http://meals.example" }],
  ])("are accepted from the app's own pages, by %s", async (_, headers) => {
    expect((await call(plans.POST, { cookie, body: newPlan, headers })).status).toBe(201);
  });

  describe("at the configured public origin (APP_URL)", () => {
    afterEach(() => {
      delete process.env.APP_URL;
      delete process.env.TRUST_FORWARDED_HOST;
      resetEnvForTests();
    });
    const post = (headers: Record<string, string>) => call(plans.POST, { cookie, body: newPlan, headers });

    it("compare scheme and host with APP_URL's, whatever Host the proxy sent", async () => {
      process.env.APP_URL = "https://meals.example";
      resetEnvForTests();
      // nginx's default proxy_pass: Host 127.0.0.1:3000, the page at the public origin.
      expect((await post({ host: "127.0.0.1:3000", origin: "https://meals.example" })).status).toBe(201);
      expect((await post({ host: "127.0.0.1:3000", origin: "http://meals.example" })).status).toBe(403);
      expect((await post({ host: "meals.example", origin: "https://evil.example" })).status).toBe(403);
      // The request's own origin is no longer enough once the public one is known.
      expect((await post({ origin: "http://127.0.0.1" })).status).toBe(403);
    });

    it("trust X-Forwarded-Host only when TRUST_FORWARDED_HOST=1", async () => {
      const forged = {
        "x-forwarded-host": "evil.example",
        "x-forwarded-proto": "https",
        origin: "https://evil.example",
      };
      expect((await post(forged)).status).toBe(403);
      process.env.TRUST_FORWARDED_HOST = "1";
      resetEnvForTests();
      expect((await post(forged)).status).toBe(201);
    });
  });

  it("are not checked for reads, nor for a bearer token (a page cannot make the browser attach one)", async () => {
    expect((await call(plans.GET, { cookie, headers: { origin: "https://evil.example" } })).status).toBe(200);
    expect((await call(plans.POST, { token, body: newPlan, headers: { origin: "https://evil.example" } })).status).toBe(
      201,
    );
  });
});

describe("local sign-in", () => {
  it("never sets the session cookie for another site's page (login CSRF); scripts name no page", async () => {
    const forged = await call(devSession.POST, {
      body: { email: "coach@demo.test" },
      headers: { origin: "https://evil.example" },
    });
    expect(forged.status).toBe(403);
    expect(forged.headers.get("set-cookie")).toBeNull();
    expect(
      (
        await call(devSession.POST, {
          body: { email: "coach@demo.test", key: localSignInKey() },
          headers: { origin: "" },
        })
      ).status,
    ).toBe(200);
  });
});
