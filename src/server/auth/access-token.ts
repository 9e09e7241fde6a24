import { randomUUID } from "node:crypto";
import { createRemoteJWKSet, errors, type JWTPayload, jwtVerify, SignJWT } from "jose";
import { z } from "zod";
import { db } from "@/server/database/index";
import { type Env, env } from "@/server/env";
import { localSignInAllowed, supabaseAuthConfigured } from "./auth-mode";
import { localJwtSecret } from "./local-secret";

/**
 * Supabase access tokens, verified on the server: HS256 with the project's
 * JWT secret, or the project's asymmetric keys from its JWKS endpoint;
 * audience "authenticated"; expiry enforced. Without a Supabase project the
 * same format is signed and verified with the local per-install secret.
 */

const ClaimsSchema = z.object({
  sub: z.uuid({ message: "the token's subject is not a user id" }),
  role: z.literal("authenticated", { message: "the token is not for a signed-in user" }),
  email: z.string().optional(),
  /** The token's id: a signed-out one is refused (public.assert_session_live). Every local token has one. */
  jti: z.string().max(200).optional(),
  exp: z.number().optional(),
});

export type AccessClaims = z.infer<typeof ClaimsSchema>;

export class InvalidTokenError extends Error {
  override name = "InvalidTokenError";
}

const AUDIENCE = "authenticated";
const LOCAL_ISSUER = "meal-plans-local";
/** One key set per project URL; jose caches and refreshes the keys inside it. */
const remoteKeySets = new Map<string, ReturnType<typeof createRemoteJWKSet>>();

function remoteKeysFor(supabaseUrl: string) {
  let keys = remoteKeySets.get(supabaseUrl);
  if (!keys) {
    keys = createRemoteJWKSet(new URL("/auth/v1/.well-known/jwks.json", supabaseUrl));
    remoteKeySets.set(supabaseUrl, keys);
  }
  return keys;
}

/**
 * Tokens that passed verification, with their claims, until they expire. A
 * coach's page polls with the same token every few seconds, and checking its
 * signature again each time (WebCrypto, a trip to the thread pool) was the
 * largest cost of a status request after the framework's own. Keyed by the
 * whole token, signature included, so only the exact string that was verified
 * hits; bounded (oldest out first); emptied when the configuration changes,
 * since a new secret or project must not honour tokens the old one accepted.
 */
const VERIFIED_TOKENS_KEPT = 10_000;
const verifiedTokens = new Map<string, { claims: AccessClaims; expiresAtMs: number }>();
let verifiedUnder: Env | undefined;

function rememberedClaims(token: string, configuration: Env, now: number): AccessClaims | undefined {
  if (verifiedUnder !== configuration) {
    verifiedTokens.clear();
    verifiedUnder = configuration;
  }
  const remembered = verifiedTokens.get(token);
  if (!remembered) return undefined;
  if (now < remembered.expiresAtMs) return remembered.claims;
  verifiedTokens.delete(token); // expired: verification below says so
  return undefined;
}

function remember(token: string, claims: AccessClaims, expiresAtSeconds: number) {
  if (verifiedTokens.size >= VERIFIED_TOKENS_KEPT) {
    const oldest = verifiedTokens.keys().next().value;
    if (oldest !== undefined) verifiedTokens.delete(oldest);
  }
  verifiedTokens.set(token, { claims, expiresAtMs: expiresAtSeconds * 1000 });
}

/**
 * Signs a local token out: its id (`jti`) goes on the denylist in
 * PostgreSQL (public.signed_out_tokens) until the token would have expired,
 * so every instance refuses it from the next request on, and still after a
 * restart (the check is in each request's opening statement:
 * public.assert_session_live); rows past their expiry are deleted in the
 * same statement. A token that does not verify is not a session: nothing to
 * do. Supabase sessions end at Supabase, whose access tokens stay valid
 * until they expire (an hour by default).
 */
