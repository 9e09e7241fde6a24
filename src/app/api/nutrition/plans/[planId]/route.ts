import { NextResponse } from "next/server";
import { PlanSettingsBodySchema } from "@/generation/intake/plan-settings";
import { authenticate, parsePlanId } from "@/server/auth/authenticate";
import { apiHandler } from "@/server/http/api-handler";
import { parseJsonBody } from "@/server/http/parse-json-body";
import { readPlanDetail } from "@/server/plan-detail";
import { updatePlanSettings } from "@/server/plans";

/** A plan with its days, meals and items, and each day's totals against the target. */
export const GET = apiHandler<{ planId: string }>(async (request, params) => {
  const planId = parsePlanId(params.planId);
  const caller = await authenticate(request);
  return NextResponse.json(await readPlanDetail(caller, planId), { headers: { "cache-control": "no-store" } });
});

/**
 * The plan's settings for the client's copy: `{ start_date?, client_title? }`
 * (null clears one) → 200 with both as they now are; 400 naming what is wrong.
 */
export const PATCH = apiHandler<{ planId: string }>(async (request, params) => {
  const planId = parsePlanId(params.planId);
  const caller = await authenticate(request);
  const body = await parseJsonBody(request, PlanSettingsBodySchema);
  return NextResponse.json(await updatePlanSettings(caller, planId, body), {
    headers: { "cache-control": "no-store" },
  });
});
