// npm run db:start — the embedded PostgreSQL (or DATABASE_URL), migrated and
// seeded, kept running until Ctrl-C.
import { describeDatabaseUrl } from "@/server/database/connection";
import { prepareDatabase } from "@/server/database/local-database";
import { env } from "@/server/env";
import { exitOnKnownError } from "./lib/fail";

try {
  const database = await prepareDatabase({ databaseUrl: env().DATABASE_URL, log: (line) => console.log(line) });
  console.log(`Database ready at ${describeDatabaseUrl(database.url)}`);
  if (database.embedded?.startedHere) {
    console.log("Embedded PostgreSQL is running; press Ctrl-C to stop it.");
    const stop = async () => {
      await database.embedded?.stop();
      process.exit(0);
    };
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
    setInterval(() => {}, 1 << 30);
  }
} catch (error) {
  exitOnKnownError(error);
}
