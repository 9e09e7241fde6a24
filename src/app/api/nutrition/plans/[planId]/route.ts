import { NextResponse } from "next/server";
import { authenticate, parsePlanId } from "@/server/auth/authenticate";
import { apiHandler } from "@/server/http/api-handler";
import { readPlanDetail } from "@/server/plan-detail";

/** A plan with its days, meals and items, and each day's totals against the target. */
export const GET = apiHandler<{ planId: string }>(async (request, params) => {
  const planId = parsePlanId(params.planId);
  const caller = await authenticate(request);
  return NextResponse.json(await readPlanDetail(caller, planId), { headers: { "cache-control": "no-store" } });
});
