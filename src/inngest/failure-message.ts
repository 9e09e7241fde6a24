import { redactSecrets } from "@/server/redact";

/**
 * The coach-facing generation_error for a run that gave up: the step's own
 * message (it names what failed and for which days), how many attempts were
 * made when retries ran out, secrets redacted, length capped.
 */
export function failureMessage(error: { name?: string; message?: string } | undefined, attempts: number): string {
  const base = (error?.message ?? "").trim() || "Generation failed for an unknown reason";
  const finalAtOnce = error?.name === "NonRetriableError";
  const text = finalAtOnce || attempts <= 1 ? base : `${base} (gave up after ${attempts} attempts)`;
  return redactSecrets(text).slice(0, 500);
}
