/**
 * The security headers of every answer, in one place. `next.config.ts` sends
 * the fixed ones on every path (pages, API routes and static files alike);
 * `src/proxy.ts` adds the Content-Security-Policy, which for a page carries a
 * fresh nonce: Next.js reads it from the request's policy and puts it on its
 * own inline and bootstrap scripts, so nothing else runs.
 */

export type HeaderPair = { key: string; value: string };

/** Two years, the preload list's minimum; sent by production builds only (browsers ignore it over plain HTTP anyway). */
const HSTS_MAX_AGE_SECONDS = 63_072_000;

/** Headers that do not depend on the request: for `next.config.ts`'s `headers()` on every path. */
export function fixedSecurityHeaders(options: { production: boolean }): HeaderPair[] {
  return [
    // Never sniff a JSON answer or a static file into something executable.
    { key: "X-Content-Type-Options", value: "nosniff" },
    // For browsers without CSP's frame-ancestors: no page may be framed (clickjacking Generate or Share).
    { key: "X-Frame-Options", value: "DENY" },
    // Plan ids and share tokens live in paths: other sites get the origin at most.
    { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
    // The app uses none of these.
    { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=(), usb=()" },
    // A window this app opens (or that opens it) gets no handle on it.
    { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
    ...(options.production
      ? [{ key: "Strict-Transport-Security", value: `max-age=${HSTS_MAX_AGE_SECONDS}; includeSubDomains` }]
      : []),
  ];
}

/** API answers are JSON: they load nothing, run nothing and may not be framed. */
export const API_CONTENT_SECURITY_POLICY =
  "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/**
 * A page's policy. Scripts: only those carrying this request's nonce, and what
 * they load ('strict-dynamic': Next's chunks); no inline handlers, no eval
 * (except `next dev`, whose React tooling needs it). Styles: the app's own
 * stylesheets (plus inline ones in dev, where they are injected by script).
 * Connections: this origin, and the Supabase project when sign-in goes there.
 */
export function pageContentSecurityPolicy(options: {
  nonce: string;
  development: boolean;
  supabaseUrl: string | undefined;
}): string {
  const supabase = options.supabaseUrl ? ` ${new URL(options.supabaseUrl).origin}` : "";
  const directives = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${options.nonce}' 'strict-dynamic'${options.development ? " 'unsafe-eval'" : ""}`,
    options.development ? "style-src 'self' 'unsafe-inline'" : `style-src 'self' 'nonce-${options.nonce}'`,
    "img-src 'self' data: blob:",
    "font-src 'self'",
    `connect-src 'self'${supabase}`,
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ];
  return directives.join("; ");
}

/**
 * 128 random bits, base64: a fresh one per page request. Web Crypto and
 * `btoa` only: the proxy runs as a Netlify edge function, where Node's
 * `Buffer` may not exist (tests/unit/http/proxy-edge-runtime.test.ts runs it
 * in an edge runtime).
 */
export function newNonce(): string {
  return btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(16))));
}
