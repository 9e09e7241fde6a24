import { ApiError } from "./api-error";
import { appOrigins, originOf } from "./app-origin";

/** Methods that change nothing: a cross-site page may send them without harm. */
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * A request the browser sent with the session cookie from another site's
 * page (CSRF) is refused with 403. SameSite=Lax cookies already stay off
 * cross-site POSTs in current browsers, but not from a sibling subdomain
 * (same site), nor in every browser; a cookie-only `text/plain` POST from
 * another origin created a plan. So a state-changing request that
 * authenticates with the cookie must name this app's origin, scheme and host
 * both (`appOrigins`: APP_URL's when configured, else the request's own;
 * X-Forwarded-Host only when TRUST_FORWARDED_HOST=1): its Origin header (or,
 * without one, its Referer). A request with neither is refused too (unless
 * `allowUnnamed`: local sign-in, which scripts call without a page).
 * Bearer-token requests are not at risk (a page cannot make the browser
 * attach a token) and are not checked.
 */
export function assertSameOrigin(request: Request, options: { allowUnnamed?: boolean } = {}): void {
  if (SAFE_METHODS.has(request.method.toUpperCase())) return;
  const claimed = request.headers.get("origin") || request.headers.get("referer");
  // Scripts (no cookie, no page) name no origin; every browser names it on a cross-origin POST.
  if (!claimed && options.allowUnnamed) return;
  if (!claimed || claimed === "null") {
    throw new ApiError(403, "Cross-site request refused: it does not say which page sent it (no Origin header)");
  }
  const claimedOrigin = originOf(claimed);
  if (!claimedOrigin) throw new ApiError(403, "Cross-site request refused: its Origin header is not a URL");
  if (!appOrigins(request).includes(claimedOrigin)) {
    throw new ApiError(403, "Cross-site request refused: it was sent from another site's page");
  }
}
