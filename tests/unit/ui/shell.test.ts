import { describe, expect, it } from "vitest";
import { type RuntimeNotice, runtimeNotices } from "@/ui/shell/runtime-notices";
import { DEFAULT_AFTER_SIGN_IN, safeNextPath, signInPathFor } from "@/ui/shell/safe-next-path";

describe("where sign-in leads", () => {
  const origin = "http://127.0.0.1:3000";

  it("back to a page on this site", () => {
    expect(safeNextPath("/plans/123", origin)).toBe("/plans/123");
    expect(safeNextPath("/plans?tab=all", origin)).toBe("/plans?tab=all");
    expect(safeNextPath("/plans/new#intake", origin)).toBe("/plans/new#intake");
    expect(safeNextPath("/plans/123")).toBe("/plans/123");
  });

  // Each of these, followed as the browser parses it, leaves the site, runs
  // script, or loops back to sign-in.
  it.each([
    ["nothing", undefined],
    ["null", null],
    ["an empty value", ""],
    ["a relative path", "plans"],
    ["an absolute URL of another origin", "https://evil.test/plans"],
    ["an absolute URL of this host on another scheme", "https://127.0.0.1:3000/plans"],
    ["a protocol-relative URL", "//evil.test"],
    ["a backslash after the slash", "/\\evil.test"],
    ["two backslashes", "/\\\\evil.test"],
    ["a tab after the first slash", "/\t/evil.test"],
    ["a newline after the first slash", "/\n/evil.test"],
    ["a carriage return after the first slash", "/\r/evil.test"],
    ["a tab and a backslash", "/\t\\evil.test"],
    ["the reported form (a tab, then host and path)", "/\t/127.0.0.1:8299/stats"],
    ["a path that normalises to a protocol-relative one", "/.//evil.test"],
    ["a dot-dot path that normalises to a protocol-relative one", "/x/..//evil.test"],
    ["javascript:", "javascript:alert(document.cookie)"],
    ["data:", "data:text/html,<script>alert(1)</script>"],
    ["credentials in a protocol-relative URL", "//user:pass@evil.test"],
    ["the sign-in page", "/sign-in"],
    ["the sign-in page with a query", "/sign-in?next=/plans"],
    ["the sign-in page with a trailing slash", "/sign-in/"],
  ])("to the plans list for %s", (_, next) => {
    expect(safeNextPath(next, origin)).toBe(DEFAULT_AFTER_SIGN_IN);
  });

  it("reads percent-encoded forms as the path they are, never as a host", () => {
    // %2F%09%2F… is how the hostile form arrives in the query string; the page
    // hands the decoded value to safeNextPath, and an encoded form that stays
    // encoded is a path segment on this site.
    const decoded = new URLSearchParams("next=%2F%09%2F127.0.0.1%3A8299%2Fstats").get("next");
    expect(safeNextPath(decoded, origin)).toBe(DEFAULT_AFTER_SIGN_IN);
    for (const encoded of ["/%2F%2Fevil.test", "/%5Cevil.test", "/%09/evil.test", "/%2e%2e//evil.test"]) {
      const safe = safeNextPath(encoded, origin);
      expect(new URL(safe, origin).origin).toBe(origin);
      expect(safe.startsWith("//")).toBe(false);
    }
  });

  it("answers a clean path, never the raw input", () => {
    expect(safeNextPath("/plans/\t1\n23", origin)).toBe("/plans/123");
  });

  it("is carried in the sign-in address only when it is not the default", () => {
    expect(signInPathFor("/plans/abc")).toBe("/sign-in?next=%2Fplans%2Fabc");
    expect(signInPathFor("/plans")).toBe("/sign-in");
  });
});

/** The parts of a remedy shown as code: what the coach's admin types exactly. */
const codeIn = (notice: RuntimeNotice | undefined) =>
  notice?.remedy.flatMap((part) => (typeof part === "string" ? [] : [part.code])) ?? [];
const textOf = (notice: RuntimeNotice | undefined) =>
  notice?.remedy.map((part) => (typeof part === "string" ? part : part.code)).join("") ?? "";

describe("the runtime banner", () => {
  it("says nothing when Claude and Inngest are both in use", () => {
    expect(runtimeNotices({ planner: "claude", runner: "inngest" })).toEqual([]);
  });

  it("names ANTHROPIC_API_KEY, as code, when the offline planner is in use", () => {
    const notices = runtimeNotices({ planner: "offline", runner: "inngest" });
    expect(notices.map((notice) => notice.id)).toEqual(["planner"]);
    expect(codeIn(notices[0])).toEqual(["ANTHROPIC_API_KEY"]);
    expect(textOf(notices[0])).toBe("Set ANTHROPIC_API_KEY to generate with Claude.");
  });

  it("names both ways to get Inngest, each setting and command as code, when the inline runner is in use", () => {
    const notices = runtimeNotices({ planner: "claude", runner: "inline" });
    expect(codeIn(notices[0])).toEqual([
      "INNGEST_DEV=1",
      "npx inngest-cli@latest dev",
      "INNGEST_EVENT_KEY",
      "INNGEST_SIGNING_KEY",
    ]);
    expect(textOf(notices[0])).toMatch(
      /^Set INNGEST_DEV=1 and run .* or set INNGEST_EVENT_KEY and INNGEST_SIGNING_KEY/,
    );
  });

  it("lists both stand-ins on the embedded default", () => {
    expect(runtimeNotices({ planner: "offline", runner: "inline" }).map((notice) => notice.id)).toEqual([
      "planner",
      "runner",
    ]);
  });
});
