import { type Env, env } from "@/server/env";

/**
 * The app's public origin (scheme, host and port), where share links point
 * and which a cookie-signed write must name: APP_URL's when configured (a
 * deployment behind a proxy or CDN, which is the only way to know it for
 * sure). Unset, the request's own: the scheme of its URL with its Host
 * header (or its URL's host); X-Forwarded-Host and X-Forwarded-Proto only
 * when TRUST_FORWARDED_HOST=1 says a proxy in front sets them (a client can
 * write its own). Behind a proxy that rewrites Host (nginx's default
 * `proxy_pass` sends `Host: 127.0.0.1:3000`) set APP_URL, or share links
 * would point at http://127.0.0.1:3000.
 */
export function appOrigins(request: Request, configuration: Env = env()): string[] {
  if (configuration.APP_URL) return [new URL(configuration.APP_URL).origin];
  const own = new URL(request.url);
  const origins: string[] = [];
  if (configuration.TRUST_FORWARDED_HOST) {
    const host = firstValue(request.headers.get("x-forwarded-host"));
    const proto = firstValue(request.headers.get("x-forwarded-proto"));
    const forwarded = host
      ? originOf(`${proto === "https" || proto === "http" ? proto : own.protocol.replace(":", "")}://${host}`)
      : undefined;
    if (forwarded) origins.push(forwarded);
  }
  const host = request.headers.get("host");
  const fromHost = host ? originOf(`${own.protocol}//${host}`) : undefined;
  if (fromHost) origins.push(fromHost);
  origins.push(own.origin);
  return [...new Set(origins)];
}

/** The origin to build the app's own absolute URLs on (share links). */
export function appOrigin(request: Request, configuration: Env = env()): string {
  return appOrigins(request, configuration)[0] ?? new URL(request.url).origin;
}

/** A proxy chain's headers hold one value per hop, the client's first. */
function firstValue(header: string | null): string | undefined {
  return header?.split(",")[0]?.trim() || undefined;
}

/** The lower-case origin of a URL, or undefined when it is not one (a malformed Host). */
export function originOf(value: string): string | undefined {
  try {
    const origin = new URL(value).origin;
    return origin === "null" ? undefined : origin.toLowerCase();
  } catch {
    return undefined;
  }
}
