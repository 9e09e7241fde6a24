// Starts the embedded PostgreSQL on argv[2] (data directory) and argv[3] (port),
// prints "ready", then waits to be killed: a server process that dies without
// stopping its database, for the crash tests.
import { startEmbeddedPostgres } from "@/server/database/embedded-postgres";

const [dataDir, port] = process.argv.slice(2);
await startEmbeddedPostgres({ dataDir: dataDir ?? "", port: Number(port), ephemeral: true });
process.stdout.write("ready\n");
setInterval(() => {}, 1 << 30);
