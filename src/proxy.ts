import { type NextRequest, NextResponse } from "next/server";
import { env } from "@/server/env";
import {
  API_CONTENT_SECURITY_POLICY,
  fixedSecurityHeaders,
  newNonce,
  pageContentSecurityPolicy,
} from "@/server/http/security-headers";

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
  const malformed = malformedPathAnswer(request);
  if (malformed) return malformed;
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

/**
 * A path whose percent-encoding does not decode (`/plans/%ZZ`) made Next's
 * router throw while decoding the route's parameters: a 500 without the
 * security headers. The proxy runs before the router, so it answers such a
 * path itself: 400, with the fixed headers and the API's load-nothing policy
 * (next.config.ts's headers are not applied to an answer the proxy makes).
 * Only paths the proxy sees (not `_next/static`, `_next/image`: Next serves
 * those files itself and answers 404 for an unknown name).
 */
function malformedPathAnswer(request: NextRequest): NextResponse | undefined {
  try {
    decodeURIComponent(request.nextUrl.pathname);
    return undefined;
  } catch {
    const headers = new Headers({
      "Content-Security-Policy": API_CONTENT_SECURITY_POLICY,
      "Cache-Control": "no-store",
    });
    for (const { key, value } of fixedSecurityHeaders({ production: env().NODE_ENV === "production" })) {
      headers.set(key, value);
    }
    return NextResponse.json(
      { error: "The address is malformed (its percent-encoding does not decode)" },
      { status: 400, headers },
    );
  }
}

export const config = {
  // Everything but the build's static files (they get the fixed headers from next.config.ts).
  matcher: ["/((?!_next/static|_next/image).*)"],
};
