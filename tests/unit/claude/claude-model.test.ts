import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { ModelCallError } from "@/generation/model/model-call-error";
import type { ModelRequest } from "@/generation/model/model-port";
import { parseModelReply } from "@/generation/model/parse-model-reply";
import { createClaudeModel } from "@/server/claude-model";
import { credentialOf, type FakeAnthropic, type ScriptedReply, startFakeAnthropic } from "../../support/fake-anthropic";

const API_KEY = "sk-ant-test-key-0123456789abcdef";
const PROMPT_MARKER = "CLIENT-SECRET-NOTE-7d1f";

const request: ModelRequest = {
  model: "claude-haiku-4-5-20251001",
  maxTokens: 4096,
  system: `You write meal plans. ${PROMPT_MARKER} (system)`,
  user: `Days to plan: 1\n<client_notes>\nnotes: ${PROMPT_MARKER}\n</client_notes>`,
};

let fake: FakeAnthropic;
beforeAll(async () => {
  fake = await startFakeAnthropic({ apiKey: API_KEY });
});
afterAll(async () => {
  await fake.close();
});
beforeEach(() => {
  fake.requests.length = 0;
});

const claude = (timeoutMs = 5_000, now?: () => number) =>
  createClaudeModel({ apiKey: API_KEY, baseURL: fake.baseURL, timeoutMs, ...(now ? { now } : {}) });

/** Run one call against a scripted reply and return the ModelCallError it threw. */
async function failureFor(
  reply: ScriptedReply,
  options: { timeoutMs?: number; now?: () => number } = {},
): Promise<ModelCallError> {
  fake.enqueue(reply);
  const error = await claude(options.timeoutMs, options.now)
    .complete(request)
    .then(
      () => null,
      (caught: unknown) => caught,
    );
  expect(error).toBeInstanceOf(ModelCallError);
  const failure = error as ModelCallError;
  // Never the key, never prompt text, whatever the provider said.
  for (const rendering of [failure.message, String(failure), JSON.stringify(failure), failure.stack ?? ""]) {
    expect(rendering).not.toContain(API_KEY);
    expect(rendering).not.toContain(PROMPT_MARKER);
  }
  return failure;
}

describe("the Claude adapter against the Messages API", () => {
  it("returns the text, stop reason, model and usage", async () => {
    fake.enqueue({
      text: '{"days":[]}',
      usage: { input_tokens: 120, output_tokens: 7, cache_read_input_tokens: 900, cache_creation_input_tokens: 0 },
    });
    const reply = await claude().complete(request);
    expect(reply).toEqual({
      text: '{"days":[]}',
      stopReason: "end_turn",
      model: "claude-haiku-4-5-20251001",
      usage: { inputTokens: 120, outputTokens: 7, cacheReadInputTokens: 900, cacheCreationInputTokens: 0 },
    });
  });

  it("sends the system prompt as one cached block, the user part as the message, with the key", async () => {
    fake.enqueue({ text: "ok" });
    await claude().complete(request);
    const sent = fake.requests[0];
    expect(sent && credentialOf(sent)).toBe(API_KEY);
    expect(sent?.body).toMatchObject({
      model: request.model,
      max_tokens: 4096,
      system: [{ type: "text", text: request.system, cache_control: { type: "ephemeral" } }],
      messages: [{ role: "user", content: request.user }],
    });
  });

  it("reports cache creation on the first pass and a cache read on the second", async () => {
    const first = await claude().complete({ ...request, system: `${request.system} cache-test` });
    const second = await claude().complete({
      ...request,
      system: `${request.system} cache-test`,
      user: "Days to plan: 6",
    });
    expect(first.usage.cacheCreationInputTokens).toBeGreaterThan(0);
    expect(first.usage.cacheReadInputTokens).toBe(0);
    expect(second.usage.cacheReadInputTokens).toBe(first.usage.cacheCreationInputTokens);
  });

  it("joins several text blocks and ignores other blocks", async () => {
    fake.enqueue({
      text: "",
      content: [
        { type: "text", text: '{"days":' },
        { type: "thinking", thinking: "x", signature: "s" },
        { type: "text", text: "[]}" },
      ],
    });
    expect((await claude().complete(request)).text).toBe('{"days":[]}');
  });

  it("returns a truncated answer with stop reason max_tokens, which the parser reports as truncated", async () => {
    fake.enqueue({ truncateAtTokens: 5, text: '{"days":[{"day":1,"meals":[]}]}' });
    const reply = await claude().complete(request);
    expect(reply.stopReason).toBe("max_tokens");
    expect(reply.usage.outputTokens).toBe(5);
    expect(parseModelReply(reply, [1])).toMatchObject({ ok: false, error: { code: "truncated" } });
  });

  it("makes exactly one HTTP request per call: the workflow owns retries", async () => {
    await failureFor({ status: 529 });
    expect(fake.requests).toHaveLength(1);
  });
});

