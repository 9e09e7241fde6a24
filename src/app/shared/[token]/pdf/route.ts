import { notFound } from "@/server/http/api-error";
import { apiHandler } from "@/server/http/api-handler";
import { pdfPlanOfShare, planPdfResponse } from "@/server/pdf/plan-pdf-response";
import { readSharedPlan } from "@/server/share-links";

export const runtime = "nodejs";

/**
 * The shared plan as a PDF, for the client behind the link: the token is the
 * credential, as on the shared page; a malformed, unknown, expired or revoked
 * token is 404, like the page.
 */
export const GET = apiHandler<{ token: string }>(async (_request, params) => {
  const plan = await readSharedPlan(params.token);
  if (!plan) throw notFound("This link does not work any more; ask your coach for a new one");
  return planPdfResponse(pdfPlanOfShare(plan));
});
