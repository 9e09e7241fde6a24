import type { SupabaseClient } from "@supabase/supabase-js";
import { loadRuntimeMode } from "./runtime-mode";

/** What the browser needs to talk to the Supabase project (both values are public by design). */
export type SupabasePublicConfig = { url: string; anonKey: string };

let cachedClient: Promise<SupabaseClient> | undefined;

/**
 * The browser Supabase client for the project, one per page load.
 * @supabase/ssr keeps the session in the `sb-<project>-auth-token` cookie,
 * which the API routes read, so signing in here authenticates `fetch` calls.
 * Loaded on demand: local sign-in never downloads the Supabase library.
 */
export function supabaseClientFor(config: SupabasePublicConfig): Promise<SupabaseClient> {
  cachedClient ??= import("@supabase/ssr").then(
    ({ createBrowserClient }) => createBrowserClient(config.url, config.anonKey),
    (error: unknown) => {
      cachedClient = undefined; // A chunk that failed to load may load next time.
      throw error;
    },
  );
  return cachedClient;
}

/**
 * For code that was not handed the config (token refresh, sign-out): the
 * client when the server uses Supabase Auth, else null. A null is never kept,
 * so a runtime lookup that failed is tried again on the next call.
 */
export async function supabaseBrowserClient(): Promise<SupabaseClient | null> {
  if (cachedClient) return cachedClient;
  const mode = await loadRuntimeMode();
  if (mode?.auth !== "supabase" || !mode.supabase_url || !mode.supabase_anon_key) return null;
  return supabaseClientFor({ url: mode.supabase_url, anonKey: mode.supabase_anon_key });
}

/**
 * After a 401: Supabase access tokens last an hour, and only the browser
 * client can refresh one (it rewrites the cookie). True when there is a
 * session again, so the caller may retry the request once.
 */
export async function refreshSupabaseSession(): Promise<boolean> {
  const client = await supabaseBrowserClient();
  if (!client) return false;
  const { data, error } = await client.auth.refreshSession();
  return !error && data.session !== null;
}
