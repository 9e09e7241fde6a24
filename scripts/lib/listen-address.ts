import { isLoopbackHost, supabaseAuthConfigured } from "@/server/auth/auth-mode";
import type { Env } from "@/server/env";

/**
 * Where `npm run dev` / `npm start` listen, and whether they switch local
 * sign-in on. Without Supabase Auth they switch it on explicitly
 * (LOCAL_AUTH=1, and for `npm start`'s production build LOCAL_AUTH_UNSAFE=1)
 * while they listen on loopback, unless LOCAL_AUTH=0 says not to; then the
 * server listens on loopback only, unless HOSTNAME asks for another
 * interface. There local sign-in stays off unless LOCAL_AUTH_UNSAFE=1 was
 * set by hand: the sign-in route's loopback check reads the Host and
 * X-Forwarded-For headers, which stop a browser (DNS rebinding) but not a
 * client on the network that writes its own. A warning says which. With
 * Supabase Auth, or local sign-in switched off, it binds as Next.js always
 * did: every interface.
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
  // On another interface, only LOCAL_AUTH_UNSAFE=1 set by hand opens local sign-in (dev and start alike).
  const open = loopback || configuration.LOCAL_AUTH_UNSAFE;
  const supabaseHint = "Configure Supabase Auth (SUPABASE_URL, SUPABASE_ANON_KEY) to serve other people.";
  return {
    hostname,
    browseHost: hostname,
    warning: loopback
      ? undefined
      : open
        ? `HOSTNAME=${hostname} with LOCAL_AUTH_UNSAFE=1: anyone who reaches ${hostname} can sign in as any seeded coach without a password (the loopback check reads headers a client can write). ${supabaseHint}`
        : `HOSTNAME=${hostname}: local sign-in is off, since a client on the network could pass its loopback check by writing its own Host and X-Forwarded-For headers (LOCAL_AUTH_UNSAFE=1 opens it anyway). ${supabaseHint}`,
    env: open ? { LOCAL_AUTH: "1", ...(command === "start" ? { LOCAL_AUTH_UNSAFE: "1" } : {}) } : {},
    localSignIn: open,
  };
}
