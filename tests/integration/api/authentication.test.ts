import { randomUUID } from "node:crypto";
import { SignJWT } from "jose";
import { afterEach, describe, expect, it, vi } from "vitest";
import * as devSession from "@/app/api/dev/session/route";
import * as clients from "@/app/api/nutrition/clients/route";
import * as start from "@/app/api/nutrition/plans/[planId]/generate/start/route";
import * as status from "@/app/api/nutrition/plans/[planId]/generate/status/route";
import * as planDetail from "@/app/api/nutrition/plans/[planId]/route";
import * as plans from "@/app/api/nutrition/plans/route";
import { signLocalAccessToken } from "@/server/auth/access-token";
import { localJwtSecret } from "@/server/auth/local-secret";
import { localSignInKey } from "@/server/auth/local-sign-in-key";
import { db } from "@/server/database/index";
import { resetEnvForTests } from "@/server/env";
import { call, demoCoachToken } from "../../support/api-client";
import { createPlan } from "../../support/plan-factory";
import { DEMO_COACH_EMAIL, DEMO_COACH_ID } from "../../support/seed-ids";

afterEach(() => {
  delete process.env.SUPABASE_URL;
  delete process.env.SUPABASE_ANON_KEY;
  delete process.env.SUPABASE_JWT_SECRET;
  resetEnvForTests();
});

describe("authentication", () => {
  it("answers 401 without a token", async () => {
    const response = await call(plans.GET);
    expect(response.status).toBe(401);
    expect(response.json.error).toMatch(/sign in/i);
  });

  it("answers 401 for a token signed with another secret", async () => {
    const forged = await new SignJWT({ role: "authenticated" })
      .setProtectedHeader({ alg: "HS256" })
      .setSubject(DEMO_COACH_ID)
      .setAudience("authenticated")
      .setIssuer("meal-plans-local")
      .setExpirationTime("1h")
      .sign(new TextEncoder().encode("not-the-secret-not-the-secret-12"));
    expect((await call(plans.GET, { token: forged })).status).toBe(401);
  });

  it("answers 401 for an expired token, saying so", async () => {
    const { token } = await signLocalAccessToken(
      { id: DEMO_COACH_ID, email: DEMO_COACH_EMAIL },
      Date.now() - 13 * 3600_000,
    );
    const response = await call(plans.GET, { token });
    expect(response.status).toBe(401);
    expect(response.json.error).toMatch(/expired/);
  });

  it("answers 401 for a token meant for another audience", async () => {
    const wrongAudience = await new SignJWT({ role: "authenticated" })
      .setProtectedHeader({ alg: "HS256" })
      .setSubject(DEMO_COACH_ID)
      .setAudience("anon")
      .setIssuer("meal-plans-local")
      .setExpirationTime("1h")
      .sign(localJwtSecret());
    expect((await call(plans.GET, { token: wrongAudience })).status).toBe(401);
  });

  it("answers 401 for a malformed Authorization header or garbage token", async () => {
    expect((await call(plans.GET, { headers: { authorization: "Basic abc" } })).status).toBe(401);
    expect((await call(plans.GET, { token: "not.a.jwt" })).status).toBe(401);
  });

  it("accepts a valid bearer token", async () => {
    expect((await call(plans.GET, { token: await demoCoachToken() })).status).toBe(200);
  });

  it("answers 403 on every route to a signed-in user who belongs to no org, and creates nothing", async () => {
    const loner = { id: randomUUID(), email: `loner-${randomUUID()}@nowhere.test` };
    await db()`insert into auth.users (id, email, aud, role) values (${loner.id}, ${loner.email}, 'authenticated', 'authenticated')`;
    const { token } = await signLocalAccessToken(loner);
    const params = { planId: await createPlan() };

    const answers = [
      await call(plans.GET, { token }),
      await call(plans.POST, { token, body: { name: "Orphan", plan_length_days: 3, calorie_target: 2000 } }),
      await call(clients.GET, { token }),
      await call(planDetail.GET, { token, params }),
      await call(status.GET, { token, params }),
      await call(start.POST, { token, params, body: {} }),
    ];

    for (const answer of answers) {
      expect(answer.status).toBe(403);
      expect(answer.json.error).toMatch(/organisation/);
    }
    const [created] = await db()<{ count: number }[]>`
      select count(*)::int as count from meal_plans where created_by = ${loner.id} or name = 'Orphan'`;
    expect(created?.count).toBe(0);
    const [plan] = await db()`select generation_status from meal_plans where id = ${params.planId}`;
    expect(plan?.generation_status).toBe("idle");
  });

  it("signs a seeded coach in locally and accepts the session cookie it sets", async () => {
    const signIn = await call(devSession.POST, { body: { email: DEMO_COACH_EMAIL, key: localSignInKey() } });
    expect(signIn.status).toBe(200);
    expect(signIn.json.access_token).toEqual(expect.any(String));
    const setCookie = signIn.headers.get("set-cookie") ?? "";
    expect(setCookie).toMatch(/^sb-local-auth-token=base64-/);
    expect(setCookie).toMatch(/HttpOnly/i);
    const cookie = setCookie.split(";")[0] ?? "";
    expect((await call(plans.GET, { cookie })).status).toBe(200);
  });

  it("refuses local sign-in for an unknown email and a malformed body", async () => {
    expect(
      (await call(devSession.POST, { body: { email: "nobody@nowhere.test", key: localSignInKey() } })).status,
    ).toBe(401);
    expect((await call(devSession.POST, { body: { email: "not an email" } })).status).toBe(400);
    expect((await call(devSession.POST, { body: "{oops" })).status).toBe(400);
  });

  it("has no local sign-in route when a Supabase project is configured", async () => {
    process.env.SUPABASE_URL = "https://example-project.supabase.co";
    process.env.SUPABASE_ANON_KEY = "anon-key-for-test";
    process.env.SUPABASE_JWT_SECRET = "supabase-jwt-secret-for-tests-0123456789";
    resetEnvForTests();
    expect((await call(devSession.POST, { body: { email: DEMO_COACH_EMAIL } })).status).toBe(404);
  });

  it("verifies Supabase HS256 tokens with the project's JWT secret when configured", async () => {
    const secret = "supabase-jwt-secret-for-tests-0123456789";
    process.env.SUPABASE_URL = "https://example-project.supabase.co";
    process.env.SUPABASE_ANON_KEY = "anon-key-for-test";
    process.env.SUPABASE_JWT_SECRET = secret;
    resetEnvForTests();
    const supabaseToken = await new SignJWT({ role: "authenticated", email: DEMO_COACH_EMAIL })
      .setProtectedHeader({ alg: "HS256" })
      .setSubject(DEMO_COACH_ID)
      .setAudience("authenticated")
      .setIssuer("https://example-project.supabase.co/auth/v1")
      .setExpirationTime("1h")
      .sign(new TextEncoder().encode(secret));
    expect((await call(plans.GET, { token: supabaseToken })).status).toBe(200);
    // and a local token is no longer accepted
    expect((await call(plans.GET, { token: await demoCoachToken() })).status).toBe(401);
  });
});

