import { afterAll, describe, expect, it } from "vitest";
import { localSignInKey } from "@/server/auth/local-sign-in-key";
import { db } from "@/server/database/index";
import { type AppServerProcess, startAppServer } from "../../support/app-server-process";

/**
 * Signing out of local sign-in lasts: the token goes on a denylist in
 * PostgreSQL, so another instance refuses it at once and a restarted server
 * still does (the denylist was in each process's memory: a restart forgot
 * it, another instance never knew). Two real server processes on this
 * file's database.
 */

const running: AppServerProcess[] = [];
afterAll(async () => {
  await Promise.all(running.map((server) => server.stop()));
});

async function started(): Promise<AppServerProcess> {
  const server = await startAppServer();
  running.push(server);
  return server;
}

const listPlans = (server: AppServerProcess, token: string) =>
  fetch(`${server.baseUrl}/api/nutrition/plans`, { headers: { authorization: `Bearer ${token}` } });

describe("signing out", () => {
  it("ends the token on every instance, and after a restart", async () => {
    const [first, second] = await Promise.all([started(), started()]);
    if (!first || !second) throw new Error("no servers");
    const signIn = await fetch(`${first.baseUrl}/api/dev/session`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email: "coach@demo.test", key: localSignInKey() }),
    });
    expect(signIn.status).toBe(200);
    const token = String(((await signIn.json()) as { access_token: string }).access_token);
    // Both instances honour it (and remember it as verified).
    expect((await listPlans(first, token)).status).toBe(200);
    expect((await listPlans(second, token)).status).toBe(200);

    const signOut = await fetch(`${first.baseUrl}/api/dev/session`, {
      method: "DELETE",
      headers: { authorization: `Bearer ${token}` },
    });
    expect(signOut.status).toBe(200);
    // The other instance, which never saw the sign-out.
    const elsewhere = await listPlans(second, token);
    expect(elsewhere.status).toBe(401);
    expect(((await elsewhere.json()) as { error: string }).error).toBe("The session has ended; sign in again");

    // A restart forgets nothing.
    await first.stop();
    const restarted = await started();
    expect((await listPlans(restarted, token)).status).toBe(401);
  }, 120_000);

  it("keeps a signed-out token only until it would have expired", async () => {
    await db()`insert into signed_out_tokens (token_id, expires_at) values ('expired-token-id', now() - interval '1 minute')`;
    const server = await started();
    const signIn = await fetch(`${server.baseUrl}/api/dev/session`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email: "coach@demo.test", key: localSignInKey() }),
    });
    const token = String(((await signIn.json()) as { access_token: string }).access_token);
    await fetch(`${server.baseUrl}/api/dev/session`, {
      method: "DELETE",
      headers: { authorization: `Bearer ${token}` },
    });
    const ids = await db()<{ token_id: string }[]>`select token_id from signed_out_tokens`;
    expect(ids.map((row) => row.token_id)).not.toContain("expired-token-id");
    expect(ids.length).toBeGreaterThan(0);
  }, 120_000);
});
