import { inngestConfig } from "@inngest-config";
import { z } from "zod";

/**
 * Every environment variable the app reads, parsed once with zod. Empty strings
 * count as unset (a blank line in .env must not switch a feature on). Nothing
 * else in src/ reads process.env directly, apart from NEXT_RUNTIME, which
 * Next.js sets per bundle (src/instrumentation.ts). .env.example and the
 * README's configuration table document each key (tests/unit/env-docs.test.ts).
 */

/** A blank value (an empty line in .env) is the same as no value. */
function optional<T extends z.ZodType>(schema: T) {
  return z.preprocess(
    (value) => (typeof value === "string" && value.trim() === "" ? undefined : value),
    schema.optional(),
  );
}

const optionalString = optional(z.string().trim());

const flag = optional(z.enum(["0", "1", "true", "false"], { message: 'use "1" or "0"' })).transform(
  (value) => value === "1" || value === "true",
);

const url = z.url({ message: "must be a URL" });

export const EnvSchema = z.object({
  // Set by Next.js (next dev: development; next build / next start: production) and vitest (test).
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  // Port for `npm run dev` / `npm start`.
  PORT: optional(z.coerce.number().int().min(1).max(65535)).default(3000),

  // Database: unset means the embedded PostgreSQL on 127.0.0.1:EMBEDDED_DATABASE_PORT.
  DATABASE_URL: optional(z.string().regex(/^postgres(ql)?:\/\//, "must start with postgres:// or postgresql://")),
  // Port of the embedded PostgreSQL (used only when DATABASE_URL is unset); change it to run two checkouts side by side.
  EMBEDDED_DATABASE_PORT: optional(z.coerce.number().int().min(1024).max(65535)).default(54322),
  DATABASE_POOL_MAX: optional(z.coerce.number().int().min(1).max(100)).default(10),

  // Model: unset key means the offline planner.
  ANTHROPIC_API_KEY: optionalString,
  ANTHROPIC_BASE_URL: optional(url),
  ANTHROPIC_MODEL_SHORT_PLANS: optionalString,
  ANTHROPIC_MODEL_LONG_PLANS: optionalString,

  // Workflow engine.
  GENERATION_RUNNER: optional(z.enum(["inline", "inngest"])),
  INNGEST_DEV: optionalString,
  INNGEST_EVENT_KEY: optionalString,
  INNGEST_SIGNING_KEY: optionalString,
  INNGEST_BASE_URL: optional(url),
  // The origin registered with Inngest; unset, APP_URL's (else the SDK builds it from the request's Host header).
  INNGEST_SERVE_ORIGIN: optional(url),
  // Seconds one workflow step may take; 0 = no limit (long-running hosts). Default inngest.config.ts's (20).
  GENERATION_STEP_BUDGET_SECONDS: optional(z.coerce.number().min(0).max(900)).default(
    inngestConfig.stepBudget.defaultSeconds,
  ),
  // A plan's own steps (not its model calls) executing at once; default inngest.config.ts's (28).
  GENERATION_PER_PLAN_CONCURRENCY: optional(z.coerce.number().int().min(1).max(1000)),
  // Steps executing at once across the account (model calls); Inngest's free plan allows 5.
  GENERATION_MAX_CONCURRENT_MODEL_CALLS: optional(z.coerce.number().int().min(1).max(1000)),
  // "debug" adds the stack of each workflow error to its one log line (src/inngest/binding/client.ts).
  LOG_LEVEL: optional(z.enum(["debug", "info"])).default("info"),
  // Model calls one organisation may have executing at once; default inngest.config.ts's (3 of the 5).
  GENERATION_MAX_CONCURRENT_MODEL_CALLS_PER_ORG: optional(z.coerce.number().int().min(1).max(1000)),
  // "two": the original route's two passes (pass two learns from pass one); "one": variety planned up front, one wave.
  GENERATION_WAVES: optional(z.enum(["one", "two"], { message: 'use "one" or "two"' })).default("two"),
  // A generating plan with no sign of life for this long is failed and may be
  // restarted. Longer than Inngest's start + finish timeouts (5 + 20 minutes).
  GENERATION_STALE_AFTER_MINUTES: optional(z.coerce.number().int().min(1).max(1440)).default(30),

  // Spend limits (src/server/spend-limits.ts). Model tokens (input, output and
  // cache) one org's runs may use per UTC day before new runs are refused; 0 = no budget.
  ORG_DAILY_TOKEN_BUDGET: optional(z.coerce.number().int().min(0).max(1e12)).default(2_000_000),
  // Multiplies every spend limit's burst and refill rate (load tests and benchmarks raise it); 1 = as designed.
  SPEND_LIMIT_SCALE: optional(z.coerce.number().positive().max(1_000_000)).default(1),

  // The app's public origin (https://your-site.netlify.app): share links are
  // built on it and a cookie-signed write must name it as its Origin (scheme
  // and host). Unset, the request's own origin (src/server/http/app-origin.ts).
  APP_URL: optional(url.refine((value) => /^https?:$/.test(new URL(value).protocol), "must be an http(s) URL")),
  // 1: a proxy in front sets X-Forwarded-Host / X-Forwarded-Proto and strips a
  // client's own; only then are they taken as the request's origin (APP_URL unset).
  TRUST_FORWARDED_HOST: flag,

  // Auth: Supabase in production, local sign-in otherwise.
  SUPABASE_URL: optional(url),
  SUPABASE_ANON_KEY: optionalString,
  SUPABASE_JWT_SECRET: optionalString,
  // Local passwordless sign-in as a seeded coach: only when switched on (1),
  // never with Supabase Auth, and in a production build only with
  // LOCAL_AUTH_UNSAFE=1 as well. `npm run dev` / `npm start` switch it on for
  // the machine they run on; unset stays unset here (they tell it from "0").
  LOCAL_AUTH: optional(z.enum(["0", "1", "true", "false"], { message: 'use "1" or "0"' })).transform((value) =>
    value === undefined ? undefined : value === "1" || value === "true",
  ),
  LOCAL_AUTH_UNSAFE: flag,

  // Set by `npm run dev` / `npm start`: Next.js leaves SIGTERM to the app, so
  // inline runs can stop at a step boundary before the process exits.
  NEXT_MANUAL_SIG_HANDLE: flag,
  // Interface `npm run dev` / `npm start` listen on: 127.0.0.1 while local
  // (passwordless) sign-in is on, all interfaces otherwise.
  HOSTNAME: optionalString,
});

export type Env = z.infer<typeof EnvSchema>;

export class EnvError extends Error {
  override name = "EnvError";
}

/** Parses an environment; throws one readable message listing every bad field (values never echoed). */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = EnvSchema.safeParse(source);
  if (!result.success) {
    const lines = result.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`);
    throw new EnvError(`Invalid environment configuration:\n${lines.join("\n")}`);
  }
  return result.data;
}

let cached: Env | undefined;

/** The process environment, parsed on first use and then reused. */
export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

/** Tests change process.env between files; this forgets the parsed copy. */
export function resetEnvForTests(): void {
  cached = undefined;
}
