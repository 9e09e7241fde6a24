import { type Env, env } from "@/server/env";

/** Supabase Auth when a project is configured; otherwise local sign-in as a seeded coach. */
export function supabaseAuthConfigured(configuration: Env = env()): boolean {
  return Boolean(configuration.SUPABASE_URL && configuration.SUPABASE_ANON_KEY);
}

/** The local sign-in route exists only without Supabase, and in production builds only with LOCAL_AUTH=1. */
export function localSignInAllowed(configuration: Env = env()): boolean {
  if (supabaseAuthConfigured(configuration)) return false;
  return configuration.NODE_ENV !== "production" || configuration.LOCAL_AUTH;
}
