import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import type { Pace } from "./fake-pacing";
import { planTextFromPrompt } from "./plan-from-prompt";

/**
 * A fake Anthropic Messages API on 127.0.0.1 (random port) for tests,
 * benchmarks and fault campaigns. Point the real SDK at `baseURL`.
 *
 *   const fake = await startFakeAnthropic({ outputTokensPerSecond: 200 });
 *   fake.enqueue({ status: 529 }, { text: "..." });   // scripted, in arrival order
 *   fake.respondWith(planFromPrompt);                 // for unscripted requests (the default)
 *   ... fake.requests[0].body.system ...
 *   await fake.close();
 *
 * It behaves like the real API where tests care: the response shape, error
 * bodies `{ type: "error", error: { type, message } }` with a `request-id`
 * header, max_tokens truncation (stop_reason "max_tokens"), prompt caching
 * usage (the first request with a cache_control'd system block creates the
 * cache, later ones with the same system read it), and latency proportional
 * to output tokens when `outputTokensPerSecond` is set.
 */

export type FakeUsage = {
  input_tokens: number;
  output_tokens: number;
  cache_creation_input_tokens: number;
  cache_read_input_tokens: number;
};

export type ScriptedReply =
  /** A successful message; `content` replaces the single text block when a test needs several blocks. */
  | {
      text: string;
      stopReason?: string;
      usage?: Partial<FakeUsage>;
      model?: string;
      content?: Array<Record<string, unknown>>;
    }
  /** An API error in Anthropic's shape; errorType and message default from the status. */
  | { status: number; headers?: Record<string, string>; errorType?: string; message?: string }
  /** Never answer (until close): exercises client timeouts. */
  | { hang: true }
  /** Answer with the first n tokens of `text` (default: the default responder's text) and stop_reason max_tokens. */
  | { truncateAtTokens: number; text?: string };

export type FakeRequest = {
  method: string;
  path: string;
  headers: Record<string, string>;
  /** Parsed JSON body (null when it was not JSON). */
  body: MessagesBody | null;
  /** The system prompt's text (blocks joined). */
  system: string;
  /** The last user message's text. */
  user: string;
  /** performance.now() when the request arrived and when its answer was sent (unset until then). */
  receivedAt: number;
  answeredAt?: number;
  /** The usage the answer reported (unset until answered). */
  usage?: FakeUsage;
};

export type MessagesBody = {
  model?: string;
  max_tokens?: number;
  system?: string | Array<{ type: string; text: string; cache_control?: { type: string } }>;
  messages?: Array<{ role: string; content: string | Array<{ type: string; text?: string }> }>;
  [key: string]: unknown;
};

export type Responder = (request: FakeRequest) => ScriptedReply | Promise<ScriptedReply>;

export type FakeAnthropicOptions = {
  /** Output speed for simulated latency; unset means answer at once. */
  outputTokensPerSecond?: number;
  /** Latency per model instead (first token plus output at the model's speed): see fake-pacing.ts. */
  pace?: Pace;
  /** Characters per token for token counts (the real tokenizer gives ~3-4 for JSON with UUIDs). */
  charsPerToken?: number;
  /** When set, requests without this key (x-api-key or Authorization: Bearer) get a 401 like the real API. */
  apiKey?: string;
  /** Default responder for unscripted requests (planFromPrompt unless given). */
  responder?: Responder;
  /**
   * The provider's own concurrency limit: a request that arrives while `max`
   * messages are being answered gets 429 rate_limit_error with this retry-after.
   */
  inFlightLimit?: { max: number; retryAfterSeconds: number };
};

export type FakeAnthropic = {
  baseURL: string;
  requests: FakeRequest[];
  enqueue(...replies: ScriptedReply[]): void;
  respondWith(responder: Responder): void;
  /** Messages being answered now, the most at once so far, and the 429s the in-flight limit sent. */
  inFlight(): { now: number; peak: number; refused: number };
  close(): Promise<void>;
};

/** Default responder: a valid plan for the days and candidates the prompt names. */
export const planFromPrompt: Responder = async (request) => {
  const text = await planTextFromPrompt(request.system, request.user);
  return text === null ? { text: "I could not find which days to plan." } : { text };
};

