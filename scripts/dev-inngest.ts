// npm run dev:inngest — the app in Inngest dev mode beside the Inngest dev
// server (`npx inngest-cli@latest dev`, fetched on demand: needs the internet).
// The dashboard at http://localhost:8288 shows each run's steps and can replay
// failed runs.
import { spawn } from "node:child_process";
import { env } from "@/server/env";
import { runNext } from "./lib/run-next";

const port = String(env().PORT);
const inngestCli = spawn(
  "npx",
  ["--yes", "inngest-cli@latest", "dev", "--no-discovery", "-u", `http://127.0.0.1:${port}/api/inngest`],
  {
    stdio: "inherit",
  },
);
inngestCli.on("exit", (code) => {
  if (code !== 0) {
    console.error(
      "\n✖ The Inngest dev server stopped. It is downloaded on demand by `npx inngest-cli@latest`, which needs the internet; without it, use `npm run dev` (inline runner).\n",
    );
  }
});
process.once("exit", () => inngestCli.kill("SIGTERM"));

await runNext("dev", { INNGEST_DEV: "1", GENERATION_RUNNER: "inngest" });
