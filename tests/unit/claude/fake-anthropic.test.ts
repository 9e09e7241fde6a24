import { afterEach, describe, expect, it } from "vitest";
import { sanitizePlan } from "@/generation/answer/sanitize-plan";
import { selectCandidates } from "@/generation/catalogue/select-candidates";
import { parseModelReply } from "@/generation/model/parse-model-reply";
import { dayTotals } from "@/generation/nutrition/day-totals";
import { briefOf } from "@/generation/offline/offline-planner";
import { modelRequestFor } from "@/generation/prompt/pass-prompt";
import { createClaudeModel } from "@/server/claude-model";
import { type FakeAnthropic, startFakeAnthropic } from "../../support/fake-anthropic";
import { publishedPace } from "../../support/fake-pacing";
import { makePass, makeSpec, realisticCatalogue } from "../../support/food-factory";
import { briefFromPrompt } from "../../support/plan-from-prompt";

const spec = makeSpec({ days: 8, calorieTarget: 2300, mealsPerDay: 4, diet: ["vegetarian"], allergies: ["egg"] });
const candidates = selectCandidates(realisticCatalogue(), spec, { seed: "fake" });
const pass = makePass({ spec, candidates, dayNumbers: [6, 7, 8], avoidFoodIds: [candidates[0]?.id ?? ""] });
const passTwo = modelRequestFor(pass);

let fake: FakeAnthropic | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

