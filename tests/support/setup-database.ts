import { randomUUID } from "node:crypto";
import { afterAll, inject } from "vitest";
import { connect } from "@/server/database/connection";
import { closeDatabase } from "@/server/database/index";
import { resetEnvForTests } from "@/server/env";

/**
 * Gives this test file its own database, cloned from the migrated and seeded
 * template, and points the app's DATABASE_URL at it before any test imports run.
 */
const { adminUrl, template } = inject("testDatabase");
const name = `test_${randomUUID().replaceAll("-", "").slice(0, 16)}`;

const admin = connect(adminUrl, { maxConnections: 1 });
// Concurrent clones of one template can collide briefly; retry a few times.
for (let attempt = 1; ; attempt++) {
  try {
    await admin.unsafe(`create database ${name} template ${template}`);
    break;
  } catch (error) {
    if (attempt >= 5) throw error;
    await new Promise((resolve) => setTimeout(resolve, 100 * attempt));
  }
}

const url = new URL(adminUrl);
url.pathname = `/${name}`;
process.env.DATABASE_URL = url.toString();
// Files that test other behaviours start many plans as one coach within
// seconds; spend limits at their shipped sizes are tests/integration/api/spend-limits.test.ts's.
process.env.SPEND_LIMIT_SCALE ??= "1000";
// The tests sign in as the seeded coaches with local tokens, which are honoured only while local sign-in is on.
process.env.LOCAL_AUTH ??= "1";
resetEnvForTests();

afterAll(async () => {
  await closeDatabase();
  await admin.unsafe(`drop database if exists ${name} with (force)`);
  await admin.end();
});
