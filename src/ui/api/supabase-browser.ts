import type { SupabaseClient } from "@supabase/supabase-js";
import { loadRuntimeMode } from "./runtime-mode";

let cachedClient: Promise<SupabaseClient | null> | undefined;

/**
 * The browser Supabase client when the server uses Supabase Auth, else null.
 * @supabase/ssr keeps the session in the `sb-<project>-auth-token` cookie,
 * which the API routes read, so signing in here authenticates `fetch` calls.
 * Loaded on demand: local sign-in never downloads the Supabase library.
 */
export function supabaseBrowserClient(): Promise<SupabaseClient | null> {
  cachedClient ??= (async () => {
    const mode = await loadRuntimeMode();
    if (mode?.auth !== "supabase" || !mode.supabase_url || !mode.supabase_anon_key) return null;
    const { createBrowserClient } = await import("@supabase/ssr");
    return createBrowserClient(mode.supabase_url, mode.supabase_anon_key);
  })();
  return cachedClient;
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
