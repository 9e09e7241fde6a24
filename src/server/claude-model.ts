import Anthropic, {
  APIConnectionError,
  APIConnectionTimeoutError,
  APIError,
  APIUserAbortError,
} from "@anthropic-ai/sdk";
import { ModelCallError, type ModelCallErrorKind } from "@/generation/model/model-call-error";
import type { ModelPort, ModelReply, ModelRequest, PassToPlan } from "@/generation/model/model-port";
import { modelRequestFor } from "@/generation/prompt/pass-prompt";

export type ClaudeModelOptions = {
  apiKey: string;
  /** Another Messages API endpoint (a proxy, or the loopback fake in tests); defaults to Anthropic's. */
  baseURL?: string;
  /** Per-call limit; keep it under the workflow step's budget so a slow call fails as a retryable timeout. */
  timeoutMs: number;
  /** Clock for HTTP-date retry-after headers (injectable for tests). */
  now?: () => number;
};

/**
 * The Claude adapter behind ModelPort. The SDK's own retries are off
 * (maxRetries: 0) because the workflow owns retries: each step retry is
 * visible, counted and bounded there. The system prompt is sent as one text
 * block marked for ephemeral prompt caching, so pass two (same plan, same
 * system) reads pass one's cached prefix. Failures become ModelCallError
 * with a secret-free message (never the key, never prompt text). The prompt
 * is built here, from the pass, with the pure prompt builder.
 */
export type ClaudeModel = ModelPort & {
  /** One Messages API call for a request already built (what planPass sends). */
  complete(request: ModelRequest, options?: { signal?: AbortSignal }): Promise<ModelReply>;
};

export function createClaudeModel(options: ClaudeModelOptions): ClaudeModel {
  const client = new Anthropic({
    apiKey: options.apiKey,
    baseURL: options.baseURL ?? "https://api.anthropic.com",
    maxRetries: 0,
    timeout: options.timeoutMs,
    // No tracing spans: they could carry prompt text (client notes) off the machine.
    openTelemetry: false,
  });
  const now = options.now ?? Date.now;

  const complete: ClaudeModel["complete"] = async (request, callOptions) => {
    try {
      const message = await client.messages.create(
        {
          model: request.model,
          max_tokens: request.maxTokens,
          system: [{ type: "text", text: request.system, cache_control: { type: "ephemeral" } }],
          messages: [{ role: "user", content: request.user }],
        },
        callOptions?.signal ? { signal: callOptions.signal } : undefined,
      );
      const text = message.content.flatMap((block) => (block.type === "text" ? [block.text] : [])).join("");
      return {
        text,
        stopReason: message.stop_reason ?? null,
        model: message.model,
        usage: {
          inputTokens: message.usage.input_tokens ?? 0,
          outputTokens: message.usage.output_tokens ?? 0,
          cacheReadInputTokens: message.usage.cache_read_input_tokens ?? 0,
          cacheCreationInputTokens: message.usage.cache_creation_input_tokens ?? 0,
        },
      };
    } catch (error) {
      throw classifyClaudeError(error, { timeoutMs: options.timeoutMs, now: now() });
    }
  };
  return {
    name: "claude",
    complete,
    planPass: (pass: PassToPlan, callOptions) => complete(modelRequestFor(pass), callOptions),
  };
}

/**
 * Map an SDK failure to a ModelCallError.
 * Retryable: 429 rate limits (retry-after / retry-after-ms honoured), 529
 * overloaded, other 5xx, 408, timeouts, connection failures, cancellations.
 * Final: 400, 401, 402, 403, 404, 413, other 4xx, a 429 (or 400) saying a
 * spend/usage limit or credit balance is exhausted, and anything unexpected.
 * Messages are built here from status and kind only; the provider's own
 * message is read for classification but never copied into ours.
 */
