import { ApiError } from "./api-error";

/** Methods that change nothing: a cross-site page may send them without harm. */
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * A request the browser sent with the session cookie from another site's
 * page (CSRF) is refused with 403. SameSite=Lax cookies already stay off
 * cross-site POSTs in current browsers, but not from a sibling subdomain
 * (same site), nor in every browser; a cookie-only `text/plain` POST from
 * another origin created a plan. So a state-changing request that
 * authenticates with the cookie must name this app's origin: its Origin
 * header (or, without one, its Referer) must have the request's own host
 * (the Host header, or X-Forwarded-Host, which a cross-site page cannot set
 * on a request it may send without asking). A request with neither is
 * refused too (unless `allowUnnamed`: local sign-in, which scripts call
 * without a page). Bearer-token requests are not at risk (a page cannot make the
 * browser attach a token) and are not checked.
 */
export function assertSameOrigin(request: Request, options: { allowUnnamed?: boolean } = {}): void {
  if (SAFE_METHODS.has(request.method.toUpperCase())) return;
  const claimed = request.headers.get("origin") || request.headers.get("referer");
  // Scripts (no cookie, no page) name no origin; every browser names it on a cross-origin POST.
  if (!claimed && options.allowUnnamed) return;
  if (!claimed || claimed === "null") {
    throw new ApiError(403, "Cross-site request refused: it does not say which page sent it (no Origin header)");
  }
  let claimedHost: string;
  try {
    claimedHost = new URL(claimed).host;
  } catch {
    throw new ApiError(403, "Cross-site request refused: its Origin header is not a URL");
  }
  const ownHosts = [request.headers.get("host"), request.headers.get("x-forwarded-host"), new URL(request.url).host]
    .filter((host): host is string => Boolean(host))
    .map((host) => host.toLowerCase());
  if (!ownHosts.includes(claimedHost.toLowerCase())) {
    throw new ApiError(403, "Cross-site request refused: it was sent from another site's page");
  }
}
