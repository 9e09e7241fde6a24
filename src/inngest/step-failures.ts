import { NonRetriableError, RetryAfterError } from "inngest";
import { PlanInputError } from "@/generation/intake/plan-input-error";
import { ModelCallError } from "@/generation/model/model-call-error";
import type { GenerationError } from "@/generation/shared/generation-error";

/**
 * Turns what went wrong in a step into the error the engine acts on:
 * NonRetriableError stops at once, RetryAfterError waits as the provider
 * asked, a plain Error is retried with backoff. Messages are written for the
 * coach (they become generation_error) and name the days concerned.
 */
export function stepFailure(error: unknown, days: string): Error {
  if (error instanceof ModelCallError) {
    const message = `${error.message} for ${days}`;
    if (!error.retryable) return new NonRetriableError(message);
    if (error.retryAfterMs !== undefined) return new RetryAfterError(message, Math.max(1_000, error.retryAfterMs));
    return new Error(message);
  }
  if (error instanceof PlanInputError) return new NonRetriableError(error.message);
  return error instanceof Error ? error : new Error(String(error));
}

/** A parse or validation problem with the model's answer: worth asking again. */
export function answerFailure(error: GenerationError, days: string): Error {
  return new Error(`${error.message} for ${days}`);
}

export function describeDays(days: readonly number[]): string {
  if (days.length === 1) return `day ${days[0]}`;
  const first = days[0];
  const last = days[days.length - 1];
  const contiguous = days.every((day, index) => index === 0 || day === (days[index - 1] ?? 0) + 1);
  return contiguous ? `days ${first}-${last}` : `days ${days.join(", ")}`;
}

export function isFinal(error: unknown): boolean {
  return error instanceof NonRetriableError || (error as { name?: string } | null)?.name === "NonRetriableError";
}

/** Milliseconds a RetryAfterError asks to wait (it stores whole seconds, or an ISO date). */
export function retryAfterMs(error: unknown): number | undefined {
  if (!(error instanceof RetryAfterError)) return undefined;
  const value = error.retryAfter;
  if (/^\d+$/.test(value)) return Number(value) * 1_000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}
