import { NextResponse } from "next/server";
import { z } from "zod";
import { forgetLocalToken, signLocalAccessToken } from "@/server/auth/access-token";
import { localSignInAllowed, localSignInRefusal } from "@/server/auth/auth-mode";
import { accessTokenFrom } from "@/server/auth/authenticate";
import { localSignInKeyMatches, MISSING_KEY_MESSAGE } from "@/server/auth/local-sign-in-key";
import { encodeSessionCookie, LOCAL_SESSION_COOKIE } from "@/server/auth/session-cookie";
import { db } from "@/server/database/index";
import { ApiError } from "@/server/http/api-error";
import { apiHandler } from "@/server/http/api-handler";
import { parseJsonBody } from "@/server/http/parse-json-body";
import { assertSameOrigin } from "@/server/http/same-origin";

/**
 * Local sign-in for the embedded default: a seeded coach's email gets a
 * Supabase-format access token (and the session cookie). Absent (404) unless
 * switched on (LOCAL_AUTH=1; in a production build LOCAL_AUTH_UNSAFE=1 as
 * well; never beside Supabase Auth); 403 for a caller or a Host that is not
 * loopback, and 403 without the local sign-in key (a forwarder makes any
 * client look loopback; the key is what only this machine's user has); only
 * accounts in the reserved `.test` domain can sign in this way.
 */
const SignInSchema = z
  .object({
    email: z.email({ error: "email must be an email address" }),
    /** The local sign-in key (src/server/auth/local-sign-in-key.ts): the link's, or the file's. */
    key: z.string().max(200).optional(),
  })
  .strict();

export const POST = apiHandler(async (request) => {
  if (!localSignInAllowed()) throw new ApiError(404, "Not found");
  const refusal = localSignInRefusal(request);
  if (refusal) throw new ApiError(403, refusal);
  // Sets the session cookie: never for another site's page (no login CSRF); scripts name no page.
  assertSameOrigin(request, { allowUnnamed: true });
  const body = await parseJsonBody(request, SignInSchema, 4 * 1024);
  if (!localSignInKeyMatches(body.key)) throw new ApiError(403, MISSING_KEY_MESSAGE);

  // Only accounts in the reserved .test domain (the seeded coaches): pointing
  // DATABASE_URL at a real database must not open passwordless sign-in to
  // real people's accounts.
  const [user] = await db()<{ id: string; email: string }[]>`
    select u.id, u.email from auth.users u
    where lower(u.email) = lower(${body.email})
      and lower(u.email) like '%.test'
      and exists (select 1 from org_members m where m.user_id = u.id)`;
  if (!user) throw new ApiError(401, "No local account for that email; try coach@demo.test or coach@other.test");

  const { token, expiresAt } = await signLocalAccessToken(user);
  const response = NextResponse.json({ access_token: token, token_type: "bearer", expires_at: expiresAt });
  response.cookies.set(
    LOCAL_SESSION_COOKIE,
    encodeSessionCookie({ access_token: token, token_type: "bearer", expires_at: expiresAt }),
    {
      httpOnly: true,
      sameSite: "lax",
      path: "/",
      maxAge: expiresAt - Math.floor(Date.now() / 1000),
    },
  );
  return response;
});

/** Sign out: the session's token stops working on the server, and the cookie is forgotten. */
export const DELETE = apiHandler(async (request) => {
  if (!localSignInAllowed()) throw new ApiError(404, "Not found");
  const token = accessTokenFrom(request);
  if (token) await forgetLocalToken(token);
  const response = NextResponse.json({ signed_out: true });
  response.cookies.delete(LOCAL_SESSION_COOKIE);
  return response;
});
