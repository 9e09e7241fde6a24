import { NextResponse } from "next/server";
import { authenticate, parsePlanId } from "@/server/auth/authenticate";
import { env } from "@/server/env";
import { apiHandler } from "@/server/http/api-handler";
import { readGenerationStatus } from "@/server/plans";

/** The polling read: { generation_status, generation_error, progress }. */
export const GET = apiHandler<{ planId: string }>(async (request, params) => {
  const planId = parsePlanId(params.planId);
  const caller = await authenticate(request);
  const status = await readGenerationStatus(caller, planId, env().GENERATION_STALE_AFTER_MINUTES);
  return NextResponse.json(status, { headers: { "cache-control": "no-store" } });
});
