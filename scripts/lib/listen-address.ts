import { isLoopbackHost, supabaseAuthConfigured } from "@/server/auth/auth-mode";
import type { Env } from "@/server/env";

/**
 * Where `npm run dev` / `npm start` listen, and whether they switch local
 * sign-in on. Without Supabase Auth they switch it on explicitly
 * (LOCAL_AUTH=1, and for `npm start`'s production build LOCAL_AUTH_UNSAFE=1
 * while it listens on loopback), unless LOCAL_AUTH=0 says not to; then the
 * server listens on loopback only, unless HOSTNAME asks for another
 * interface. The sign-in route answers loopback callers only, so on another
 * interface nobody else can sign in: a warning says so. With Supabase Auth,
 * or local sign-in switched off, it binds as Next.js always did: every
 * interface.
 */
export type ListenAddress = {
  hostname: string | undefined;
  browseHost: string;
  warning: string | undefined;
  /** Variables the server gets: the explicit switch for local sign-in, when it is on. */
  env: Record<string, string>;
  localSignIn: boolean;
};

export function listenAddress(configuration: Env, command: "dev" | "start"): ListenAddress {
  const asked = configuration.HOSTNAME;
  const local = !supabaseAuthConfigured(configuration) && configuration.LOCAL_AUTH !== false;
  if (!local) {
    return { hostname: asked, browseHost: asked ?? "localhost", warning: undefined, env: {}, localSignIn: false };
  }
  const hostname = asked ?? "127.0.0.1";
  const loopback = isLoopbackHost(hostname);
  // A production build opens local sign-in only on loopback, unless LOCAL_AUTH_UNSAFE=1 was set by hand.
  const unsafe = command === "start" && (loopback || configuration.LOCAL_AUTH_UNSAFE);
  return {
    hostname,
    browseHost: hostname,
    warning: loopback
      ? undefined
      : `HOSTNAME=${hostname}: local sign-in answers only on this machine (127.0.0.1), so others who reach ${hostname} cannot sign in${command === "start" && !configuration.LOCAL_AUTH_UNSAFE ? " (and this production build keeps it off: LOCAL_AUTH_UNSAFE is not set)" : ""}. Configure Supabase Auth (SUPABASE_URL, SUPABASE_ANON_KEY) to serve other people.`,
    env: { LOCAL_AUTH: "1", ...(unsafe ? { LOCAL_AUTH_UNSAFE: "1" } : {}) },
    localSignIn: command === "dev" || unsafe,
  };
}
