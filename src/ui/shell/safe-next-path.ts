/** Where to go after signing in when no (usable) `next` is given. */
export const DEFAULT_AFTER_SIGN_IN = "/plans";

/**
 * The `next` query value if it is a path on this site, else the plans list.
 * Anything else (`https://…`, `//evil.test`, `/\evil.test`) would turn the
 * sign-in page into an open redirect.
 */
export function safeNextPath(next: string | null | undefined): string {
  if (typeof next !== "string" || !next.startsWith("/")) return DEFAULT_AFTER_SIGN_IN;
  if (next.startsWith("//") || next.startsWith("/\\")) return DEFAULT_AFTER_SIGN_IN;
  if (next === "/sign-in" || next.startsWith("/sign-in?") || next.startsWith("/sign-in/")) return DEFAULT_AFTER_SIGN_IN;
  return next;
}

/** The sign-in page's address that brings the coach back to `currentPath` afterwards. */
export function signInPathFor(currentPath: string): string {
  const next = safeNextPath(currentPath);
  return next === DEFAULT_AFTER_SIGN_IN ? "/sign-in" : `/sign-in?next=${encodeURIComponent(next)}`;
}