const DEFAULT_ERROR_TYPES: Record<number, string> = {
  400: "invalid_request_error",
  401: "authentication_error",
  402: "billing_error",
  403: "permission_error",
  404: "not_found_error",
  413: "request_too_large",
  429: "rate_limit_error",
  500: "api_error",
  504: "timeout_error",
  529: "overloaded_error",
};

export async function startFakeAnthropic(options: FakeAnthropicOptions = {}): Promise<FakeAnthropic> {
  const charsPerToken = options.charsPerToken ?? 4;
  const tokens = (text: string) => Math.ceil(text.length / charsPerToken);
  const queue: ScriptedReply[] = [];
  const requests: FakeRequest[] = [];
  const sockets = new Set<Socket>();
  const cachedSystems = new Set<string>();
  let responder: Responder = options.responder ?? planFromPrompt;
  let sequence = 0;
  const flight = { now: 0, peak: 0, refused: 0 };

  const server = createServer((req, res) => {
    void handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) sendError(res, 500, "api_error", `fake server failure: ${String(error)}`, {});
    });
  });
  // A client reuses an idle keep-alive socket; if the server closed it meanwhile (Node's
  // 5 s default, easily reached while the same process solves days synchronously), the
  // request dies with a reset no real API would cause. Keep idle sockets longer than the
  // SDK's own idle timeout instead.
  server.keepAliveTimeout = 65_000;
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const raw = await readBody(req);
    let body: MessagesBody | null = null;
    try {
      body = JSON.parse(raw) as MessagesBody;
    } catch {
      body = null;
    }
    const request: FakeRequest = {
      method: req.method ?? "",
      path: (req.url ?? "").split("?")[0] ?? "",
      headers: Object.fromEntries(
        Object.entries(req.headers).map(([key, value]) => [
          key,
          Array.isArray(value) ? value.join(", ") : (value ?? ""),
        ]),
      ),
      body,
      system: systemText(body),
      user: lastUserText(body),
      receivedAt: performance.now(),
    };
    requests.push(request);

    if (request.method !== "POST" || request.path !== "/v1/messages") {
      return sendError(res, 404, "not_found_error", `Not found: ${request.method} ${request.path}`, {});
    }
    if (options.apiKey !== undefined && credentialOf(request) !== options.apiKey) {
      return sendError(res, 401, "authentication_error", "invalid x-api-key", {});
    }
    if (
      !body ||
      typeof body.model !== "string" ||
      typeof body.max_tokens !== "number" ||
      !Array.isArray(body.messages)
    ) {
      return sendError(res, 400, "invalid_request_error", "model, max_tokens and messages are required", {});
    }

    const limit = options.inFlightLimit;
    if (limit && flight.now >= limit.max) {
      flight.refused += 1;
      return sendError(res, 429, "rate_limit_error", "Fake concurrency limit", {
        "retry-after": String(limit.retryAfterSeconds),
      });
    }
    flight.now += 1;
    flight.peak = Math.max(flight.peak, flight.now);
    try {
      await answer(request, { ...body, model: body.model, max_tokens: body.max_tokens }, res);
    } finally {
      flight.now -= 1;
    }
  }

  async function answer(
    request: FakeRequest,
    body: MessagesBody & { model: string; max_tokens: number },
    res: ServerResponse,
  ): Promise<void> {
    const scripted = queue.shift() ?? (await responder(request));
    if ("hang" in scripted) return; // the socket stays open until the client gives up or close()
    if ("status" in scripted) {
      const type = scripted.errorType ?? DEFAULT_ERROR_TYPES[scripted.status] ?? "api_error";
      return sendError(res, scripted.status, type, scripted.message ?? `Fake ${type}`, scripted.headers ?? {});
    }

    let text: string;
    let stopReason: string;
    let outputTokens: number;
    if ("truncateAtTokens" in scripted) {
      const full = scripted.text ?? (await textFromResponder(request));
      text = full.slice(0, scripted.truncateAtTokens * charsPerToken);
      stopReason = "max_tokens";
      outputTokens = scripted.truncateAtTokens;
    } else if (tokens(scripted.text) > body.max_tokens) {
      // Like the real API: the answer stops at max_tokens.
      text = scripted.text.slice(0, body.max_tokens * charsPerToken);
      stopReason = "max_tokens";
      outputTokens = body.max_tokens;
    } else {
      text = scripted.text;
      stopReason = scripted.stopReason ?? "end_turn";
      outputTokens = scripted.usage?.output_tokens ?? tokens(text);
    }

    const usage = {
      ...promptUsage(body, request),
      output_tokens: outputTokens,
      ...("usage" in scripted ? scripted.usage : {}),
    };
    const latencyMs = options.pace
      ? options.pace(body.model, outputTokens)
      : options.outputTokensPerSecond && options.outputTokensPerSecond > 0
        ? (outputTokens / options.outputTokensPerSecond) * 1000
        : 0;
    if (latencyMs > 0) {
      await delay(latencyMs);
      // The client gave up (timeout, abort) while the answer was "being written".
      if (res.destroyed || !res.socket || res.socket.destroyed) return;
    }
    sequence += 1;
    const payload = {
      id: `msg_fake_${sequence}`,
      type: "message",
      role: "assistant",
      model: "model" in scripted && scripted.model ? scripted.model : body.model,
      content: "content" in scripted && scripted.content ? scripted.content : [{ type: "text", text }],
      stop_reason: stopReason,
      stop_sequence: null,
      usage,
    };
    res.writeHead(200, { "content-type": "application/json", "request-id": `req_fake_${sequence}` });
    res.end(JSON.stringify(payload));
    request.answeredAt = performance.now();
    request.usage = usage;
  }

  async function textFromResponder(request: FakeRequest): Promise<string> {
    const reply = await responder(request);
    return "text" in reply && typeof reply.text === "string" ? reply.text : "";
  }

  /** Input tokens, with the system prompt counted as cache creation the first time and a cache read after. */
  function promptUsage(body: MessagesBody, request: FakeRequest): Omit<FakeUsage, "output_tokens"> {
    const systemTokens = tokens(request.system);
    const cacheable =
      Array.isArray(body.system) && body.system.some((block) => block.cache_control?.type === "ephemeral");
    if (!cacheable)
      return {
        input_tokens: systemTokens + tokens(request.user),
        cache_creation_input_tokens: 0,
        cache_read_input_tokens: 0,
      };
    const hit = cachedSystems.has(request.system);
    cachedSystems.add(request.system);
    return {
      input_tokens: tokens(request.user),
      cache_creation_input_tokens: hit ? 0 : systemTokens,
      cache_read_input_tokens: hit ? systemTokens : 0,
    };
  }

  function sendError(
    res: ServerResponse,
    status: number,
    type: string,
    message: string,
    headers: Record<string, string>,
  ): void {
    sequence += 1;
    res.writeHead(status, { "content-type": "application/json", "request-id": `req_fake_${sequence}`, ...headers });
    res.end(JSON.stringify({ type: "error", error: { type, message } }));
  }

  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  return {
    baseURL: `http://127.0.0.1:${port}`,
    requests,
    enqueue: (...replies) => {
      queue.push(...replies);
    },
    respondWith: (next) => {
      responder = next;
    },
    inFlight: () => ({ ...flight }),
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/** The API key a request carried: `x-api-key`, or `Authorization: Bearer` (what SDK 1.x sends). */
export function credentialOf(request: Pick<FakeRequest, "headers">): string | undefined {
  const apiKey = request.headers["x-api-key"];
  if (apiKey) return apiKey;
  const bearer = /^Bearer\s+(.+)$/i.exec(request.headers.authorization ?? "");
  return bearer?.[1];
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

function systemText(body: MessagesBody | null): string {
  if (!body?.system) return "";
  if (typeof body.system === "string") return body.system;
  return body.system.map((block) => block.text ?? "").join("\n");
}

function lastUserText(body: MessagesBody | null): string {
  const user = [...(body?.messages ?? [])].reverse().find((message) => message.role === "user");
  if (!user) return "";
  if (typeof user.content === "string") return user.content;
  return user.content.map((block) => block.text ?? "").join("\n");
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
