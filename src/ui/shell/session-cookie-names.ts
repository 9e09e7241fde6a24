/**
 * The session cookie names the server reads (src/server/auth/session-cookie.ts):
 * `sb-<project>-auth-token`, possibly split into `.0`, `.1`, … chunks, and
 * `sb-local-auth-token` for local sign-in.
 */
const SESSION_COOKIE_NAME = /^sb-[A-Za-z0-9_-]+-auth-token(?:\.\d+)?$/;

/**
 * Whether the browser sent any session cookie at all. Only a hint for sending
 * signed-out visitors straight to sign-in: the API still verifies the token,
 * and an expired one ends in a 401 that the page turns into the same redirect.
 */
export function hasSessionCookie(cookieNames: Iterable<string>): boolean {
  for (const name of cookieNames) if (SESSION_COOKIE_NAME.test(name)) return true;
  return false;
}
