import { PlanInputError } from "@/generation/intake/plan-input-error";
import { ModelCallError, type ModelCallErrorKind } from "@/generation/model/model-call-error";
import type { GenerationError, GenerationErrorCode } from "@/generation/shared/generation-error";
import { FinalError } from "./final-error";
import type { RetryKind } from "./retry-policy";

/**
 * Turns what went wrong in a step into the error the engine acts on:
 * a FinalError stops at once; any other error is an attempt that may be
 * tried again, when retry-policy.ts decides (the fault beside it says what
 * kind of failure it was, and how long the provider asked to wait). Messages
 * are written for the coach (they become generation_error) and name the days
 * concerned.
 */
export function stepFailure(error: unknown, days: string): Error {
  if (error instanceof ModelCallError) {
    const message = `${error.message} for ${days}`;
    const fault: StepFault = { days, fault: modelCallFaultLabel(error), kind: retryKindOf(error.kind) };
    if (error.retryAfterMs !== undefined) fault.retryAfterMs = error.retryAfterMs;
    return withFault(error.retryable ? new Error(message) : new FinalError(message), fault);
  }
  if (error instanceof PlanInputError) return new FinalError(error.message);
  return error instanceof Error ? error : new Error(String(error));
}

/** A parse or validation problem with the model's answer: worth asking again, at once. */
export function answerFailure(error: GenerationError, days: string): Error {
  return withFault(new Error(`${error.message} for ${days}`), {
    days,
    fault: ANSWER_FAULT_LABELS[error.code],
    kind: "answer",
  });
}

/**
 * What one failed attempt of a step was, in a few words, and for which days:
 * the pieces of a run's failure summary ("days 3-4: 529 overloaded ×2, timed
 * out ×2"), and what the retry schedule needs to know about it. Kept beside
 * the error in memory (the engine may wrap or rethrow it), recorded on the
 * plan as each attempt fails, and built only from status codes and kinds, so
 * it can hold neither a key nor prompt text.
 */
export type StepFault = { days: string; fault: string; kind: RetryKind; retryAfterMs?: number };

function retryKindOf(kind: ModelCallErrorKind): RetryKind {
  switch (kind) {
    case "rate_limited":
      return "rate_limited";
    case "overloaded":
    case "server_error":
      return "overloaded";
    case "timeout":
    case "connection":
      return "timeout";
    default:
      return "other";
  }
}

const faults = new WeakMap<object, StepFault>();

function withFault<E extends Error>(error: E, fault: StepFault): E {
  faults.set(error, fault);
  return error;
}

/** The short fault an attempt failed with, when a step said which days it concerned. */
export function stepFaultOf(error: unknown): StepFault | undefined {
  return typeof error === "object" && error !== null ? faults.get(error) : undefined;
}

function modelCallFaultLabel(error: ModelCallError): string {
  const status = error.status === undefined ? "" : `${error.status} `;
  switch (error.kind) {
    case "rate_limited":
      return `${status}rate limited`;
    case "overloaded":
      return `${status}overloaded`;
    case "server_error":
      return `${status}server error`;
    case "timeout":
      return "timed out";
    case "connection":
      return "connection failed";
    default:
      return `${status}${error.kind.replaceAll("_", " ")}`;
  }
}

const ANSWER_FAULT_LABELS: Record<GenerationErrorCode, string> = {
  truncated: "answer cut off",
  refused: "model refused",
  no_json: "no JSON in answer",
  invalid_json: "malformed JSON",
  invalid_shape: "answer not in the plan shape",
  wrong_days: "wrong days",
  empty_day: "empty day",
  implausible_calories: "implausible calories",
  zero_calories: "zero calories",
  unreachable_calories: "calorie target unreachable",
};

/**
 * One line per group of days that failed, each attempt's fault counted in
 * order of first appearance: "days 3-4: 529 overloaded ×2, timed out ×2;
 * day 7: malformed JSON ×4". Empty when no attempt recorded a fault.
 */
export function summariseStepFaults(attempts: readonly Pick<StepFault, "days" | "fault">[]): string {
  const byDays = new Map<string, Map<string, number>>();
  for (const { days, fault } of attempts) {
    const counts = byDays.get(days) ?? new Map<string, number>();
    counts.set(fault, (counts.get(fault) ?? 0) + 1);
    byDays.set(days, counts);
  }
  return [...byDays]
    .map(([days, counts]) => {
      const listed = [...counts].map(([fault, count]) => (count > 1 ? `${fault} ×${count}` : fault));
      return `${days}: ${listed.join(", ")}`;
    })
    .join("; ");
}

export function describeDays(days: readonly number[]): string {
  if (days.length === 1) return `day ${days[0]}`;
  const first = days[0];
  const last = days[days.length - 1];
  const contiguous = days.every((day, index) => index === 0 || day === (days[index - 1] ?? 0) + 1);
  return contiguous ? `days ${first}-${last}` : `days ${days.join(", ")}`;
}

/**
 * The words that mark a model step refused because its run no longer holds
 * the plan: in the message, because on Inngest the error crosses step.invoke
 * serialised and keeps neither its class nor its name.
 */
export const RUN_NOT_CURRENT = "the run no longer holds the plan";

/**
 * A model step's run is no longer the plan's generating run (a newer start,
 * a cancel, the plan completed or failed since, or an old run rerun from a
 * step): no model call is made, and nothing is worth retrying.
 */
export function runNotCurrent(days: string): FinalError {
  return new FinalError(
    `No model call for ${days}: ${RUN_NOT_CURRENT} (superseded, cancelled, or settled since it began)`,
  );
}

/** Whether an error (or one it wraps, as Inngest's step errors do) is runNotCurrent's. */
export function isRunNotCurrent(error: unknown): boolean {
  for (let current = error, depth = 0; current && depth < 5; depth++) {
    const { message, cause } = current as { message?: unknown; cause?: unknown };
    if (typeof message === "string" && message.includes(RUN_NOT_CURRENT)) return true;
    current = cause;
  }
  return false;
}
