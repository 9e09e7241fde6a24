import { signLocalAccessToken } from "@/server/auth/access-token";
import { DEMO_COACH_EMAIL, DEMO_COACH_ID, OTHER_COACH_EMAIL, OTHER_COACH_ID } from "./seed-ids";

/**
 * Calls Next.js route handlers directly, as the framework would: a real
 * Request in, the handler's Response out.
 */
type Handler<Params> = (request: Request, context: { params: Promise<Params> }) => Promise<Response>;

export type CallOptions<Params> = {
  params?: Params;
  token?: string;
  cookie?: string;
  /** An object is sent as JSON; a string is sent as is. */
  body?: unknown;
  method?: string;
  headers?: Record<string, string>;
  /** The request's query string, e.g. "?drafts_after=start". */
  query?: string;
};

export async function call<Params = Record<string, never>>(
  handler: Handler<Params>,
  options: CallOptions<Params> = {},
) {
  const headers = new Headers(options.headers);
  // Next.js sets X-Forwarded-For from the socket when the client sent none; these calls come from this machine.
  if (!headers.has("x-forwarded-for")) headers.set("x-forwarded-for", "127.0.0.1");
  if (options.token) headers.set("authorization", `Bearer ${options.token}`);
  if (options.cookie) headers.set("cookie", options.cookie);
  let body: string | undefined;
  if (options.body !== undefined) {
    body = typeof options.body === "string" ? options.body : JSON.stringify(options.body);
    headers.set("content-type", "application/json");
  }
  const method = options.method ?? (body ? "POST" : "GET");
  // A browser names the page's origin on every request that is not a GET; these calls are the app's own pages.
  if (method !== "GET" && !headers.has("origin")) headers.set("origin", "http://127.0.0.1");
  const request = new Request(`http://127.0.0.1/api/test${options.query ?? ""}`, {
    method,
    headers,
    body,
  });
  const response = await handler(request, { params: Promise.resolve((options.params ?? {}) as Params) });
  const text = await response.text();
  return {
    status: response.status,
    headers: response.headers,
    json: (text ? JSON.parse(text) : undefined) as Record<string, unknown>,
  };
}

export async function demoCoachToken(): Promise<string> {
  return (await signLocalAccessToken({ id: DEMO_COACH_ID, email: DEMO_COACH_EMAIL })).token;
}

export async function otherCoachToken(): Promise<string> {
  return (await signLocalAccessToken({ id: OTHER_COACH_ID, email: OTHER_COACH_EMAIL })).token;
}
