import { supabaseAuthConfigured } from "@/server/auth/auth-mode";
import { type Env, env } from "./env";

export type RuntimeMode = {
  planner: "claude" | "offline";
  runner: "inngest" | "inline";
  auth: "supabase" | "local";
  /** Public values the browser needs for Supabase sign-in (the anon key is public by design). */
  supabase_url?: string;
  supabase_anon_key?: string;
};

/** Which parts are real and which are the embedded stand-ins, for the UI banner and the demo. */
export function runtimeMode(runner: "inngest" | "inline", configuration: Env = env()): RuntimeMode {
  const supabase = supabaseAuthConfigured(configuration);
  return {
    planner: configuration.ANTHROPIC_API_KEY ? "claude" : "offline",
    runner,
    auth: supabase ? "supabase" : "local",
    ...(supabase
      ? { supabase_url: configuration.SUPABASE_URL, supabase_anon_key: configuration.SUPABASE_ANON_KEY }
      : {}),
  };
}
