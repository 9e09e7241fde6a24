import { randomUUID } from "node:crypto";
import type { FakeRequest, Responder, ScriptedReply } from "./fake-anthropic";
import { briefFromPrompt, planTextFromPrompt } from "./plan-from-prompt";

/**
 * A seeded, reproducible mix of everything a Messages API can do wrong, for
 * the fake in fake-anthropic.ts: with probability `rate` a request meets one
 * of the faults below (chosen uniformly), otherwise it gets a valid plan for
 * the days and candidates its prompt names. Shared by `npm run faults` and
 * the short campaign in the tests.
 */
export const FAULT_KINDS = [
  "rate_limited",
  "overloaded",
  "server_error",
  "hang",
  "max_tokens",
  "malformed_json",
  "wrong_days",
  "absurd_grams",
  "unknown_foods",
] as const;

export type FaultKind = (typeof FAULT_KINDS)[number];

export type FaultMixOptions = {
  seed: number;
  /** Share of requests that meet a fault, 0-1. */
  rate: number;
  /** Faults to draw from (all by default). */
  kinds?: readonly FaultKind[];
  /**
   * Output speed (tokens/s) by model name, to simulate a model slower than
   * usual; unset answers at once. Four characters make a token, as in the fake.
   */
  outputTokensPerSecond?: (model: string) => number;
  /**
   * Tokens a real model writes per planned day. The fake's plans are terser
   * than Claude's (no whitespace, short names), so timing them by their own
   * length would flatter a slow model; the slow scenario passes the
   * workflow's own estimate (inngest.config.ts: outputTokensPerDay).
   */
  outputTokensPerDay?: number;
  /** Milliseconds before the first token of a written answer (with outputTokensPerSecond); none by default. */
  firstTokenMs?: number;
};

export type FaultMix = { responder: Responder; counts: Record<FaultKind | "ok", number> };

/** mulberry32: a small, well-known seeded PRNG (reproducible campaigns). */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type PlanJson = { days: { day: number; meals: { name: string; items: { food_id: string; grams: number }[] }[] }[] };

export function faultMix(options: FaultMixOptions): FaultMix {
  const random = seededRandom(options.seed);
  const kinds = options.kinds ?? FAULT_KINDS;
  const counts = Object.fromEntries([...FAULT_KINDS, "ok"].map((kind) => [kind, 0])) as FaultMix["counts"];

  const responder: Responder = async (request) => {
    const fault = random() < options.rate ? kinds[Math.floor(random() * kinds.length)] : undefined;
    counts[fault ?? "ok"] += 1;
    const text = await planTextFromPrompt(request.system, request.user);
    if (text === null) return { text: "I could not find which days to plan." };
    const reply = fault ? faulty(fault, text, random) : { text };
    await slowly(reply, request, options);
    return reply;
  };
  return { responder, counts };
}

function faulty(fault: FaultKind, text: string, random: () => number): ScriptedReply {
  const plan = () => JSON.parse(text) as PlanJson;
  switch (fault) {
    case "rate_limited":
      return { status: 429, headers: { "retry-after": "1" } };
    case "overloaded":
      return { status: 529 };
    case "server_error":
      return { status: 500 };
    case "hang":
      return { hang: true };
    case "max_tokens":
      return { truncateAtTokens: Math.max(1, Math.floor((text.length / 4) * random())), text };
    case "malformed_json":
      return { text: text.slice(0, Math.floor(text.length / 2)) + text.slice(Math.floor(text.length / 2) + 7) };
    case "wrong_days": {
      const shifted = plan();
      for (const day of shifted.days) day.day += 10;
      return { text: JSON.stringify(shifted) };
    }
    case "absurd_grams": {
      const absurd = plan();
      for (const item of absurd.days.flatMap((day) => day.meals.flatMap((meal) => meal.items))) item.grams *= 40;
      return { text: JSON.stringify(absurd) };
    }
    case "unknown_foods": {
      const outside = plan();
      for (const item of outside.days.flatMap((day) => day.meals.flatMap((meal) => meal.items))) {
        if (random() < 0.3) item.food_id = randomUUID();
      }
      return { text: JSON.stringify(outside) };
    }
  }
}

/** Holds the answer as long as the model would take to write it. */
async function slowly(reply: ScriptedReply, request: FakeRequest, options: FaultMixOptions): Promise<void> {
  if (!options.outputTokensPerSecond || !("text" in reply) || typeof reply.text !== "string") return;
  const written = "truncateAtTokens" in reply ? reply.truncateAtTokens : Math.ceil(reply.text.length / 4);
  const days = briefFromPrompt(request.system, request.user)?.dayNumbers.length ?? 0;
  const tokens = "truncateAtTokens" in reply ? written : Math.max(written, days * (options.outputTokensPerDay ?? 0));
  const speed = options.outputTokensPerSecond(String(request.body?.model ?? ""));
  await new Promise((resolve) => setTimeout(resolve, (options.firstTokenMs ?? 0) + (tokens / speed) * 1000));
}
