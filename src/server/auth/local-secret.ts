import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { projectPaths } from "@/server/database/local-defaults";

/**
 * The secret that signs local sign-in tokens: random per install, kept in
 * .data/ (git-ignored), created on first use. Only used when no Supabase
 * project is configured.
 */
let cached: Uint8Array | undefined;

export function localJwtSecret(file = projectPaths().localSecretFile): Uint8Array {
  if (cached) return cached;
  if (!existsSync(file)) {
    mkdirSync(path.dirname(file), { recursive: true });
    try {
      writeFileSync(file, randomBytes(32).toString("hex"), { mode: 0o600, flag: "wx" });
    } catch (error) {
      // Another process created it first: use theirs.
      if ((error as { code?: string }).code !== "EEXIST") throw error;
    }
  }
  cached = new TextEncoder().encode(readFileSync(file, "utf8").trim());
  return cached;
}
