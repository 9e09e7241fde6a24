import { afterEach, beforeEach, vi } from "vitest";

// An unexpected console.error is a bug: a test that expects one must say so
// with `expectConsoleError()` before the code under test runs.
let allowed = 0;
let unexpected: unknown[][] = [];
let spy: { mockRestore(): void } | undefined;

export function expectConsoleError(count = 1) {
  allowed += count;
}

beforeEach(() => {
  allowed = 0;
  unexpected = [];
  spy = vi.spyOn(console, "error").mockImplementation((...args: unknown[]) => {
    if (allowed > 0) {
      allowed -= 1;
      return;
    }
    unexpected.push(args);
  });
});

afterEach(() => {
  spy?.mockRestore();
  if (unexpected.length > 0) {
    throw new Error(`Unexpected console.error:\n${unexpected.map((args) => args.map(String).join(" ")).join("\n")}`);
  }
});
