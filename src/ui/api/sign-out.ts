import { loadRuntimeMode } from "./runtime-mode";
import { supabaseBrowserClient } from "./supabase-browser";

/** End the session the way it was started: Supabase's sign-out, or the local session route. */
export async function signOut(): Promise<void> {
  const mode = await loadRuntimeMode();
  if (mode?.auth === "supabase") {
    const client = await supabaseBrowserClient();
    await client?.auth.signOut();
    return;
  }
  await fetch("/api/dev/session", { method: "DELETE", credentials: "same-origin" });
}
