import { type GenerationError, generationError } from "@/generation/shared/generation-error";
import { describeZodIssues } from "@/generation/shared/zod-issues";
import { extractRootJson } from "./extract-root-json";
import { type ModelPlan, ModelPlanSchema } from "./model-plan";
import type { ModelReply } from "./model-port";

export type ParseReplyResult = { ok: true; plan: ModelPlan } | { ok: false; error: GenerationError };

/**
 * Turn a model reply into a ModelPlan for exactly `expectedDays`, or a
 * retryable GenerationError saying what was wrong. Never throws, whatever the
 * text. Order of checks: truncation (a cut-off answer is never trusted), then
 * JSON (whole text, then ```json fences stripped, then the original route's
 * extractRootJson for prose-wrapped answers), then shape, then day numbers.
 */
export function parseModelReply(
  reply: Pick<ModelReply, "text" | "stopReason">,
  expectedDays: readonly number[],
): ParseReplyResult {
  const text = typeof reply.text === "string" ? reply.text : "";
  if (reply.stopReason === "max_tokens") {
    return fail(
      "truncated",
      `The model's answer was cut off at the output token limit (${text.length} characters received)`,
    );
  }
  if (reply.stopReason === "refusal") return fail("refused", "The model declined to write this plan");

  const json = readJson(text);
  if (json.kind === "none")
    return fail("no_json", `The model's answer contained no JSON object (${describeLength(text)})`);
  if (json.kind === "invalid") return fail("invalid_json", "The model's answer contained malformed JSON");

  const parsed = ModelPlanSchema.safeParse(json.value);
  if (!parsed.success) {
    const first = describeZodIssues(parsed.error)[0];
    return fail(
      "invalid_shape",
      `The model's plan has the wrong shape at ${first?.path ?? "(root)"}: ${first?.message ?? "invalid"}`,
    );
  }

  const daysProblem = describeDayMismatch(
    parsed.data.days.map((day) => day.day),
    expectedDays,
  );
  if (daysProblem) return fail("wrong_days", daysProblem);

  const days = [...parsed.data.days].sort((a, b) => a.day - b.day);
  return { ok: true, plan: { days } };
}

type JsonRead = { kind: "ok"; value: unknown } | { kind: "invalid" } | { kind: "none" };

function readJson(text: string): JsonRead {
  const trimmed = text.trim();
  const attempts = [trimmed, stripFence(trimmed)];
  for (const attempt of attempts) {
    if (attempt === null) continue;
    const value = tryParse(attempt);
    if (value !== undefined) return { kind: "ok", value };
  }
  const root = extractRootJson(trimmed);
  if (root === null) return trimmed.includes("{") ? { kind: "invalid" } : { kind: "none" };
  const value = tryParse(root);
  return value === undefined ? { kind: "invalid" } : { kind: "ok", value };
}

/** The body of a ```json ... ``` (or bare ```) fence, when the text is one. */
function stripFence(text: string): string | null {
  const match = /^```[a-zA-Z]*\s*\n?([\s\S]*?)\n?\s*```$/.exec(text);
  return match?.[1] !== undefined ? match[1].trim() : null;
}

function tryParse(text: string): unknown {
  if (text === "") return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** A sentence naming missing, unexpected and duplicated days, or null when the days match exactly. */
function describeDayMismatch(received: readonly number[], expected: readonly number[]): string | null {
  const expectedSet = new Set(expected);
  const seen = new Set<number>();
  const duplicated = new Set<number>();
  for (const day of received) (seen.has(day) ? duplicated : seen).add(day);
  const missing = expected.filter((day) => !seen.has(day));
  const unexpected = [...seen].filter((day) => !expectedSet.has(day)).sort((a, b) => a - b);
  if (missing.length === 0 && unexpected.length === 0 && duplicated.size === 0) return null;
  const parts = [
    missing.length > 0 ? `missing ${missing.join(", ")}` : null,
    unexpected.length > 0 ? `unexpected ${unexpected.join(", ")}` : null,
    duplicated.size > 0 ? `duplicated ${[...duplicated].sort((a, b) => a - b).join(", ")}` : null,
  ].filter(Boolean);
  return `The model planned the wrong days (asked for ${expected.join(", ")}): ${parts.join("; ")}`;
}

function describeLength(text: string): string {
  return text.trim() === "" ? "it was empty" : `${text.length} characters of text`;
}

function fail(code: GenerationError["code"], message: string): ParseReplyResult {
  return { ok: false, error: generationError(code, message) };
}
