// npm run faults — the fault campaign (scripts/lib/fault-campaign.ts), on loopback
// only, bounded in time. Prints the table and writes it to bench/results/.
//
//   npm run faults                           200 plans at 30 % faults, 15 in flight, all scenarios,
//                                            after the same 200 plans at 0 % faults (--baseline no skips them)
//   npm run faults -- --plans 30 --fuzz 300  a shorter run
//   npm run faults -- --speed 1 --plans 60 --in-flight 6 --max-days 7 --kill 0 --database 0 --slow 0 --fuzz 0
//                                            the completion-time ratio against a model at its published
//                                            speed (with an instant model, retry delays dominate)
import { mkdir, writeFile } from "node:fs/promises";
import { cpus, hostname } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { z } from "zod";
import { formatReport, runFaultCampaign } from "./lib/fault-campaign";

const count = (fallback: number) => z.coerce.number().int().min(0).max(5_000).default(fallback);
const ArgsSchema = z.object({
  seed: count(1),
  rate: z.coerce.number().min(0).max(1).default(0.3),
  plans: count(200),
  "in-flight": z.coerce.number().int().min(1).max(100).default(15),
  kill: count(10),
  database: count(10),
  slow: count(10),
  fuzz: count(400),
  "max-days": z.coerce.number().int().min(1).max(28).default(28),
  speed: z.coerce.number().min(0).max(100).default(0),
  baseline: z.enum(["yes", "no"]).default("yes"),
});

const { values } = parseArgs({
  options: Object.fromEntries(Object.keys(ArgsSchema.shape).map((name) => [name, { type: "string" as const }])),
});
const parsed = ArgsSchema.safeParse(values);
if (!parsed.success) {
  console.error(`✖ ${parsed.error.issues.map((issue) => `--${issue.path.join(".")}: ${issue.message}`).join("; ")}`);
  process.exit(1);
}
const args = parsed.data;
const options = {
  seed: args.seed,
  faultRate: args.rate,
  plans: args.plans,
  inFlight: args["in-flight"],
  killPlans: args.kill,
  databasePlans: args.database,
  slowPlans: args.slow,
  fuzzRequests: args.fuzz,
  modelSpeed: args.speed,
  faultFreeBaseline: args.baseline === "yes",
  planDeadlineMs: 240_000,
  maxDays: args["max-days"],
  log: (line: string) => console.log(`… ${line}`),
};

const began = new Date();
const report = await runFaultCampaign(options);
const machine = `${hostname()}, ${cpus().length} × ${cpus()[0]?.model ?? "cpu"}, Node ${process.version}`;
const text = `${formatReport(report, options)}\n\nRun ${began.toISOString()} on ${machine}; ${Math.round((Date.now() - began.getTime()) / 1000)} s.\n`;
console.log(`\n${text}`);
const directory = path.join(import.meta.dirname, "..", "bench", "results");
await mkdir(directory, { recursive: true });
const file = path.join(directory, `faults-${began.toISOString().slice(0, 19).replaceAll(":", "")}.md`);
await writeFile(file, `# npm run faults\n\n${text}`);
console.log(`Written to ${path.relative(process.cwd(), file)}`);
