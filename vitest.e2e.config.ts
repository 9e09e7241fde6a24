import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

// The same aliases as tsconfig.json's paths.
const alias = {
  "@": fileURLToPath(new URL("./src", import.meta.url)),
  "@inngest-config": fileURLToPath(new URL("./inngest.config.ts", import.meta.url)),
};

// Browser tests: a real Chromium (Debian's, driven by playwright-core) against
// `next start` of the production build, on the same embedded PostgreSQL setup
// as the integration tests. Run by `npm run test:e2e` after `next build`.
export default defineConfig({
  resolve: { alias },
  test: {
    name: "e2e",
    include: ["tests/e2e/**/*.test.ts"],
    globalSetup: ["tests/support/global-database.ts"],
    setupFiles: ["tests/support/setup-database.ts"],
    testTimeout: 90_000,
    hookTimeout: 120_000,
    // One browser and one server at a time: the machines have two cores.
    fileParallelism: false,
  },
});
