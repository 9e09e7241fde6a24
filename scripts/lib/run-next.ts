import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import { supabaseAuthConfigured } from "@/server/auth/auth-mode";
import { localSignInLink, newLocalSignInKey } from "@/server/auth/local-sign-in-key";
import { describeDatabaseUrl } from "@/server/database/connection";
import { prepareDatabase } from "@/server/database/local-database";
import { env } from "@/server/env";
import { exitOnKnownError } from "./fail";
import { listenAddress } from "./listen-address";

/**
 * `npm run dev` and `npm start`: bring the database up (embedded unless
 * DATABASE_URL is set), migrate and seed it, then run Next.js with it; Ctrl-C
 * stops both, the app first (its inline runs get a moment to reach a step
 * boundary, NEXT_MANUAL_SIG_HANDLE), then the database.
 */
export async function runNext(command: "dev" | "start", extraEnv: Record<string, string> = {}) {
  try {
    const configuration = env();
    const database = await prepareDatabase({
      databaseUrl: configuration.DATABASE_URL,
      log: (line) => console.log(line),
    });
    const port = String(env().PORT);
    const listen = listenAddress(configuration, command);
    const nextBin = createRequire(import.meta.url).resolve("next/dist/bin/next");
    const hostnameArgs = listen.hostname ? ["--hostname", listen.hostname] : [];
    // A new key at each start, before the server reads it: the link printed below is the way in.
    const signInKey = listen.localSignIn ? newLocalSignInKey() : undefined;
    const child = spawn(process.execPath, [nextBin, command, "--port", port, ...hostnameArgs], {
      stdio: "inherit",
      env: {
        ...process.env,
        ...listen.env,
        ...extraEnv,
        DATABASE_URL: database.url,
        NEXT_TELEMETRY_DISABLED: "1",
        // The app handles SIGTERM itself (inline runs stop at a step boundary),
        // and `next dev` waits for it instead of killing it after 100 ms.
        NEXT_MANUAL_SIG_HANDLE: "1",
        NEXT_EXIT_TIMEOUT_MS: "6000",
      },
    });

    console.log(`\n  Database  ${describeDatabaseUrl(database.url)}`);
    console.log(`  App       http://${listen.browseHost}:${port}`);
    console.log(
      signInKey
        ? `  Sign in   ${localSignInLink(`http://${listen.browseHost}:${port}`, signInKey)}\n` +
            "            as coach@demo.test or coach@other.test (local sign-in: no password, this link and this machine only;\n" +
            "            scripts read the key from .data/local-sign-in-key)\n"
        : supabaseAuthConfigured(configuration)
          ? "  Sign in   with Supabase Auth\n"
          : "  Sign in   not possible: local sign-in is off and Supabase Auth is not configured\n",
    );
    if (listen.warning) console.warn(`  ⚠ ${listen.warning}\n`);

    // Idempotent: Ctrl-C or a supervisor may deliver several signals at once,
    // and a second one must not cut the first cleanup short.
    let shuttingDown: Promise<void> | undefined;
    const shutdown = (code: number) => {
      shuttingDown ??= (async () => {
        if (child.exitCode === null && child.signalCode === null) {
          const exited = new Promise((resolve) => child.once("exit", resolve));
          child.kill("SIGTERM");
          // The app stops its runs within its grace period; never wait forever.
          await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 10_000))]);
        }
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
