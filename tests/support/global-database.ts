import { chmod, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { connect } from "@/server/database/connection";
import { startEmbeddedPostgres } from "@/server/database/embedded-postgres";
import { migrateAndSeed } from "@/server/database/local-database";
import { freePort } from "../../scripts/lib/free-port";

/**
 * One real PostgreSQL per test run, on a free loopback port, with a template
 * database that is migrated and seeded once. Each test file clones it
 * (setup-database.ts), which takes milliseconds and keeps files independent.
 */

export const TEMPLATE_DATABASE = "meal_plans_template";

// The embedded-postgres package registers async-exit-hook, which answers Node's
// beforeExit by calling process.exit(0): that would overwrite the failing exit
// code vitest sets when a test fails, and a red run would exit 0. Keep vitest's
// verdict. .ci/run proves it with a run that fails on purpose (tests/canary).
let verdict: number | undefined;
process.on("beforeExit", () => {
  verdict ??= Number(process.exitCode ?? 0);
});
process.on("exit", () => {
  if (verdict) process.exitCode = verdict;
});

declare module "vitest" {
  export interface ProvidedContext {
    testDatabase: { adminUrl: string; template: string };
  }
}

export default async function setup(project: TestProject) {
  const directory = await mkdtemp(path.join(tmpdir(), "meal-plans-test-"));
  // The unprivileged postgres user must be able to enter it.
  await chmod(directory, 0o755);
  const server = await startEmbeddedPostgres({
    dataDir: path.join(directory, "data"),
    port: await freePort(),
    ephemeral: true,
  });

  try {
    const admin = connect(server.url(), { maxConnections: 1 });
    await admin.unsafe(`create database ${TEMPLATE_DATABASE}`);
    await admin.end();
    const template = connect(server.url(TEMPLATE_DATABASE), { maxConnections: 1 });
    try {
      await migrateAndSeed(template);
    } finally {
      await template.end();
    }
  } catch (error) {
    // A half-started run must not leave PostgreSQL holding the test process open.
    await server.stop();
    await rm(directory, { recursive: true, force: true });
    throw error;
  }

  project.provide("testDatabase", { adminUrl: server.url(), template: TEMPLATE_DATABASE });

  return async () => {
    await server.stop();
    await rm(directory, { recursive: true, force: true });
  };
}
