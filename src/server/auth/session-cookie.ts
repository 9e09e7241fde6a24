/**
 * The session cookie @supabase/ssr writes: `sb-<project>-auth-token`, its
 * value either JSON or "base64-" + base64url(JSON), split into `.0`, `.1`, ...
 * chunks when long. Local sign-in writes the same format under
 * `sb-local-auth-token`, so one reader serves both.
 */

export const LOCAL_SESSION_COOKIE = "sb-local-auth-token";
const AUTH_COOKIE = /^(sb-[A-Za-z0-9_-]+-auth-token)(?:\.(\d+))?$/;
const BASE64_PREFIX = "base64-";

export function encodeSessionCookie(session: Record<string, unknown>): string {
  return BASE64_PREFIX + Buffer.from(JSON.stringify(session), "utf8").toString("base64url");
}

/** The access token from the request's Supabase session cookie, if there is a readable one. */
export function accessTokenFromCookies(cookies: ReadonlyArray<{ name: string; value: string }>): string | undefined {
  const chunksByName = new Map<string, { index: number; value: string }[]>();
  for (const cookie of cookies) {
    const match = AUTH_COOKIE.exec(cookie.name);
    if (!match?.[1]) continue;
    const chunks = chunksByName.get(match[1]) ?? [];
    chunks.push({ index: match[2] === undefined ? -1 : Number(match[2]), value: cookie.value });
    chunksByName.set(match[1], chunks);
  }
  for (const chunks of chunksByName.values()) {
    const whole = chunks.find((chunk) => chunk.index === -1);
    const combined = whole
      ? whole.value
      : chunks
          .sort((a, b) => a.index - b.index)
          .map((chunk) => chunk.value)
          .join("");
    const token = tokenFromSessionValue(combined);
    if (token) return token;
  }
  return undefined;
}

function tokenFromSessionValue(raw: string): string | undefined {
  try {
    const value = decodeURIComponent(raw);
    const json = value.startsWith(BASE64_PREFIX)
      ? Buffer.from(value.slice(BASE64_PREFIX.length), "base64url").toString("utf8")
      : value;
    const session: unknown = JSON.parse(json);
    if (Array.isArray(session) && typeof session[0] === "string") return session[0];
    const token = (session as { access_token?: unknown } | null)?.access_token;
    return typeof token === "string" ? token : undefined;
  } catch {
    return undefined;
  }
}
