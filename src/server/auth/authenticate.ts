import { z } from "zod";
import { asUser, type UserClaims } from "@/server/database/index";
import { ApiError, badRequest, unauthorized } from "@/server/http/api-error";
import { InvalidTokenError, verifyAccessToken } from "./access-token";
import { supabaseAuthConfigured } from "./auth-mode";
import { accessTokenFromCookies, LOCAL_SESSION_COOKIE } from "./session-cookie";

export type Caller = { userId: string; email: string | undefined; orgId: string; claims: UserClaims };

function parseCookieHeader(header: string | null): { name: string; value: string }[] {
  if (!header) return [];
  return header.split(";").flatMap((part) => {
    const index = part.indexOf("=");
    if (index <= 0) return [];
    return [{ name: part.slice(0, index).trim(), value: part.slice(index + 1).trim() }];
  });
}

/** The bearer token, else the Supabase session cookie's access token. */
export function accessTokenFrom(request: Request): string | undefined {
  const authorization = request.headers.get("authorization");
  if (authorization) {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization.trim());
    return match?.[1];
  }
  return sessionAccessToken(parseCookieHeader(request.headers.get("cookie")));
}

/**
 * The access token in the session cookies the server honours (unverified).
 * Also used by signed-in pages to send visitors without one to sign-in.
 */
export function sessionAccessToken(cookies: ReadonlyArray<{ name: string; value: string }>): string | undefined {
  // A stale local-sign-in cookie must not shadow a Supabase session.
  return accessTokenFromCookies(
    supabaseAuthConfigured() ? cookies.filter((cookie) => !cookie.name.startsWith(LOCAL_SESSION_COOKIE)) : cookies,
  );
}

/**
 * Who is calling and for which org: a verified access token, then the
 * caller's membership read under row-level security as that user.
 */
export async function authenticate(request: Request): Promise<Caller> {
  const token = accessTokenFrom(request);
  if (!token) throw unauthorized();
  let claims: UserClaims;
  try {
    const verified = await verifyAccessToken(token);
    claims = { ...verified, role: "authenticated" };
  } catch (error) {
    if (error instanceof InvalidTokenError) throw unauthorized(error.message);
    throw error;
  }
  const [membership] = await asUser(
    claims,
    (tx) => tx<{ org_id: string }[]>`
      select org_id from org_members where user_id = auth.uid() order by created_at, org_id limit 1`,
  );
  if (!membership) throw new ApiError(403, "Your account does not belong to an organisation yet");
  return { userId: claims.sub, email: claims.email as string | undefined, orgId: membership.org_id, claims };
}

const UuidSchema = z.uuid();

/** A UUID route parameter, or 400 naming it. */
function parseUuidParam(name: string, value: string): string {
  const parsed = UuidSchema.safeParse(value);
  if (!parsed.success) throw badRequest(`${name} must be a UUID`, { [name]: value.slice(0, 100) });
  return parsed.data;
}

export function parsePlanId(value: string): string {
  return parseUuidParam("planId", value);
}

export function parseItemId(value: string): string {
  return parseUuidParam("itemId", value);
}
