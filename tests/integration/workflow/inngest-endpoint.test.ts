import { createHmac } from "node:crypto";
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { resetEnvForTests } from "@/server/env";

/**
 * The /api/inngest endpoint in cloud mode (signing key set, no dev server):
 * a sync must be signed, and the URL it registers is INNGEST_SERVE_ORIGIN's,
 * whatever Host the request names. Inngest's API is a loopback stub that
 * records what the SDK registers.
 */
const SIGNING_KEY = `signkey-test-${"ab".repeat(32)}`;
const SERVE_ORIGIN = "https://meals.example";

let inngestApi: Server;
const registered: { url?: string }[] = [];
let route: typeof import("@/app/api/inngest/route");
const saved = { ...process.env };

beforeAll(async () => {
  inngestApi = createServer((request: IncomingMessage, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      if (request.url?.startsWith("/fn/register")) registered.push(JSON.parse(Buffer.concat(chunks).toString("utf8")));
      response.writeHead(200, { "content-type": "application/json" });
      response.end(JSON.stringify({ ok: true, modified: true }));
    });
  });
  await new Promise<void>((resolve) => inngestApi.listen(0, "127.0.0.1", resolve));
  Object.assign(process.env, {
    GENERATION_RUNNER: "inngest",
    INNGEST_EVENT_KEY: "test-event-key",
    INNGEST_SIGNING_KEY: SIGNING_KEY,
    INNGEST_BASE_URL: `http://127.0.0.1:${(inngestApi.address() as AddressInfo).port}`,
    INNGEST_SERVE_ORIGIN: SERVE_ORIGIN,
  });
  delete process.env.INNGEST_DEV;
  resetEnvForTests();
  vi.resetModules();
  route = await import("@/app/api/inngest/route");
});

afterAll(async () => {
  for (const key of [
    "GENERATION_RUNNER",
    "INNGEST_EVENT_KEY",
    "INNGEST_SIGNING_KEY",
    "INNGEST_BASE_URL",
    "INNGEST_SERVE_ORIGIN",
  ]) {
    if (saved[key] === undefined) delete process.env[key];
    else process.env[key] = saved[key];
  }
  resetEnvForTests();
  await new Promise((resolve) => inngestApi.close(resolve));
});

/** Inngest's request signature: HMAC-SHA256 of body + timestamp with the key (prefix removed). */
function signature(body: string): string {
  const timestamp = String(Math.round(Date.now() / 1000));
  const key = SIGNING_KEY.replace(/^signkey-\w+-/, "");
  return `t=${timestamp}&s=${createHmac("sha256", key)
    .update(body + timestamp)
    .digest("hex")}`;
}

function sync(headers: Record<string, string>): Promise<Response> {
  const request = new Request("http://rebind.attacker.example/api/inngest", {
    method: "PUT",
    headers: { host: "rebind.attacker.example", "content-type": "application/json", ...headers },
    body: "{}",
  });
  return (route.PUT as unknown as (request: Request, context: unknown) => Promise<Response>)(request, {
    params: Promise.resolve({}),
  });
}

describe("the Inngest endpoint", () => {
  it("refuses an unsigned sync, and registers nothing", async () => {
    const logged = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const response = await sync({});
    // The SDK logs the failed check (and nothing else).
    expect(logged.mock.calls.flat().map(String).join(" ")).toMatch(/signature/i);
    logged.mockRestore();
    expect(response.status).toBe(401);
    expect(registered).toEqual([]);
  });

  it("refuses a sync signed with another key", async () => {
    const logged = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const forged = signature("{}").replace(/s=\w+/, `s=${"0".repeat(64)}`);
    expect((await sync({ "x-inngest-signature": forged })).status).toBe(401);
    expect(logged.mock.calls.flat().map(String).join(" ")).toMatch(/signature/i);
    logged.mockRestore();
    expect(registered).toEqual([]);
  });

  it("registers INNGEST_SERVE_ORIGIN's URL for a signed sync, never the Host the request names", async () => {
    const response = await sync({ "x-inngest-signature": signature("{}") });
    expect(response.status).toBe(200);
    expect(registered.map((body) => body.url)).toEqual([`${SERVE_ORIGIN}/api/inngest`]);
  });
});
