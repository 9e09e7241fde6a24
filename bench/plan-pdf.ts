// npm run bench:pdf — how long the plan PDF takes, and how many pages it has.
//
// Generates a 7-day and a 28-day plan with the offline planner (real
// PostgreSQL, the embedded one unless DATABASE_URL is set: give
// EMBEDDED_DATABASE_PORT a port of your own if another checkout runs one),
// then calls the PDF route handler as the seeded coach ROUNDS times per plan:
// the whole request (auth, the plan read, the layout, the bytes). The first
// call of the process is reported on its own (module and font set-up). Pages
// are counted by parsing the PDF (unpdf). Target (issue 27): a 7-day plan in
// under 2 s, at most 6 pages. Results also go to bench/results/; with
// PDF_OUT=<folder>, each plan's PDF is written there to look at.
import { mkdir, writeFile } from "node:fs/promises";
import { cpus, hostname, loadavg } from "node:os";
import { extractText, getDocumentProxy } from "unpdf";
import * as pdfRoute from "@/app/api/nutrition/plans/[planId]/pdf/route";
import { closeDatabase } from "@/server/database/index";
import { prepareDatabase } from "@/server/database/local-database";
import { env, resetEnvForTests } from "@/server/env";
import { demoCoachToken } from "../tests/support/api-client";
import { offlineGeneratedPlan } from "./lib/offline-plan";

const ROUNDS = 20;

process.env.LOCAL_AUTH = "1";
delete process.env.ANTHROPIC_API_KEY;
const database = await prepareDatabase({ databaseUrl: env().DATABASE_URL });
process.env.DATABASE_URL = database.url;
resetEnvForTests();

const token = await demoCoachToken();
async function download(planId: string): Promise<{ ms: number; bytes: Uint8Array }> {
  const started = performance.now();
  const request = new Request("http://127.0.0.1/pdf", { headers: { authorization: `Bearer ${token}` } });
  const response = await pdfRoute.GET(request, { params: Promise.resolve({ planId }) });
  const bytes = new Uint8Array(await response.arrayBuffer());
  const ms = performance.now() - started;
  if (response.status !== 200) throw new Error(`PDF: ${response.status} ${new TextDecoder().decode(bytes)}`);
  return { ms, bytes };
}

const percentile = (values: number[], p: number) =>
  [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor((values.length * p) / 100))] ?? 0;

const rows: string[] = [];
let first: number | undefined;
for (const days of [7, 28]) {
  const planId = await offlineGeneratedPlan(`bench: ${days}-day PDF`, days);
  const timings: number[] = [];
  let last: Uint8Array = new Uint8Array();
  for (let round = 0; round < ROUNDS; round++) {
    const { ms, bytes } = await download(planId);
    if (first === undefined) first = ms;
    else timings.push(ms);
    last = bytes;
  }
  const size = last.byteLength;
  if (process.env.PDF_OUT) await writeFile(`${process.env.PDF_OUT}/plan-${days}-days.pdf`, last);
  const { totalPages } = await extractText(await getDocumentProxy(last), { mergePages: true });
  rows.push(
    `${String(days).padStart(4)}   ${String(totalPages).padStart(5)}   ${String(Math.round(size / 1024)).padStart(6)}   ${percentile(timings, 50).toFixed(0).padStart(6)}   ${percentile(timings, 95).toFixed(0).padStart(6)}   ${Math.max(
      ...timings,
    )
      .toFixed(0)
      .padStart(6)}`,
  );
}

const lines = [
  `Plan PDF, route handler in-process (auth, plan read, layout with jsPDF), ${ROUNDS} calls per plan, 4 meals a day`,
  `machine: ${hostname()}, ${cpus().length} × ${cpus()[0]?.model ?? "cpu"}, load average ${loadavg()
    .map((load) => load.toFixed(1))
    .join(" ")} (a shared machine); ${new Date().toISOString()}`,
  "",
  `first call of the process: ${first?.toFixed(0)} ms`,
  "",
  "days   pages   KiB      p50 ms   p95 ms   max ms",
  ...rows,
];
console.log(lines.join("\n"));
await mkdir("bench/results", { recursive: true });
const file = `bench/results/plan-pdf-${new Date().toISOString().slice(0, 16).replace(":", "")}-${hostname()}.md`;
await writeFile(file, `\`\`\`\n${lines.join("\n")}\n\`\`\`\n`);
console.log(`\nwritten to ${file}`);
await closeDatabase();
await database.embedded?.stop();