export async function forgetLocalToken(token: string, configuration: Env = env()): Promise<void> {
  let claims: AccessClaims;
  try {
    claims = await verifySignedToken(token, configuration);
  } catch (error) {
    if (error instanceof InvalidTokenError) return;
    throw error;
  }
  verifiedTokens.delete(token);
  if (!claims.jti || claims.exp === undefined) return;
  await db()`
    with cleaned as (delete from signed_out_tokens where expires_at <= now())
    insert into signed_out_tokens (token_id, expires_at)
    values (${claims.jti}, to_timestamp(${claims.exp}))
    on conflict (token_id) do nothing`;
}

export async function verifyAccessToken(token: string, configuration: Env = env()): Promise<AccessClaims> {
  const remembered = rememberedClaims(token, configuration, Date.now());
  if (remembered) return remembered;
  return verifySignedToken(token, configuration);
}

async function verifySignedToken(token: string, configuration: Env): Promise<AccessClaims> {
  let payload: JWTPayload;
  try {
    if (supabaseAuthConfigured(configuration)) {
      if (configuration.SUPABASE_JWT_SECRET) {
        ({ payload } = await jwtVerify(token, new TextEncoder().encode(configuration.SUPABASE_JWT_SECRET), {
          audience: AUDIENCE,
          issuer: supabaseIssuer(configuration.SUPABASE_URL ?? ""),
          algorithms: ["HS256"],
          requiredClaims: ["exp", "sub"],
        }));
      } else {
        ({ payload } = await jwtVerify(token, remoteKeysFor(configuration.SUPABASE_URL ?? ""), {
          audience: AUDIENCE,
          issuer: supabaseIssuer(configuration.SUPABASE_URL ?? ""),
          // Supabase's asymmetric signing keys.
          algorithms: ["ES256", "RS256"],
          requiredClaims: ["exp", "sub"],
        }));
      }
    } else {
      // A local token is honoured only while local sign-in is on: switching it off ends those sessions.
      if (!localSignInAllowed(configuration)) throw new InvalidTokenError("Sign-in is not configured on this server");
      ({ payload } = await jwtVerify(token, localJwtSecret(), {
        audience: AUDIENCE,
        issuer: LOCAL_ISSUER,
        algorithms: ["HS256"],
        // The id a sign-out names: a local token without one could not be signed out.
        requiredClaims: ["exp", "sub", "jti"],
      }));
    }
  } catch (error) {
    if (error instanceof InvalidTokenError) throw error;
    if (error instanceof errors.JWTExpired) throw new InvalidTokenError("The session has expired; sign in again");
    throw new InvalidTokenError("The access token is not valid");
  }
  const claims = ClaimsSchema.safeParse(payload);
  if (!claims.success) throw new InvalidTokenError(claims.error.issues[0]?.message ?? "The access token is not valid");
  // requiredClaims made jose insist on a numeric exp.
  const verified = Object.freeze(claims.data);
  if (typeof payload.exp === "number") remember(token, verified, payload.exp);
  return verified;
}

/** Supabase Auth issues its tokens as `${SUPABASE_URL}/auth/v1`. */
function supabaseIssuer(supabaseUrl: string): string {
  return `${supabaseUrl.replace(/\/+$/, "")}/auth/v1`;
}

export const LOCAL_SESSION_SECONDS = 12 * 60 * 60;

/** A Supabase-format access token for a seeded coach (local sign-in only). */
export async function signLocalAccessToken(
  user: { id: string; email: string },
  now = Date.now(),
): Promise<{ token: string; expiresAt: number }> {
  const issuedAt = Math.floor(now / 1000);
  const expiresAt = issuedAt + LOCAL_SESSION_SECONDS;
  const token = await new SignJWT({ role: "authenticated", email: user.email })
    .setProtectedHeader({ alg: "HS256", typ: "JWT" })
    .setSubject(user.id)
    .setAudience(AUDIENCE)
    .setIssuer(LOCAL_ISSUER)
    .setIssuedAt(issuedAt)
    .setExpirationTime(expiresAt)
    .setJti(randomUUID())
    .sign(localJwtSecret());
  return { token, expiresAt };
}
