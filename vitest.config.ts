import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

// The same aliases as tsconfig.json's paths.
const alias = {
  "@": fileURLToPath(new URL("./src", import.meta.url)),
  "@inngest-config": fileURLToPath(new URL("./inngest.config.ts", import.meta.url)),
};

// Three projects: pure unit tests start nothing; integration tests share one
// embedded PostgreSQL per run (global setup) and each file gets its own database
// cloned from a migrated template (tests/support/setup-database.ts); the fault
// campaign's short form starts its own servers and runs last, alone, so it
// neither slows the others on two cores nor is slowed by them.
export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        resolve: { alias },
        test: {
          name: "unit",
          include: ["tests/unit/**/*.test.ts"],
          setupFiles: ["tests/support/fail-on-console-error.ts"],
          sequence: { groupOrder: 0 },
        },
      },
      {
        resolve: { alias },
        test: {
          name: "integration",
          include: [
            "tests/integration/**/*.test.ts",
            // .ci/run's check that a failing run exits non-zero (see tests/canary).
            ...(process.env.EXIT_CODE_CANARY === "1" ? ["tests/canary/*.test.ts"] : []),
          ],
          globalSetup: ["tests/support/global-database.ts"],
          setupFiles: ["tests/support/fail-on-console-error.ts", "tests/support/setup-database.ts"],
          testTimeout: 30_000,
          hookTimeout: 60_000,
          sequence: { groupOrder: 0 },
        },
      },
      {
        resolve: { alias },
        test: {
          name: "faults",
          include: ["tests/faults/**/*.test.ts"],
          setupFiles: ["tests/support/fail-on-console-error.ts"],
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
