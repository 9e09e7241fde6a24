import { NextResponse } from "next/server";
import { type DraftCursor, parseDraftCursor } from "@/generation/drafts/draft-cursor";
import { authenticate, parsePlanId } from "@/server/auth/authenticate";
import { env } from "@/server/env";
import { readGenerationStatus } from "@/server/generation-status";
import { badRequest } from "@/server/http/api-error";
import { apiHandler } from "@/server/http/api-handler";

/**
 * The polling read: { generation_status, generation_error, progress, ... }.
 * With `?drafts_after=<cursor>` (`start` for none yet) it also answers the
 * running generation's drafted days the cursor lacks (`drafts`), in the same
 * statement and under the same auth and org checks.
 */
export const GET = apiHandler<{ planId: string }>(async (request, params) => {
  const planId = parsePlanId(params.planId);
  const draftsAfter = parseDraftsAfter(new URL(request.url).searchParams.get("drafts_after"));
  const caller = await authenticate(request);
  const status = await readGenerationStatus(caller, planId, env().GENERATION_STALE_AFTER_MINUTES, draftsAfter);
  return NextResponse.json(status, { headers: { "cache-control": "no-store" } });
});

function parseDraftsAfter(value: string | null): DraftCursor | undefined {
  if (value === null) return undefined;
  const parsed = parseDraftCursor(value);
  if (!parsed.ok) throw badRequest(parsed.error);
  return parsed.cursor;
}
