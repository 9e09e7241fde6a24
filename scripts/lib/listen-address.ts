import { localSignInAllowed } from "@/server/auth/auth-mode";
import type { Env } from "@/server/env";

/**
 * Where `npm run dev` / `npm start` listen. Local sign-in lets anyone who can
 * reach the server in as a coach without a password, so while it is on the
 * server listens on loopback only, unless HOSTNAME asks for another interface
 * (then a warning says what that exposes). With Supabase Auth it binds as
 * Next.js always did: every interface.
 */
export type ListenAddress = { hostname: string | undefined; browseHost: string; warning: string | undefined };

export function listenAddress(configuration: Env, command: "dev" | "start"): ListenAddress {
  const production = command === "start";
  const local = localSignInAllowed({ ...configuration, NODE_ENV: production ? "production" : "development" });
  const asked = configuration.HOSTNAME;
  if (!local) return { hostname: asked, browseHost: asked ?? "localhost", warning: undefined };
  if (!asked) return { hostname: "127.0.0.1", browseHost: "127.0.0.1", warning: undefined };
  const loopback = asked === "localhost" || asked === "::1" || asked.startsWith("127.");
  return {
    hostname: asked,
    browseHost: asked,
    warning: loopback
      ? undefined
      : `HOSTNAME=${asked}: local sign-in has no password, so anyone who can reach ${asked} can sign in as a coach. Configure Supabase Auth (SUPABASE_URL, SUPABASE_ANON_KEY) before exposing the app.`,
  };
}
