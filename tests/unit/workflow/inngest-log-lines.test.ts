import { afterEach, describe, expect, it, vi } from "vitest";
import { oneLineLogger } from "@/inngest/binding/client";
import { resetEnvForTests } from "@/server/env";
import { expectConsoleError } from "../../support/fail-on-console-error";

describe("Inngest's log lines", () => {
  afterEach(() => {
    delete process.env.LOG_LEVEL;
    resetEnvForTests();
    vi.restoreAllMocks();
  });

  it("are one line each, without the stack, and leave failed attempts to the workflow's own line", () => {
    expectConsoleError(1);
    const error = vi.spyOn(console, "error");
    const debug = vi.spyOn(console, "debug").mockImplementation(() => {});
    const failure = new Error("Claude was overloaded (529) for day 3 (gave up after 6 attempts)");
    oneLineLogger.error({ err: new Error("an attempt") }, "Inngest step error");
    oneLineLogger.error({ err: failure }, "Inngest function error");
    expect(error.mock.calls).toEqual([
      ["[inngest] Inngest function error Error: Claude was overloaded (529) for day 3 (gave up after 6 attempts)"],
    ]);
    expect(debug).not.toHaveBeenCalled();
  });

  it("carry the stack at LOG_LEVEL=debug", () => {
    process.env.LOG_LEVEL = "debug";
    resetEnvForTests();
    const debug = vi.spyOn(console, "debug").mockImplementation(() => {});
    oneLineLogger.error({ err: new Error("an attempt") }, "Inngest step error");
    expect(debug.mock.calls.map((call) => String(call[0]))).toEqual([
      "[inngest] Inngest step error Error: an attempt",
      expect.stringMatching(/^Error: an attempt\n\s+at /),
    ]);
  });
});
