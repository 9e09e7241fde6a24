import { env } from "../env";
import { connect, type Database, describeDatabaseUrl } from "./connection";
import { type RunningPostgres, startEmbeddedPostgres } from "./embedded-postgres";
import { projectPaths } from "./local-defaults";
import { isSupabaseProject, migrate } from "./migrate";

export class DatabaseUnreachableError extends Error {
  override name = "DatabaseUnreachableError";
}

/** Fails with one line (no password, no stack) when the database does not answer. */
export async function assertReachable(url: string): Promise<void> {
  const sql = connect(url, { maxConnections: 1 });
  try {
    await sql`select 1`;
  } catch (error) {
    const reason = (error as { code?: string }).code ?? (error as Error).message;
    throw new DatabaseUnreachableError(
      `Cannot reach the database at ${describeDatabaseUrl(url)} (${reason}). Check DATABASE_URL, or unset it to use the embedded PostgreSQL.`,
    );
  } finally {
    await sql.end({ timeout: 1 }).catch(() => undefined);
  }
}

/**
 * Waits (at most `timeoutMs`) until the embedded server has finished crash
 * recovery and takes writes: the app's pool, and the runs it resumes at
 * once, must not open connections to a server still replaying its log.
 */
export async function awaitRecoveryDone(url: string, timeoutMs = 30_000): Promise<void> {
  const sql = connect(url, { maxConnections: 1 });
  const deadline = Date.now() + timeoutMs;
  try {
    while (true) {
      const [row] = await sql<{ recovering: boolean }[]>`select pg_is_in_recovery() as recovering`.catch(() => [
        { recovering: true },
      ]);
      if (!row?.recovering) return;
      if (Date.now() > deadline) {
        throw new DatabaseUnreachableError(
          `The database at ${describeDatabaseUrl(url)} was still recovering after ${timeoutMs / 1000} s.`,
        );
      }
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  } finally {
    await sql.end({ timeout: 1 }).catch(() => undefined);
  }
}

/** Applies the compatibility layer, migrations and seed, unless the target is a Supabase project. */
export async function migrateAndSeed(sql: Database, root = process.cwd()) {
  const paths = projectPaths(root);
  if (await isSupabaseProject(sql)) {
    // Production schema changes go through `supabase db push`, never an app start.
    return { applied: [], skipped: [], compatibilityLayer: false, supabase: true } as const;
  }
  const result = await migrate(sql, {
    migrationsDir: paths.migrationsDir,
    compatibilityFile: paths.compatibilityFile,
    seedFile: paths.seedFile,
  });
  return { ...result, supabase: false } as const;
}

export type PreparedDatabase = { url: string; embedded: RunningPostgres | undefined };

/**
 * The database for dev, start and the demo: DATABASE_URL when set, else the
 * embedded PostgreSQL (started, or reused if already running), migrated and seeded.
 */
export async function prepareDatabase(options: {
  databaseUrl: string | undefined;
  log?: (line: string) => void;
  root?: string;
}): Promise<PreparedDatabase> {
  const root = options.root ?? process.cwd();
  let embedded: RunningPostgres | undefined;
  let url = options.databaseUrl;
  if (!url) {
    embedded = await startEmbeddedPostgres({
      dataDir: projectPaths(root).embeddedDataDir,
      port: env().EMBEDDED_DATABASE_PORT,
      ...(options.log ? { notice: options.log } : {}),
    });
    url = embedded.url();
  }
  await assertReachable(url);
  if (embedded) await awaitRecoveryDone(url);
  const sql = connect(url, { maxConnections: 1 });
  try {
    const result = await migrateAndSeed(sql, root);
    if (result.supabase) {
      options.log?.("Supabase project detected: not migrating (use `supabase db push`).");
    } else if (result.applied.length > 0) {
      options.log?.(`Applied ${result.applied.length} migration(s): ${result.applied.join(", ")}`);
    }
  } finally {
    await sql.end({ timeout: 2 });
  }
  return { url, embedded };
}
