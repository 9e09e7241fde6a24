import { describe, expect, it } from "vitest";
import { type RuntimeNotice, runtimeNotices } from "@/ui/shell/runtime-notices";
import { DEFAULT_AFTER_SIGN_IN, safeNextPath, signInPathFor } from "@/ui/shell/safe-next-path";

describe("where sign-in leads", () => {
  it("back to a page on this site", () => {
    expect(safeNextPath("/plans/123")).toBe("/plans/123");
    expect(safeNextPath("/plans?tab=all")).toBe("/plans?tab=all");
  });

  it("to the plans list for anything that could leave the site or loop", () => {
    for (const next of [undefined, null, "", "plans", "https://evil.test", "//evil.test", "/\\evil.test", "/sign-in"]) {
      expect(safeNextPath(next)).toBe(DEFAULT_AFTER_SIGN_IN);
    }
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
