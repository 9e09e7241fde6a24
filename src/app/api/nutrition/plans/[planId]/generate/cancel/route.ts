import { NextResponse } from "next/server";
import { cancelDispatcher } from "@/inngest/dispatch";
import { authenticate, parsePlanId } from "@/server/auth/authenticate";
import { apiHandler } from "@/server/http/api-handler";
import { cancelGeneration } from "@/server/plan-cancel";
import { redactSecrets } from "@/server/redact";

/**
 * Cancel the plan's live run: the plan goes back to what it was before the
 * run (its previous days, or idle) in one statement, then the engine is told
 * to stop (202). A run that is not told still writes nothing: its writes need
 * the plan to be generating. 409 when nothing is running.
 */
export const POST = apiHandler<{ planId: string }>(async (request, params) => {
  const planId = parsePlanId(params.planId);
  const caller = await authenticate(request);
  const { generationId, orgId } = await cancelGeneration(caller, planId);
  try {
    await cancelDispatcher()({ planId, orgId, generationId });
  } catch (error) {
    // The plan is already back to its previous state; the run, if it goes on,
    // can only spend model calls until its save finds it cancelled.
    console.warn(`[generation] could not send the cancel for plan ${planId}: ${redactSecrets(String(error))}`);
  }
  return NextResponse.json({ status: "cancelled", generation_id: generationId }, { status: 202 });
});
