import { inngestConfig } from "@inngest-config";
import { Inngest, type Logger } from "inngest";
import { env } from "@/server/env";
import { redactSecrets } from "@/server/redact";

/**
 * Inngest's own log lines, one line each. The SDK logs every failed step
 * attempt ("Inngest step error") with the error's whole stack; each failed
 * attempt already logs one line of ours (failed-attempt.ts: which days, what
 * they met, when they are tried again), so the SDK's goes to debug. Stacks
 * only at LOG_LEVEL=debug.
 */
export const oneLineLogger: Logger = {
  info: (...args) => console.info(oneLine(args)),
  warn: (...args) => console.warn(oneLine(args)),
  error: (...args) => {
    if (args[1] === "Inngest step error") return oneLineLogger.debug(...args);
    console.error(oneLine(args));
    debugStack(args);
  },
  debug: (...args) => {
    if (env().LOG_LEVEL !== "debug") return;
    console.debug(oneLine(args));
    debugStack(args);
  },
};

function oneLine(args: unknown[]): string {
  const [first, second, ...rest] = args;
  const error = errorOf(first);
  const parts =
    typeof second === "string" && typeof first === "object" && first !== null
      ? [second, error ? `${error.name}: ${error.message}` : JSON.stringify(first), ...rest.map(String)]
      : args.map((arg) => (arg instanceof Error ? `${arg.name}: ${arg.message}` : String(arg)));
  return redactSecrets(`[inngest] ${parts.join(" ")}`);
}

function errorOf(fields: unknown): Error | undefined {
  const err = (fields as { err?: unknown } | null)?.err;
  return err instanceof Error ? err : undefined;
}

function debugStack(args: unknown[]): void {
  const error = errorOf(args[0]) ?? args.find((arg): arg is Error => arg instanceof Error);
  if (error?.stack && env().LOG_LEVEL === "debug") console.debug(redactSecrets(error.stack));
}

/**
 * The Inngest client. Dev mode (INNGEST_DEV=1) talks to `npx inngest-cli dev`;
 * otherwise it is cloud mode, with INNGEST_EVENT_KEY and INNGEST_SIGNING_KEY
 * read by the SDK itself.
 */
export const inngest = new Inngest({
  id: inngestConfig.appId,
  checkpointing: { maxRuntime: inngestConfig.checkpointingMaxRuntime },
  logger: oneLineLogger,
});
