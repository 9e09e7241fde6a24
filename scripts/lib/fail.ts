import { DatabaseStartupError } from "@/server/database/embedded-postgres";
import { DatabaseUnreachableError } from "@/server/database/local-database";
import { EnvError } from "@/server/env";

/** Known configuration problems end the script with their one-line message, not a stack trace. */
export function exitOnKnownError(error: unknown): never {
  if (error instanceof DatabaseStartupError || error instanceof DatabaseUnreachableError || error instanceof EnvError) {
    console.error(`\n✖ ${error.message}\n`);
  } else {
    console.error(error);
  }
  process.exit(1);
}
