import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { sessionAccessToken } from "@/server/auth/authenticate";
import { signInPathFor } from "./safe-next-path";

/**
 * For signed-in pages (server components): a visitor with no session cookie
 * goes to sign-in before the page renders, instead of seeing it load and
 * then bounce on the API's 401.
 */
export async function requireSessionCookie(currentPath: string): Promise<void> {
  const cookieStore = await cookies();
  // Only a hint: the API still verifies the token, and an expired one ends in
  // a 401 that the page turns into the same redirect.
  if (!sessionAccessToken(cookieStore.getAll())) redirect(signInPathFor(currentPath));
}
