import { PHASE_DEVELOPMENT_SERVER, PHASE_PRODUCTION_BUILD } from "next/constants";
import { NextRequest } from "next/server";
import { afterEach, describe, expect, it } from "vitest";
import { config, proxy } from "@/proxy";
import { resetEnvForTests } from "@/server/env";
import nextConfig from "../../../next.config";

/** The policy's directives by name. */
function directives(policy: string | null): Map<string, string[]> {
  return new Map(
    (policy ?? "")
      .split(";")
      .map((part) => part.trim().split(/\s+/))
      .filter((words) => words[0])
      .map(([name = "", ...values]) => [name, values]),
  );
}

async function fixedHeadersFor(phase: string): Promise<Record<string, string>> {
  const rules = (await nextConfig(phase).headers?.()) ?? [];
  expect(rules.map((rule) => rule.source)).toEqual(["/:path*"]);
  return Object.fromEntries((rules[0]?.headers ?? []).map(({ key, value }) => [key.toLowerCase(), value]));
}

/** Would Next's proxy run for this path? (the matcher as Next compiles it: the whole path must match) */
function proxyRunsFor(path: string): boolean {
  return config.matcher.some((pattern) => new RegExp(`^${pattern}$`).test(path));
}

describe("security headers", () => {
  afterEach(() => {
    delete process.env.SUPABASE_URL;
    resetEnvForTests();
  });

  it("every path gets nosniff, no framing, a referrer policy and HSTS in a production build", async () => {
    const headers = await fixedHeadersFor(PHASE_PRODUCTION_BUILD);
    expect(headers["x-content-type-options"]).toBe("nosniff");
    expect(headers["x-frame-options"]).toBe("DENY");
    expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
    expect(headers["strict-transport-security"]).toMatch(/^max-age=63072000; includeSubDomains$/);
  });

  it("no HSTS from next dev (it would pin localhost to HTTPS)", async () => {
    const headers = await fixedHeadersFor(PHASE_DEVELOPMENT_SERVER);
    expect(headers["strict-transport-security"]).toBeUndefined();
    expect(headers["x-content-type-options"]).toBe("nosniff");
  });

  it("the proxy runs for pages and API routes, not for the build's static files", () => {
    for (const path of ["/", "/plans", "/plans/abc", "/sign-in", "/shared/token", "/api/nutrition/plans"]) {
      expect(proxyRunsFor(path), path).toBe(true);
    }
    expect(proxyRunsFor("/_next/static/chunks/main.js")).toBe(false);
  });

  it("a page gets a strict policy with a fresh nonce, on the response and on the request Next renders", () => {
    const first = proxy(new NextRequest("http://127.0.0.1:3000/plans"));
    const second = proxy(new NextRequest("http://127.0.0.1:3000/plans"));
    const policy = first.headers.get("content-security-policy");
    const parsed = directives(policy);
    const nonce = parsed.get("script-src")?.find((value) => value.startsWith("'nonce-"));
    expect(nonce).toMatch(/^'nonce-[A-Za-z0-9+/]{22}=='$/);
    expect(second.headers.get("content-security-policy")).not.toContain(nonce);
    expect(parsed.get("script-src")).toEqual(["'self'", nonce, "'strict-dynamic'"]);
    expect(parsed.get("script-src")).not.toContain("'unsafe-inline'");
    expect(parsed.get("style-src")).toEqual(["'self'", nonce]);
    expect(parsed.get("frame-ancestors")).toEqual(["'none'"]);
    expect(parsed.get("object-src")).toEqual(["'none'"]);
    expect(parsed.get("base-uri")).toEqual(["'none'"]);
    expect(parsed.get("connect-src")).toEqual(["'self'"]);
    // Next.js reads the nonce from the request's own policy header (x-middleware-request-*).
    expect(first.headers.get("x-middleware-request-content-security-policy")).toBe(policy);
  });

  it("lets the browser reach the Supabase project when sign-in goes there", () => {
    process.env.SUPABASE_URL = "https://project.supabase.co/";
    resetEnvForTests();
    const policy = proxy(new NextRequest("http://127.0.0.1:3000/sign-in")).headers.get("content-security-policy");
    expect(directives(policy).get("connect-src")).toEqual(["'self'", "https://project.supabase.co"]);
  });

  it("an API answer may load nothing and be framed nowhere", () => {
    const response = proxy(new NextRequest("http://127.0.0.1:3000/api/nutrition/plans"));
    const parsed = directives(response.headers.get("content-security-policy"));
    expect(parsed.get("default-src")).toEqual(["'none'"]);
    expect(parsed.get("frame-ancestors")).toEqual(["'none'"]);
  });
});
