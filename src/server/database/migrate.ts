import { createHash } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import type { Database } from "./connection";

/**
 * Applies supabase/migrations/*.sql in file-name order, each in its own
 * transaction, recording them in supabase_migrations.schema_migrations, the same
 * table the Supabase CLI uses, so `supabase db push` and this runner agree on
 * what has been applied. Small on purpose: the well-known runners either want
 * their own file layout or their own driver, and these files must stay exactly
 * as Supabase expects them.
 */

const MIGRATION_FILE = /^(\d{14})_([a-z0-9_]+)\.sql$/;
// Any constant works; it only has to be the same for every runner of this project.
const MIGRATION_LOCK_KEY = 746_382_001;

export type MigrationResult = { applied: string[]; skipped: string[]; compatibilityLayer: boolean };

export type MigrateOptions = {
  migrationsDir: string;
  compatibilityFile: string;
  seedFile?: string;
};

export async function isSupabaseProject(sql: Database): Promise<boolean> {
  const [row] = await sql<{ supabase: boolean }[]>`
    select exists (select 1 from pg_roles where rolname = 'supabase_admin') as supabase`;
  return row?.supabase ?? false;
}

export async function migrate(sql: Database, options: MigrateOptions): Promise<MigrationResult> {
  const files = (await readdir(options.migrationsDir)).filter((name) => name.endsWith(".sql")).sort();
  const misnamed = files.filter((name) => !MIGRATION_FILE.test(name));
  if (misnamed.length > 0) {
    throw new Error(`Migration files must be named <14-digit timestamp>_<snake_case>.sql: ${misnamed.join(", ")}`);
  }

  const connection = await sql.reserve();
  try {
    // Two processes (dev server and a test run, say) must not migrate at once.
    await connection`select pg_advisory_lock(${MIGRATION_LOCK_KEY})`;

    const compatibilityLayer = !(await isSupabaseProject(connection));
    if (compatibilityLayer) {
      await connection.unsafe(await readFile(options.compatibilityFile, "utf8"));
    }

    await connection.unsafe(`
      create schema if not exists supabase_migrations;
      create table if not exists supabase_migrations.schema_migrations (
        version text primary key, statements text[], name text
      );
      alter table supabase_migrations.schema_migrations add column if not exists checksum text;
    `);
    const recorded = await connection<{ version: string; checksum: string | null }[]>`
      select version, checksum from supabase_migrations.schema_migrations`;
    const checksums = new Map(recorded.map((row) => [row.version, row.checksum]));

    const applied: string[] = [];
    const skipped: string[] = [];
    for (const file of files) {
      const [, version = "", name = ""] = MIGRATION_FILE.exec(file) ?? [];
      const text = await readFile(path.join(options.migrationsDir, file), "utf8");
      const checksum = createHash("sha256").update(text).digest("hex");
      if (checksums.has(version)) {
        const previous = checksums.get(version);
        if (previous && previous !== checksum) {
          throw new Error(
            `Migration ${file} changed after it was applied. Add a new migration instead, or run \`npm run db:reset\` on a local database.`,
          );
        }
        skipped.push(file);
        continue;
      }
      await connection.unsafe("begin");
      try {
        await connection.unsafe(text);
        await connection`
          insert into supabase_migrations.schema_migrations (version, name, statements, checksum)
          values (${version}, ${name}, ${[text]}, ${checksum})`;
        await connection.unsafe("commit");
      } catch (error) {
        await connection.unsafe("rollback");
        throw new Error(`Migration ${file} failed: ${(error as Error).message}`);
      }
      applied.push(file);
    }

    if (options.seedFile) {
      // supabase/seed.sql is idempotent (ON CONFLICT DO NOTHING), so it runs every time.
      await connection.unsafe("begin");
      try {
        await connection.unsafe(await readFile(options.seedFile, "utf8"));
        await connection.unsafe("commit");
      } catch (error) {
        await connection.unsafe("rollback");
        throw new Error(`Seed ${path.basename(options.seedFile)} failed: ${(error as Error).message}`);
      }
    }
    return { applied, skipped, compatibilityLayer };
  } finally {
    await connection`select pg_advisory_unlock(${MIGRATION_LOCK_KEY})`.catch(() => undefined);
    connection.release();
  }
}
