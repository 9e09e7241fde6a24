import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { signInPathFor } from "./safe-next-path";
import { hasSessionCookie } from "./session-cookie-names";

/**
 * For signed-in pages (server components): a visitor with no session cookie
 * goes to sign-in before the page renders, instead of seeing it load and
 * then bounce on the API's 401.
 */
export async function requireSessionCookie(currentPath: string): Promise<void> {
  const cookieStore = await cookies();
  if (!hasSessionCookie(cookieStore.getAll().map((cookie) => cookie.name))) redirect(signInPathFor(currentPath));
}