function classifyClaudeError(error: unknown, context: { timeoutMs: number; now: number }): ModelCallError {
  if (error instanceof ModelCallError) return error;
  if (error instanceof APIConnectionTimeoutError) {
    return new ModelCallError("timeout", `Claude did not answer within ${formatDuration(context.timeoutMs)}`);
  }
  if (error instanceof APIUserAbortError) {
    return new ModelCallError("timeout", "The Claude request was cancelled before it finished");
  }
  if (error instanceof APIConnectionError) {
    return new ModelCallError("connection", "Could not connect to Claude (the connection failed or was reset)");
  }
  if (error instanceof APIError && typeof error.status === "number") {
    return classifyStatus(error, error.status, context.now);
  }
  return new ModelCallError("unknown", "The Claude call failed unexpectedly", { retryable: false });
}

function classifyStatus(error: APIError, status: number, now: number): ModelCallError {
  const requestId = typeof error.requestID === "string" && error.requestID !== "" ? error.requestID : undefined;
  const details = { status, ...(requestId ? { requestId } : {}) };
  const suffix = requestId ? ` [request ${requestId}]` : "";
  const providerText = `${providerMessage(error)} ${error.errorCode ?? ""}`;
  const type = error.type ?? providerType(error);
  const make = (kind: ModelCallErrorKind, message: string, extra: { retryAfterMs?: number } = {}) =>
    new ModelCallError(kind, `${message}${suffix}`, { ...details, ...extra });

  if ((status === 429 || status === 400 || status === 402) && SPEND_LIMIT.test(providerText)) {
    return make("spend_limit", `Claude refused the call: the account's spend or usage limit is reached (${status})`);
  }
  if (status === 529 || type === "overloaded_error")
    return make("overloaded", `Claude was overloaded (${status})`, retryAfter(error, now));
  if (status === 429) {
    const wait = retryAfter(error, now);
    const hint = wait.retryAfterMs !== undefined ? `; retry after ${formatDuration(wait.retryAfterMs)}` : "";
    return make("rate_limited", `Claude rate limit reached (429)${hint}`, wait);
  }
  if (status >= 500) return make("server_error", `Claude had a server error (${status})`, retryAfter(error, now));
  if (status === 408) return make("timeout", "Claude timed out handling the request (408)");
  if (status === 400) return make("invalid_request", "Claude rejected the request as invalid (400)");
  if (status === 401) return make("authentication", "Claude rejected the API key (401): check ANTHROPIC_API_KEY");
  if (status === 402) return make("billing", "Claude refused the call for a billing problem (402)");
  if (status === 403) return make("permission", "The API key may not use this Claude model or feature (403)");
  if (status === 404) return make("not_found", "Claude did not find the model or endpoint (404): check the model name");
  if (status === 413) return make("payload_too_large", "The request was too large for Claude (413)");
  return new ModelCallError("unknown", `Claude answered with an unexpected error (${status})${suffix}`, {
    ...details,
    retryable: false,
  });
}

const SPEND_LIMIT = /spend(ing)?[\s_-]*limit|usage[\s_-]*limit|credit[\s_-]*balance|billing[\s_-]*limit/i;

/** The provider's message, read only to classify (never echoed). */
function providerMessage(error: APIError): string {
  if (typeof error.apiMessage === "string") return error.apiMessage;
  const body = error.error as { error?: { message?: unknown } } | undefined;
  return typeof body?.error?.message === "string" ? body.error.message : "";
}

function providerType(error: APIError): string | null {
  const body = error.error as { error?: { type?: unknown } } | undefined;
  return typeof body?.error?.type === "string" ? body.error.type : null;
}

/** retry-after-ms (milliseconds), else retry-after (seconds or an HTTP date). */
function retryAfter(error: APIError, now: number): { retryAfterMs?: number } {
  const headers = error.headers;
  if (!headers) return {};
  const ms = Number.parseFloat(headers.get("retry-after-ms") ?? "");
  if (Number.isFinite(ms) && ms >= 0) return { retryAfterMs: Math.round(ms) };
  const raw = headers.get("retry-after");
  if (!raw) return {};
  const seconds = Number.parseFloat(raw);
  if (Number.isFinite(seconds) && seconds >= 0) return { retryAfterMs: Math.round(seconds * 1000) };
  const date = Date.parse(raw);
  if (Number.isFinite(date)) return { retryAfterMs: Math.max(0, date - now) };
  return {};
}

function formatDuration(ms: number): string {
  return ms < 1000 ? `${ms} ms` : `${Math.round(ms / 100) / 10} s`;
}