describe("tokens already verified", () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it("are honoured until they expire, and not a second longer", async () => {
    const { token, expiresAt } = await signLocalAccessToken({ id: DEMO_COACH_ID, email: DEMO_COACH_EMAIL });
    expect((await call(plans.GET, { token })).status).toBe(200);
    expect((await call(plans.GET, { token })).status).toBe(200);

    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(expiresAt * 1000 + 1);
    const expired = await call(plans.GET, { token });
    expect(expired.status).toBe(401);
    expect(expired.json.error).toMatch(/expired/);
  });

  it("do not vouch for a token that differs only in its signature", async () => {
    const token = await demoCoachToken();
    expect((await call(plans.GET, { token })).status).toBe(200);
    const signature = token.slice(token.lastIndexOf(".") + 1);
    const otherSignature = `${signature.slice(0, -2)}${signature.endsWith("AA") ? "BB" : "AA"}`;
    const tampered = `${token.slice(0, token.lastIndexOf(".") + 1)}${otherSignature}`;
    expect((await call(plans.GET, { token: tampered })).status).toBe(401);
  });

  it("are forgotten when the configuration changes to another secret or project", async () => {
    const token = await demoCoachToken();
    expect((await call(plans.GET, { token })).status).toBe(200);
    process.env.SUPABASE_URL = "https://example-project.supabase.co";
    process.env.SUPABASE_ANON_KEY = "anon-key-for-test";
    process.env.SUPABASE_JWT_SECRET = "supabase-jwt-secret-for-tests-0123456789";
    resetEnvForTests();
    expect((await call(plans.GET, { token })).status).toBe(401);
  });
});

describe("Supabase projects on asymmetric signing keys", () => {
  it("verifies ES256 tokens against the project's JWKS endpoint, and rejects other issuers", async () => {
    const { createServer } = await import("node:http");
    const { exportJWK, generateKeyPair } = await import("jose");
    const { privateKey, publicKey } = await generateKeyPair("ES256");
    const jwk = { ...(await exportJWK(publicKey)), kid: "test-key", alg: "ES256", use: "sig" };
    const jwks = createServer((request, response) => {
      if (request.url === "/auth/v1/.well-known/jwks.json") {
        response.writeHead(200, { "content-type": "application/json" });
        response.end(JSON.stringify({ keys: [jwk] }));
      } else {
        response.writeHead(404).end();
      }
    });
    await new Promise<void>((resolve) => jwks.listen(0, "127.0.0.1", resolve));
    const supabaseUrl = `http://127.0.0.1:${(jwks.address() as { port: number }).port}`;
    try {
      process.env.SUPABASE_URL = supabaseUrl;
      process.env.SUPABASE_ANON_KEY = "anon-key-for-test";
      resetEnvForTests();
      const sign = (issuer: string) =>
        new SignJWT({ role: "authenticated", email: DEMO_COACH_EMAIL })
          .setProtectedHeader({ alg: "ES256", kid: "test-key" })
          .setSubject(DEMO_COACH_ID)
          .setAudience("authenticated")
          .setIssuer(issuer)
          .setExpirationTime("1h")
          .sign(privateKey);
      expect((await call(plans.GET, { token: await sign(`${supabaseUrl}/auth/v1`) })).status).toBe(200);
      expect((await call(plans.GET, { token: await sign("https://someone-else.supabase.co/auth/v1") })).status).toBe(
        401,
      );
    } finally {
      jwks.close();
    }
  });
});
