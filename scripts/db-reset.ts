// npm run db:reset — rebuilds the embedded database from scratch: drop, migrate, seed.
import { connect } from "@/server/database/connection";
import { startEmbeddedPostgres } from "@/server/database/embedded-postgres";
import { migrateAndSeed } from "@/server/database/local-database";
import { projectPaths } from "@/server/database/local-defaults";
import { env } from "@/server/env";
import { exitOnKnownError } from "./lib/fail";

try {
  if (env().DATABASE_URL) {
    console.error(
      "✖ db:reset only rebuilds the embedded database; it never drops a DATABASE_URL database. Unset DATABASE_URL to reset the embedded one.",
    );
    process.exit(1);
  }
  const server = await startEmbeddedPostgres({
    dataDir: projectPaths().embeddedDataDir,
    port: env().EMBEDDED_DATABASE_PORT,
  });
  const admin = connect(server.url("template1"), { maxConnections: 1 });
  await admin.unsafe("drop database if exists postgres with (force)");
  await admin.unsafe("create database postgres");
  await admin.end();
  const sql = connect(server.url(), { maxConnections: 1 });
  const result = await migrateAndSeed(sql);
  await sql.end();
  console.log(`Database rebuilt: ${result.applied.length} migration(s) applied and supabase/seed.sql loaded.`);
  await server.stop();
} catch (error) {
  exitOnKnownError(error);
}
