import path from "node:path";
import { EdgeRuntime } from "edge-runtime";
import { build, type Plugin } from "esbuild";
import { beforeAll, describe, expect, it } from "vitest";

/**
 * The proxy (src/proxy.ts) runs as a Netlify edge function, where Node's
 * globals (Buffer, process, __dirname) may not exist. Here it is bundled for
 * an edge runtime (esbuild with the edge conditions, `next/server` as Next
 * aliases it for edge code: the request and response classes) and run in
 * the `edge-runtime` package's VM (Vercel's, the Web APIs only), and its
 * answers' headers are checked there.
 */

const root = path.resolve(import.meta.dirname, "../../..");

/** `next/server` for edge code: NextRequest and NextResponse, without Node's server internals. */
const nextServerForEdge: Plugin = {
  name: "next-server-for-edge",
  setup(builder) {
    builder.onResolve({ filter: /^next\/server$/ }, () => ({ path: "next/server", namespace: "edge" }));
    builder.onLoad({ filter: /.*/, namespace: "edge" }, () => ({
      contents: `export { NextRequest } from "next/dist/esm/server/web/spec-extension/request";
                 export { NextResponse } from "next/dist/esm/server/web/spec-extension/response";`,
      resolveDir: root,
    }));
  },
};

const ENTRY = `
import { NextRequest } from "next/server";
import { proxy } from "@/proxy";
globalThis.runProxy = async (url) => {
  const response = proxy(new NextRequest(url));
  return JSON.stringify({ status: response.status, headers: Object.fromEntries(response.headers) });
};`;

type Answer = { status: number; headers: Record<string, string> };
let runtime: EdgeRuntime;

async function proxied(url: string): Promise<Answer> {
  return JSON.parse(await runtime.evaluate<Promise<string>>(`runProxy(${JSON.stringify(url)})`)) as Answer;
}

beforeAll(async () => {
  const bundle = await build({
    stdin: { contents: ENTRY, resolveDir: root, loader: "ts", sourcefile: "edge-entry.ts" },
    bundle: true,
    format: "iife",
    platform: "browser",
    conditions: ["edge-light", "worker", "browser"],
    tsconfig: path.join(root, "tsconfig.json"),
    plugins: [nextServerForEdge],
    // What Next inlines into edge code: the environment it was built with.
    define: { "process.env": JSON.stringify({ NODE_ENV: "production" }) },
    write: false,
    logLevel: "silent",
  });
  runtime = new EdgeRuntime();
  runtime.evaluate(bundle.outputFiles[0]?.text ?? "");
}, 60_000);

describe("the proxy in an edge runtime", () => {
  it("runs where Node's Buffer and process do not exist", async () => {
    expect(await runtime.evaluate("typeof Buffer")).toBe("undefined");
    expect(await runtime.evaluate("typeof process")).toBe("undefined");
  });

  it("gives a page a policy with a fresh 128-bit nonce, on the response and on the request Next renders", async () => {
    const [first, second] = [
      await proxied("http://127.0.0.1:3000/plans"),
      await proxied("http://127.0.0.1:3000/plans"),
    ];
    const policy = first.headers["content-security-policy"] ?? "";
    const nonce = /'nonce-([A-Za-z0-9+/=]+)'/.exec(policy)?.[1] ?? "";
    expect(atob(nonce)).toHaveLength(16);
    expect(policy).toContain(`script-src 'self' 'nonce-${nonce}' 'strict-dynamic'`);
    expect(first.headers["x-middleware-request-content-security-policy"]).toBe(policy);
    expect(second.headers["content-security-policy"]).not.toBe(policy);
  });

  it("gives an API answer the load-nothing policy", async () => {
    const answer = await proxied("http://127.0.0.1:3000/api/health");
    expect(answer.headers["content-security-policy"]).toBe(
      "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
    );
  });

  it("answers a path whose percent-encoding does not decode 400, with the security headers", async () => {
    const answer = await proxied("http://127.0.0.1:3000/plans/%ZZ");
    expect(answer.status).toBe(400);
    expect(answer.headers).toMatchObject({
      "content-security-policy": "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
      "x-content-type-options": "nosniff",
      "x-frame-options": "DENY",
      "referrer-policy": "strict-origin-when-cross-origin",
      "strict-transport-security": "max-age=63072000; includeSubDomains",
    });
  });
});
