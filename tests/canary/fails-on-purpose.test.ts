import { describe, expect, it } from "vitest";

/**
 * Run only by .ci/run (EXIT_CODE_CANARY=1), in the integration project, so the
 * embedded PostgreSQL's exit hook is loaded as in `npm test`: this run must
 * exit non-zero, or a failing `npm test` could pass CI.
 */
describe("the test runner's exit code", () => {
  it("is non-zero when a test fails (this one fails on purpose)", () => {
    expect("a failing test").toBe("reported as a failure");
  });
});