describe("classifying Claude failures", () => {
  it("429 with retry-after is retryable and carries the wait", async () => {
    const error = await failureFor({
      status: 429,
      headers: { "retry-after": "7" },
      message: `slow down ${PROMPT_MARKER}`,
    });
    expect(error).toMatchObject({ kind: "rate_limited", retryable: true, retryAfterMs: 7000, status: 429 });
    expect(error.message).toMatch(/^Claude rate limit reached \(429\); retry after 7 s \[request req_fake_\d+\]$/);
  });

  it("429 honours retry-after-ms first", async () => {
    const error = await failureFor({ status: 429, headers: { "retry-after-ms": "1500", "retry-after": "9" } });
    expect(error.retryAfterMs).toBe(1500);
  });

  it("429 accepts an HTTP-date retry-after", async () => {
    const now = Date.parse("2026-01-01T00:00:00Z");
    const error = await failureFor(
      { status: 429, headers: { "retry-after": "Thu, 01 Jan 2026 00:00:30 GMT" } },
      { now: () => now },
    );
    expect(error.retryAfterMs).toBe(30_000);
  });

  it("429 saying the spend limit is reached is final", async () => {
    const error = await failureFor({
      status: 429,
      message: "You have reached your specified workspace API usage limits. You will regain access on 2026-02-01.",
    });
    expect(error).toMatchObject({ kind: "spend_limit", retryable: false, status: 429 });
    expect(error.message).toContain("spend or usage limit");
  });

  it("400 saying the credit balance is too low is final as a spend limit", async () => {
    const error = await failureFor({
      status: 400,
      message: "Your credit balance is too low to access the Anthropic API.",
    });
    expect(error).toMatchObject({ kind: "spend_limit", retryable: false });
  });

  it("529 overloaded is retryable", async () => {
    const error = await failureFor({ status: 529 });
    expect(error).toMatchObject({ kind: "overloaded", retryable: true, status: 529 });
    expect(error.message).toMatch(/^Claude was overloaded \(529\)/);
  });

  it.each([500, 502, 503, 504])("%i is a retryable server error", async (status) => {
    const error = await failureFor({ status });
    expect(error).toMatchObject({ kind: "server_error", retryable: true, status });
    expect(error.message).toContain(`Claude had a server error (${status})`);
  });

  it.each([
    [400, "invalid_request"],
    [401, "authentication"],
    [402, "billing"],
    [403, "permission"],
    [404, "not_found"],
    [413, "payload_too_large"],
    [422, "unknown"],
  ])("%i is final (%s)", async (status, kind) => {
    const error = await failureFor({ status, message: `provider said: ${PROMPT_MARKER} ${API_KEY}` });
    expect(error).toMatchObject({ kind, retryable: false, status });
  });

  it("401 tells the operator what to check", async () => {
    expect((await failureFor({ status: 401 })).message).toContain("check ANTHROPIC_API_KEY");
  });

  it("a call that hangs past timeoutMs is a retryable timeout", async () => {
    const error = await failureFor({ hang: true }, { timeoutMs: 150 });
    expect(error).toMatchObject({ kind: "timeout", retryable: true });
    expect(error.message).toBe("Claude did not answer within 150 ms");
  });

  it("a refused connection is a retryable connection error", async () => {
    const closed = await startFakeAnthropic();
    const baseURL = closed.baseURL;
    await closed.close();
    const error = await createClaudeModel({ apiKey: API_KEY, baseURL, timeoutMs: 2_000 })
      .complete(request)
      .catch((caught: unknown) => caught);
    expect(error).toMatchObject({ kind: "connection", retryable: true });
    expect(String(error)).not.toContain(API_KEY);
  });

  it("a cancelled call is a retryable timeout", async () => {
    fake.enqueue({ hang: true });
    const controller = new AbortController();
    const pending = claude().complete(request, { signal: controller.signal });
    setTimeout(() => controller.abort(), 50);
    await expect(pending).rejects.toMatchObject({ kind: "timeout", retryable: true });
  });
});
