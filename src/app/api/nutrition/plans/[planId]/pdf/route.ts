import { authenticate, parsePlanId } from "@/server/auth/authenticate";
import { db } from "@/server/database/index";
import { apiHandler } from "@/server/http/api-handler";
import { pdfPlanOfCoach, planPdfResponse } from "@/server/pdf/plan-pdf-response";
import { readPlanDetail } from "@/server/plan-detail";
import { readPlanSender } from "@/server/plan-sender";

export const runtime = "nodejs";

/** The plan as a PDF for its client (week overview, days, grocery list); 409 until the plan is complete. */
export const GET = apiHandler<{ planId: string }>(async (request, params) => {
  const planId = parsePlanId(params.planId);
  const caller = await authenticate(request);
  const plan = await readPlanDetail(caller, planId);
  // The read above proved the plan is the caller's.
  return planPdfResponse(pdfPlanOfCoach(plan, await readPlanSender(db(), planId)));
});
