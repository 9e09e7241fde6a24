import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import { describeDatabaseUrl } from "@/server/database/connection";
import { prepareDatabase } from "@/server/database/local-database";
import { env } from "@/server/env";
import { exitOnKnownError } from "./fail";

/**
 * `npm run dev` and `npm start`: bring the database up (embedded unless
 * DATABASE_URL is set), migrate and seed it, then run Next.js with it; Ctrl-C
 * stops both.
 */
export async function runNext(command: "dev" | "start", extraEnv: Record<string, string> = {}) {
  try {
    const configuration = env();
    const database = await prepareDatabase({
      databaseUrl: configuration.DATABASE_URL,
      log: (line) => console.log(line),
    });
    const port = String(env().PORT);
    const nextBin = createRequire(import.meta.url).resolve("next/dist/bin/next");
    const child = spawn(process.execPath, [nextBin, command, "--port", port], {
      stdio: "inherit",
      env: {
        ...process.env,
        ...extraEnv,
        DATABASE_URL: database.url,
        NEXT_TELEMETRY_DISABLED: "1",
      },
    });

    console.log(`\n  Database  ${describeDatabaseUrl(database.url)}`);
    console.log(`  App       http://localhost:${port}`);
    console.log("  Sign in   coach@demo.test or coach@other.test (local sign-in, no password)\n");

    // Idempotent: Ctrl-C or a supervisor may deliver several signals at once,
    // and a second one must not cut the first cleanup short.
    let shuttingDown: Promise<void> | undefined;
    const shutdown = (code: number) => {
      shuttingDown ??= (async () => {
        child.kill("SIGTERM");
        await database.embedded?.stop();
        process.exit(code);
      })();
      return shuttingDown;
    };
    process.on("SIGINT", () => void shutdown(0));
    process.on("SIGTERM", () => void shutdown(0));
    child.on("exit", (code) => void shutdown(code ?? 0));
  } catch (error) {
    exitOnKnownError(error);
  }
}
