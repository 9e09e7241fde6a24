import { redactSecrets } from "@/server/redact";

/**
 * The coach-facing generation_error for a run that gave up: the step's own
 * message (it names what failed and for which days), how many attempts were
 * made when retries ran out, then, when the engine kept them (the inline
 * runner does; Inngest's onFailure sees only the last error), what every
 * attempt of every failing group of days met ("days 3-4: 529 overloaded ×2,
 * timed out ×2"). Secrets redacted, length capped.
 */
export function failureMessage(
  error: { name?: string; message?: string } | undefined,
  attempts: number,
  attemptSummary = "",
): string {
  const base = (error?.message ?? "").trim() || "Generation failed for an unknown reason";
  const finalAtOnce = error?.name === "NonRetriableError";
  const text = finalAtOnce || attempts <= 1 ? base : `${base} (gave up after ${attempts} attempts)`;
  const withAttempts = attemptSummary ? `${text}. Attempts: ${attemptSummary}` : text;
  return redactSecrets(withAttempts).slice(0, 500);
}