const post = (body: unknown, path = "/v1/messages") =>
  fetch(`${fake?.baseURL}${path}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });

describe("reading a pass back from its prompt", () => {
  it("recovers the brief the prompt was built from", () => {
    const brief = briefFromPrompt(passTwo.system, passTwo.user);
    // Everything but fibre, which the prompt does not show.
    expect(brief).toEqual({
      ...briefOf(pass),
      candidates: pass.candidates.map((food) => ({ ...food, fibre_per_100g: 0 })),
    });
  });

  it("returns null for a prompt without days", () => {
    expect(briefFromPrompt("system", "hello")).toBeNull();
  });
});

describe("the fake Anthropic server", () => {
  it("answers unscripted requests with a valid plan for the prompt's days and foods", async () => {
    fake = await startFakeAnthropic();
    const reply = await createClaudeModel({ apiKey: "k", baseURL: fake.baseURL, timeoutMs: 5_000 }).complete(passTwo);
    const parsed = parseModelReply(reply, [6, 7, 8]);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const sanitized = sanitizePlan(parsed.plan, candidates, spec, spec.mealsPerDay);
    expect(sanitized.removed).toEqual({ unknownFood: 0, restrictedFood: 0, unsuitedFood: 0 });
    for (const day of sanitized.days) {
      expect(Math.abs(dayTotals(day).kcal / 2300 - 1)).toBeLessThan(0.03);
      expect(day.meals).toHaveLength(4);
    }
  });

  it("records each request's body, headers and prompt text", async () => {
    fake = await startFakeAnthropic();
    await createClaudeModel({ apiKey: "k", baseURL: fake.baseURL, timeoutMs: 5_000 }).complete(passTwo);
    expect(fake.requests).toHaveLength(1);
    expect(fake.requests[0]).toMatchObject({
      method: "POST",
      path: "/v1/messages",
      system: passTwo.system,
      user: passTwo.user,
    });
    expect(fake.requests[0]?.headers["anthropic-version"]).toBeTruthy();
  });

  it("serves scripted replies in order, then falls back to the responder", async () => {
    fake = await startFakeAnthropic();
    fake.enqueue({ text: "first" }, { status: 529 });
    fake.respondWith(() => ({ text: "default" }));
    const body = { model: "m", max_tokens: 100, messages: [{ role: "user", content: "hi" }] };
    expect(((await (await post(body)).json()) as { content: Array<{ text: string }> }).content[0]?.text).toBe("first");
    const overloaded = await post(body);
    expect(overloaded.status).toBe(529);
    expect(overloaded.headers.get("request-id")).toMatch(/^req_fake_/);
    expect(await overloaded.json()).toEqual({
      type: "error",
      error: { type: "overloaded_error", message: "Fake overloaded_error" },
    });
    expect(((await (await post(body)).json()) as { content: Array<{ text: string }> }).content[0]?.text).toBe(
      "default",
    );
  });

  it("returns the real response shape", async () => {
    fake = await startFakeAnthropic();
    fake.enqueue({ text: "hello" });
    const response = await post({
      model: "claude-x",
      max_tokens: 100,
      system: "sys",
      messages: [{ role: "user", content: "hi" }],
    });
    expect(await response.json()).toEqual({
      id: expect.stringMatching(/^msg_fake_/),
      type: "message",
      role: "assistant",
      model: "claude-x",
      content: [{ type: "text", text: "hello" }],
      stop_reason: "end_turn",
      stop_sequence: null,
      usage: { input_tokens: 2, output_tokens: 2, cache_creation_input_tokens: 0, cache_read_input_tokens: 0 },
    });
  });

  it("cuts answers longer than max_tokens, like the real API", async () => {
    fake = await startFakeAnthropic();
    fake.enqueue({ text: "x".repeat(400) });
    const json = (await (
      await post({ model: "m", max_tokens: 10, messages: [{ role: "user", content: "hi" }] })
    ).json()) as {
      content: Array<{ text: string }>;
      stop_reason: string;
      usage: { output_tokens: number };
    };
    expect(json.stop_reason).toBe("max_tokens");
    expect(json.content[0]?.text).toHaveLength(40);
    expect(json.usage.output_tokens).toBe(10);
  });

  it("rejects malformed requests and unknown paths in Anthropic's error shape", async () => {
    fake = await startFakeAnthropic();
    const bad = await post({ messages: [] });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ type: "error", error: { type: "invalid_request_error" } });
    expect((await post({}, "/v1/other")).status).toBe(404);
  });

  it("takes time proportional to output tokens at the configured rate", async () => {
    fake = await startFakeAnthropic({ outputTokensPerSecond: 1000 });
    fake.enqueue({ text: "x".repeat(800) }); // 200 tokens → 200 ms
    const started = performance.now();
    await post({ model: "m", max_tokens: 1000, messages: [{ role: "user", content: "hi" }] });
    expect(performance.now() - started).toBeGreaterThanOrEqual(190);
  });

  it("makes a slow answer a client timeout when it takes longer than timeoutMs", async () => {
    fake = await startFakeAnthropic({ outputTokensPerSecond: 100 });
    fake.enqueue({ text: "x".repeat(400) }); // 100 tokens → 1 s
    const error = await createClaudeModel({ apiKey: "k", baseURL: fake.baseURL, timeoutMs: 150 })
      .complete(passTwo)
      .catch((caught: unknown) => caught);
    expect(error).toMatchObject({ kind: "timeout", retryable: true });
  });

  it("closes even with a hanging request open", async () => {
    fake = await startFakeAnthropic();
    fake.enqueue({ hang: true });
    const pending = post({ model: "m", max_tokens: 10, messages: [{ role: "user", content: "hi" }] }).catch(
      (error: unknown) => error,
    );
    await new Promise((resolve) => setTimeout(resolve, 30));
    await fake.close();
    fake = undefined;
    expect(await pending).toBeInstanceOf(Error);
  });
});

describe("pacing answers like the real models", () => {
  it("takes the first-token latency plus the output at the model's published speed", () => {
    const atPublished = publishedPace(1);
    expect(atPublished("claude-haiku-4-5-20251001", 500)).toBeCloseTo(1500 + 5000);
    expect(atPublished("claude-sonnet-4-6", 630)).toBeCloseTo(1500 + 10_000);
    expect(publishedPace(0.5)("claude-haiku-4-5-20251001", 500)).toBeCloseTo(3000 + 10_000);
    expect(() => publishedPace(0)).toThrow(RangeError);
  });

  it("holds each answer for what the pace says, for that model and that many output tokens", async () => {
    const paced: { model: string; tokens: number }[] = [];
    fake = await startFakeAnthropic({
      pace: (model, tokens) => {
        paced.push({ model, tokens });
        return 30;
      },
    });
    fake.enqueue({ text: "x".repeat(40) });
    const response = await post({ model: "claude-haiku-4-5-20251001", max_tokens: 100, messages: [] });
    expect(response.status).toBe(200);
    expect(paced).toEqual([{ model: "claude-haiku-4-5-20251001", tokens: 10 }]);
    const [request] = fake.requests;
    expect((request?.answeredAt ?? 0) - (request?.receivedAt ?? 0)).toBeGreaterThanOrEqual(29);
  });
});
