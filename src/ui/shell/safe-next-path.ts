/** Where to go after signing in when no (usable) `next` is given. */
export const DEFAULT_AFTER_SIGN_IN = "/plans";

/**
 * Stands in for the app's origin when none is given (server components): only
 * "is it this origin?" matters, and a reserved name can never be another site.
 */
const PLACEHOLDER_ORIGIN = "https://app.invalid";

/**
 * The `next` query value as a path on this site (path, query and fragment),
 * else the plans list. The value is parsed the way the browser will parse it,
 * against the app's origin, and kept only when it stays on that origin: the
 * URL parser drops tabs and newlines and reads `\` as `/` exactly as the
 * browser does, so `/\t/evil.test`, `/\evil.test`, `//evil.test`,
 * `https://evil.test` and `javascript:…` all resolve elsewhere and are
 * refused. The answer is the parsed, re-serialised path, never the raw input;
 * a path that would itself read as protocol-relative (`/.//evil.test`
 * normalises to `//evil.test`) is refused too, and so is the sign-in page
 * (it would loop).
 */
export function safeNextPath(next: string | null | undefined, origin: string = PLACEHOLDER_ORIGIN): string {
  if (typeof next !== "string" || !next.startsWith("/")) return DEFAULT_AFTER_SIGN_IN;
  let base: URL;
  let target: URL;
  try {
    base = new URL(origin);
    target = new URL(next, base);
  } catch {
    return DEFAULT_AFTER_SIGN_IN;
  }
  if (target.origin !== base.origin) return DEFAULT_AFTER_SIGN_IN;
  if (target.username || target.password) return DEFAULT_AFTER_SIGN_IN;
  const path = target.pathname;
  // URL parsing already turned any backslash in the path into "/".
  if (path.startsWith("//")) return DEFAULT_AFTER_SIGN_IN;
  if (path === "/sign-in" || path.startsWith("/sign-in/")) return DEFAULT_AFTER_SIGN_IN;
  return `${path}${target.search}${target.hash}`;
}

/** The sign-in page's address that brings the coach back to `currentPath` afterwards. */
export function signInPathFor(currentPath: string): string {
  const next = safeNextPath(currentPath);
  return next === DEFAULT_AFTER_SIGN_IN ? "/sign-in" : `/sign-in?next=${encodeURIComponent(next)}`;
}
