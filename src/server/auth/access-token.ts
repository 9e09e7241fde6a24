import { createRemoteJWKSet, errors, type JWTPayload, jwtVerify, SignJWT } from "jose";
import { z } from "zod";
import { type Env, env } from "@/server/env";
import { supabaseAuthConfigured } from "./auth-mode";
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

export async function verifyAccessToken(token: string, configuration: Env = env()): Promise<AccessClaims> {
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
      ({ payload } = await jwtVerify(token, localJwtSecret(), {
        audience: AUDIENCE,
        issuer: LOCAL_ISSUER,
        algorithms: ["HS256"],
        requiredClaims: ["exp", "sub"],
      }));
    }
  } catch (error) {
    if (error instanceof errors.JWTExpired) throw new InvalidTokenError("The session has expired; sign in again");
    throw new InvalidTokenError("The access token is not valid");
  }
  const claims = ClaimsSchema.safeParse(payload);
  if (!claims.success) throw new InvalidTokenError(claims.error.issues[0]?.message ?? "The access token is not valid");
  return claims.data;
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
    .sign(localJwtSecret());
  return { token, expiresAt };
}
