import { NextResponse } from "next/server";
import { authenticate, parsePlanId } from "@/server/auth/authenticate";
import { apiHandler } from "@/server/http/api-handler";
import { appOrigin } from "@/server/http/app-origin";
import { parseJsonBody } from "@/server/http/parse-json-body";
import {
  CreateShareBodySchema,
  createShareLink,
  DEFAULT_SHARE_DAYS,
  listShareLinks,
  revokeShareLinks,
} from "@/server/share-links";
import { takeSpendToken } from "@/server/spend-limits";

type Params = { planId: string };
const noStore = { "cache-control": "no-store" };

/** The plan's working share links (their URLs cannot be shown again: only the token's hash is kept). */
export const GET = apiHandler<Params>(async (request, params) => {
  const planId = parsePlanId(params.planId);
  const caller = await authenticate(request);
  return NextResponse.json({ links: await listShareLinks(caller, planId) }, { headers: noStore });
});

/**
 * A new read-only link for the client: `{ expires_in_days? }` (1-90, default
 * 30) → 201 `{ url, expires_at }`; 429 past the share spend limits, 409 when
 * the plan already has MAX_ACTIVE_SHARE_LINKS working links.
 */
export const POST = apiHandler<Params>(async (request, params) => {
  const planId = parsePlanId(params.planId);
  const caller = await authenticate(request);
  const body = await parseJsonBody(request, CreateShareBodySchema);
  await takeSpendToken("create-share", { userId: caller.userId, orgId: null });
  const link = await createShareLink(caller, planId, body.expires_in_days ?? DEFAULT_SHARE_DAYS);
  // On the app's public origin (APP_URL), not the URL the request reached this server at.
  const url = new URL(`/shared/${link.token}`, appOrigin(request)).toString();
  return NextResponse.json(
    { id: link.id, url, created_at: link.created_at, expires_at: link.expires_at },
    { status: 201, headers: noStore },
  );
});

/** Revokes every working link of the plan at once. */
export const DELETE = apiHandler<Params>(async (request, params) => {
  const planId = parsePlanId(params.planId);
  const caller = await authenticate(request);
  return NextResponse.json({ revoked: await revokeShareLinks(caller, planId) }, { headers: noStore });
});
