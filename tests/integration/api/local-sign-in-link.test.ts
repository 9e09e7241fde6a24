import net from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { localSignInKey, MISSING_KEY_MESSAGE } from "@/server/auth/local-sign-in-key";
import { type AppServerProcess, startAppServer } from "../../support/app-server-process";

/**
 * Local sign-in behind a forwarder: a loopback TCP forwarder (what `ssh -L`,
 * socat or nginx's default `proxy_pass` amount to) makes every client look
 * like this machine to the loopback check (Host 127.0.0.1, the caller's
 * address the forwarder's). The server (the app's route handlers in their
 * own process, as the fault campaign runs them) must still refuse anyone
 * without the sign-in link's key, and let in whoever has it.
 */

let app: AppServerProcess;
let forwarder: net.Server;
let forwarded: string;

beforeAll(async () => {
  app = await startAppServer();
  forwarder = net.createServer((client) => {
    const upstream = net.connect(app.port, "127.0.0.1");
    client.pipe(upstream).pipe(client);
    const close = () => {
      client.destroy();
      upstream.destroy();
    };
    client.on("error", close);
    upstream.on("error", close);
  });
  await new Promise<void>((resolve) => forwarder.listen(0, "127.0.0.1", resolve));
  const address = forwarder.address();
  forwarded = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;
}, 90_000);

afterAll(async () => {
  await app?.stop();
  await new Promise<void>((resolve) => (forwarder ? forwarder.close(() => resolve()) : resolve()));
});

const signIn = (body: Record<string, unknown>) =>
  fetch(`${forwarded}/api/dev/session`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });

describe("local sign-in through a loopback TCP forwarder", () => {
  it("refuses a caller without the key, or with a wrong one", async () => {
    const without = await signIn({ email: "coach@demo.test" });
    expect(without.status).toBe(403);
    expect(((await without.json()) as { error: string }).error).toBe(MISSING_KEY_MESSAGE);
    expect(without.headers.get("set-cookie")).toBeNull();

    expect((await signIn({ email: "coach@demo.test", key: "guessed" })).status).toBe(403);
  });

  it("lets in whoever has the key from the link (or the file only the server's user reads)", async () => {
    const response = await signIn({ email: "coach@demo.test", key: localSignInKey() });
    expect(response.status).toBe(200);
    expect(((await response.json()) as { access_token?: string }).access_token).toMatch(/^ey/);
  });
});
