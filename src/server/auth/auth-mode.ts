import { type Env, env } from "@/server/env";

/** Supabase Auth when a project is configured; otherwise local sign-in as a seeded coach, if switched on. */
export function supabaseAuthConfigured(configuration: Env = env()): boolean {
  return Boolean(configuration.SUPABASE_URL && configuration.SUPABASE_ANON_KEY);
}

/**
 * Local passwordless sign-in exists only when switched on (LOCAL_AUTH=1),
 * never beside Supabase Auth, and in a production build only when
 * LOCAL_AUTH_UNSAFE=1 says so as well: a deployed build must not open it by
 * a leftover variable. Even then the route answers loopback callers only
 * (`localSignInRefusal`).
 */
export function localSignInAllowed(configuration: Env = env()): boolean {
  if (supabaseAuthConfigured(configuration) || configuration.LOCAL_AUTH !== true) return false;
  return configuration.NODE_ENV !== "production" || configuration.LOCAL_AUTH_UNSAFE;
}

/** Why LOCAL_AUTH=1 is being ignored, for the server's start-up log; undefined when it is not. */
export function ignoredLocalAuthWarning(configuration: Env = env()): string | undefined {
  if (configuration.LOCAL_AUTH !== true || localSignInAllowed(configuration)) return undefined;
  return supabaseAuthConfigured(configuration)
    ? "LOCAL_AUTH=1 is ignored: Supabase Auth is configured, and it is the only sign-in."
    : "LOCAL_AUTH=1 is ignored in a production build: local sign-in has no password. Set LOCAL_AUTH_UNSAFE=1 as well only on a machine nobody else can reach.";
}

/** 127.0.0.0/8, ::1 and localhost, with or without brackets or the IPv4-mapped prefix. */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname
    .toLowerCase()
    .replace(/^\[|\]$/g, "")
    .replace(/^::ffff:/, "");
  return host === "localhost" || host === "::1" || /^127(\.\d{1,3}){3}$/.test(host);
}

/**
 * Local sign-in is for the machine the server runs on. It is refused (a
 * reason is answered) unless the Host header names a loopback address (a
 * DNS-rebinding page reaches the server under its own host name) and every
 * address in X-Forwarded-For is loopback (Next.js sets it from the socket
 * when the client sent none; a proxy in front adds the real client's).
 * Headers stop browsers and appending proxies, not a client that writes its
 * own: so `npm run dev` / `npm start` open local sign-in only on a loopback
 * interface (scripts/lib/listen-address.ts), unless LOCAL_AUTH_UNSAFE=1.
 */
export function localSignInRefusal(request: Request): string | undefined {
  const host = request.headers.get("host") ?? new URL(request.url).host;
  let hostname: string;
  try {
    hostname = new URL(`http://${host}`).hostname;
  } catch {
    return "Local sign-in answers only at a loopback address (127.0.0.1 or localhost)";
  }
  if (!isLoopbackHost(hostname)) {
    return "Local sign-in answers only at a loopback address (127.0.0.1 or localhost)";
  }
  const forwarded = request.headers.get("x-forwarded-for");
  const hops = forwarded?.split(",").map((hop) => hop.trim()) ?? [];
  if (hops.length === 0 || !hops.every(isLoopbackHost)) {
    return "Local sign-in answers only requests from this machine";
  }
  return undefined;
}
