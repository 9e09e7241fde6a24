import { type NextRequest, NextResponse } from "next/server";
import { env } from "@/server/env";
import { API_CONTENT_SECURITY_POLICY, newNonce, pageContentSecurityPolicy } from "@/server/http/security-headers";

/**
 * Runs before every request except Next's static files: sets the
 * Content-Security-Policy. A page gets a fresh nonce, on the response and on
 * the request Next renders (as Next's CSP guide does); Next.js puts it on its
 * inline and bootstrap scripts (every page renders per request: the root
 * layout calls `connection()`), and the browser tests check each script has
 * it. The fixed headers (nosniff, framing, referrer, HSTS) come from
 * `next.config.ts` for every path, static files included.
 */
export function proxy(request: NextRequest): NextResponse {
  if (request.nextUrl.pathname.startsWith("/api/")) {
    const response = NextResponse.next();
    response.headers.set("Content-Security-Policy", API_CONTENT_SECURITY_POLICY);
    return response;
  }
  const configuration = env();
  const policy = pageContentSecurityPolicy({
    nonce: newNonce(),
    development: configuration.NODE_ENV === "development",
    supabaseUrl: configuration.SUPABASE_URL,
  });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("Content-Security-Policy", policy);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", policy);
  return response;
}

export const config = {
  // Everything but the build's static files (they get the fixed headers from next.config.ts).
  matcher: ["/((?!_next/static|_next/image).*)"],
};
