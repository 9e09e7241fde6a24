import { signInPathFor } from "@/ui/shell/safe-next-path";
import type { FieldIssue } from "./api-types";
import { refreshSupabaseSession } from "./supabase-browser";

export type ApiSuccess<T> = { ok: true; status: number; data: T };
/** `status` 0 means the server could not be reached at all. */
export type ApiFailure = { ok: false; status: number; error: string; details: FieldIssue[] };
export type ApiResult<T> = ApiSuccess<T> | ApiFailure;

type RequestOptions = { method?: "GET" | "POST" | "PATCH" | "DELETE"; body?: unknown; signal?: AbortSignal };

/**
 * Call the JSON API with the session cookie. Never throws: the caller gets
 * the data or `{ error, details }` to show. A 401 sends the coach to the
 * sign-in page (after one token refresh when Supabase Auth is in use), with a
 * way back to where they were.
 */
export async function fetchJson<T>(path: string, options: RequestOptions = {}): Promise<ApiResult<T>> {
  let result = await send<T>(path, options);
  if (result.ok || result.status !== 401) return result;
  if (await refreshSupabaseSession().catch(() => false)) {
    result = await send<T>(path, options);
    if (result.ok || result.status !== 401) return result;
  }
  redirectToSignIn();
  return result;
}

async function send<T>(path: string, options: RequestOptions): Promise<ApiResult<T>> {
  let response: Response;
  try {
    response = await fetch(path, {
      method: options.method ?? "GET",
      credentials: "same-origin",
      cache: "no-store",
      headers: options.body === undefined ? undefined : { "content-type": "application/json" },
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: options.signal,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === "AbortError") throw error;
    return {
      ok: false,
      status: 0,
      error: "Could not reach the server. Check your connection and try again.",
      details: [],
    };
  }

  const body = await response.json().catch(() => undefined);
  if (response.ok) return { ok: true, status: response.status, data: body as T };
  return { ok: false, status: response.status, error: errorMessage(body, response.status), details: issueList(body) };
}

function errorMessage(body: unknown, status: number): string {
  const message = (body as { error?: unknown } | undefined)?.error;
  if (typeof message === "string" && message.trim() !== "") return message;
  if (status === 404) return "Not found.";
  if (status >= 500) return `The server had a problem (HTTP ${status}). Try again in a moment.`;
  return `The request failed (HTTP ${status}).`;
}

/** A 400's `details` as `{ path, message }` pairs; anything else shaped is ignored. */
function issueList(body: unknown): FieldIssue[] {
  const details = (body as { details?: unknown } | undefined)?.details;
  if (!Array.isArray(details)) return [];
  return details.flatMap((detail): FieldIssue[] => {
    const { path, message } = (detail ?? {}) as { path?: unknown; message?: unknown };
    return typeof path === "string" && typeof message === "string" ? [{ path, message }] : [];
  });
}

function redirectToSignIn(): void {
  if (typeof window === "undefined" || window.location.pathname.startsWith("/sign-in")) return;
  window.location.assign(signInPathFor(window.location.pathname + window.location.search));
}
