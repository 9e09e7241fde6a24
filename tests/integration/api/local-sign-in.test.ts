import { stat } from "node:fs/promises";
import { afterEach, describe, expect, it } from "vitest";
import * as devSession from "@/app/api/dev/session/route";
import * as plans from "@/app/api/nutrition/plans/route";
import { localSignInKey, MISSING_KEY_MESSAGE } from "@/server/auth/local-sign-in-key";
import { db } from "@/server/database/index";
import { projectPaths } from "@/server/database/local-defaults";
import { resetEnvForTests } from "@/server/env";
import { call, demoCoachToken } from "../../support/api-client";
import { DEMO_ORG_ID } from "../../support/seed-ids";

/** NODE_ENV is typed read-only (Next sets it); tests still need to pretend to be a production build. */
function setEnv(values: Record<string, string | undefined>) {
  for (const [key, value] of Object.entries(values)) {
    if (value === undefined) delete process.env[key];
    else (process.env as Record<string, string>)[key] = value;
  }
  resetEnvForTests();
}

const signIn = (headers: Record<string, string> = {}) =>
  call(devSession.POST, { body: { email: "coach@demo.test", key: localSignInKey() }, headers });

describe("local sign-in is on only when switched on, and only for this machine", () => {
  const saved = { NODE_ENV: process.env.NODE_ENV, LOCAL_AUTH: process.env.LOCAL_AUTH };
  afterEach(() => setEnv({ ...saved, LOCAL_AUTH_UNSAFE: undefined }));

  it("is absent when LOCAL_AUTH is not set, even in development without Supabase settings", async () => {
    setEnv({ NODE_ENV: "development", LOCAL_AUTH: undefined });
    expect((await signIn()).status).toBe(404);
    setEnv({ LOCAL_AUTH: "0" });
    expect((await signIn()).status).toBe(404);
    setEnv({ LOCAL_AUTH: "1" });
    expect((await signIn()).status).toBe(200);
  });

  it("is refused in a production build with LOCAL_AUTH=1 unless LOCAL_AUTH_UNSAFE=1 too", async () => {
    setEnv({ NODE_ENV: "production", LOCAL_AUTH: "1" });
    expect((await signIn()).status).toBe(404);
    setEnv({ LOCAL_AUTH_UNSAFE: "1" });
    expect((await signIn()).status).toBe(200);
  });

  it("is absent beside Supabase Auth whatever LOCAL_AUTH says", async () => {
    setEnv({ LOCAL_AUTH: "1", SUPABASE_URL: "https://project.supabase.co", SUPABASE_ANON_KEY: "anon" });
    try {
      expect((await signIn()).status).toBe(404);
    } finally {
      setEnv({ SUPABASE_URL: undefined, SUPABASE_ANON_KEY: undefined });
    }
  });

  it.each([
    ["127.0.0.1:3000", "127.0.0.1"],
    ["localhost:3000", "127.0.0.1"],
    ["[::1]:3000", "::1"],
    ["127.0.0.1:3000", "::ffff:127.0.0.1"],
  ])("answers at Host %s from %s", async (host, from) => {
    expect((await signIn({ host, "x-forwarded-for": from })).status).toBe(200);
  });

  it.each([
    ["a DNS-rebinding page (its own host name)", { host: "rebind.attacker.example", "x-forwarded-for": "127.0.0.1" }],
    ["a Host naming the machine's public address", { host: "203.0.113.7:3000", "x-forwarded-for": "127.0.0.1" }],
    ["a loopback-looking host name", { host: "127.0.0.1.attacker.example", "x-forwarded-for": "127.0.0.1" }],
    ["a caller on another machine", { host: "127.0.0.1:3000", "x-forwarded-for": "203.0.113.9" }],
    ["a proxy forwarding another machine", { host: "127.0.0.1:3000", "x-forwarded-for": "127.0.0.1, 203.0.113.9" }],
    ["no caller address at all", { host: "127.0.0.1:3000", "x-forwarded-for": "" }],
  ])("refuses %s with 403", async (_, headers) => {
    const response = await signIn(headers);
    expect(response.status).toBe(403);
    expect(response.json.error).toMatch(/^Local sign-in answers only/);
    expect(response.headers.get("set-cookie")).toBeNull();
  });

  it("refuses a loopback caller without the sign-in link's key, or with a wrong one", async () => {
    for (const body of [{ email: "coach@demo.test" }, { email: "coach@demo.test", key: "not-the-key" }]) {
      const refused = await call(devSession.POST, { body });
      expect(refused.status).toBe(403);
      expect(refused.json.error).toBe(MISSING_KEY_MESSAGE);
      expect(refused.headers.get("set-cookie")).toBeNull();
    }
  });

  it("keeps the key in a file only the server's user can read", async () => {
    localSignInKey();
    const { mode } = await stat(projectPaths().localSignInKeyFile);
    expect(mode & 0o777).toBe(0o600);
  });

  it("no longer honours local tokens once local sign-in is switched off", async () => {
    const token = await demoCoachToken();
    expect((await call(plans.GET, { token })).status).toBe(200);
    setEnv({ LOCAL_AUTH: undefined });
    const refused = await call(plans.GET, { token });
    expect(refused.status).toBe(401);
    expect(refused.json.error).toBe("Sign-in is not configured on this server");
  });

  it("signing out ends the session on the server, not only in the browser", async () => {
    const signedIn = await signIn();
    const cookie = (signedIn.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
    const token = String(signedIn.json.access_token);
    expect((await call(plans.GET, { cookie })).status).toBe(200);
    expect((await call(devSession.DELETE, { cookie, method: "DELETE" })).status).toBe(200);
    // The token a script or another tab kept is refused from now on.
    const refused = await call(plans.GET, { token });
    expect(refused.status).toBe(401);
    expect(refused.json.error).toBe("The session has ended; sign in again");
    expect((await call(plans.GET, { cookie })).status).toBe(401);
  });

  it("never signs in a real person's account, even one in an org", async () => {
    const [user] = await db()<{ id: string }[]>`
      insert into auth.users (id, email, aud, role) values (gen_random_uuid(), 'real.person@example.com', 'authenticated', 'authenticated')
      returning id`;
    await db()`insert into org_members (org_id, user_id) values (${DEMO_ORG_ID}, ${user?.id ?? ""})`;
    const realPerson = { email: "real.person@example.com", key: localSignInKey() };
    expect((await call(devSession.POST, { body: realPerson })).status).toBe(401);
  });
});
