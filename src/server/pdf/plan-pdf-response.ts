import { clientFacingTitle } from "@/generation/intake/plan-settings";
import { ApiError } from "@/server/http/api-error";
import type { PlanDetail } from "@/server/plan-detail";
import { type PlanSender, senderLine } from "@/server/plan-sender";
import type { SharedPlan } from "@/server/share-links";
import { type PdfPlan, planPdfFileName, renderPlanPdf } from "./plan-pdf";

/**
 * The coach's plan as the PDF shows it, under the client's title (never the
 * internal plan name: the PDF is sent to the client) and who it is from; 409 while it is not
 * complete (a PDF of half a plan would mislead).
 */
export function pdfPlanOfCoach(plan: PlanDetail, sender: PlanSender | undefined): PdfPlan {
  if (plan.generation_status !== "complete" || plan.days.length === 0) {
    throw new ApiError(409, "The plan is not finished yet; download its PDF once it is complete");
  }
  return {
    title: clientFacingTitle(plan.client_title, plan.client_name),
    ...(sender ? { from: senderLine(sender) } : {}),
    ...clientView(plan),
  };
}

/** A shared plan as the PDF shows it: the same fields the shared page shows. */
export function pdfPlanOfShare(plan: SharedPlan): PdfPlan {
  if (plan.days.length === 0) throw new ApiError(409, "This plan has no days yet");
  return { title: plan.title, from: senderLine(plan), ...clientView(plan) };
}

function clientView(plan: Pick<PlanDetail, "plan_length_days" | "targets" | "days" | "shopping">) {
  return { plan_length_days: plan.plan_length_days, targets: plan.targets, days: plan.days, shopping: plan.shopping };
}

/** The PDF as a download: private, never cached (it holds a client's plan). */
export function planPdfResponse(plan: PdfPlan): Response {
  const bytes = renderPlanPdf(plan);
  return new Response(bytes.buffer as ArrayBuffer, {
    headers: {
      "content-type": "application/pdf",
      "content-length": String(bytes.byteLength),
      "content-disposition": `attachment; filename="${planPdfFileName(plan.title)}"`,
      "cache-control": "private, no-store",
    },
  });
}
