import { describe, expect, it } from "vitest";
import { runtimeNotices } from "@/ui/shell/runtime-notices";
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

describe("the runtime banner", () => {
  it("says nothing when Claude and Inngest are both in use", () => {
    expect(runtimeNotices({ planner: "claude", runner: "inngest" })).toEqual([]);
  });

  it("names ANTHROPIC_API_KEY when the offline planner is in use", () => {
    const notices = runtimeNotices({ planner: "offline", runner: "inngest" });
    expect(notices.map((notice) => notice.id)).toEqual(["planner"]);
    expect(notices[0]?.remedies.join(" ")).toContain("ANTHROPIC_API_KEY");
  });

  it("names both ways to get Inngest when the inline runner is in use", () => {
    const notices = runtimeNotices({ planner: "claude", runner: "inline" });
    const text = notices[0]?.remedies.join(" ") ?? "";
    expect(text).toContain("INNGEST_DEV=1");
    expect(text).toContain("npx inngest-cli@latest dev");
    expect(text).toContain("INNGEST_EVENT_KEY");
    expect(text).toContain("INNGEST_SIGNING_KEY");
  });

  it("lists both stand-ins on the embedded default", () => {
    expect(runtimeNotices({ planner: "offline", runner: "inline" }).map((notice) => notice.id)).toEqual([
      "planner",
      "runner",
    ]);
  });
});
