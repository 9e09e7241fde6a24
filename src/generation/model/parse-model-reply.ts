import { type GenerationError, generationError } from "@/generation/shared/generation-error";
import { describeZodIssues } from "@/generation/shared/zod-issues";
import { extractRootJson } from "./extract-root-json";
import { type ModelPlan, ModelPlanSchema } from "./model-plan";
import type { ModelReply } from "./model-port";

/** `repaired` says how the days were brought to the ones asked, when the model numbered them otherwise. */
export type ParseReplyResult = { ok: true; plan: ModelPlan; repaired?: string } | { ok: false; error: GenerationError };

/**
 * Turn a model reply into a ModelPlan for exactly `expectedDays`, or a
 * retryable GenerationError saying what was wrong. Never throws, whatever the
 * text. Order of checks: truncation (a cut-off answer is never trusted), then
 * JSON (whole text, then ```json fences stripped, then the original route's
 * extractRootJson for prose-wrapped answers), then shape, then day numbers.
 *
 * Day numbers are labels, not content: an answer that holds every asked day
 * once keeps those (extra days are dropped), and one with exactly as many
 * days as asked but numbered otherwise (a careless model answering "day 1"
 * when asked for day 5) has them renumbered in order. Only an answer with
 * too few days, or too many without the asked ones, is asked again.
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

  return daysAsAsked(parsed.data.days, expectedDays);
}

function daysAsAsked(received: ModelPlan["days"], expected: readonly number[]): ParseReplyResult {
  const byNumber = [...received].sort((a, b) => a.day - b.day);
  const asked = [...expected].sort((a, b) => a - b);
  const problem = describeDayMismatch(
    received.map((day) => day.day),
    expected,
  );
  if (problem === null) return { ok: true, plan: { days: byNumber } };

  const once = asked.every((number) => byNumber.filter((day) => day.day === number).length === 1);
  if (once) {
    const extra = byNumber.filter((day) => !asked.includes(day.day)).map((day) => day.day);
    return {
      ok: true,
      plan: { days: byNumber.filter((day) => asked.includes(day.day)) },
      repaired: `dropped day ${extra.join(", ")}, which was not asked for`,
    };
  }
  if (byNumber.length === asked.length) {
    return {
      ok: true,
      plan: { days: byNumber.map((day, index) => ({ ...day, day: asked[index] ?? day.day })) },
      repaired: `renumbered day ${byNumber.map((day) => day.day).join(", ")} as ${asked.join(", ")}`,
    };
  }
  return fail("wrong_days", problem);
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
