import { NextResponse } from "next/server";
import { parseGenerateBody } from "@/generation/intake/intake";
import { dispatcher } from "@/inngest/dispatch";
import { estimatePlanRunTokens } from "@/inngest/run-estimate";
import { authenticate, parsePlanId } from "@/server/auth/authenticate";
import { env } from "@/server/env";
import { ApiError } from "@/server/http/api-error";
import { apiHandler } from "@/server/http/api-handler";
import { parseJsonBody } from "@/server/http/parse-json-body";
import { markQueueFailed, QUEUE_FAILED_MESSAGE, startGeneration } from "@/server/plan-start";
import { redactSecrets } from "@/server/redact";

/**
 * Start generating a plan: flip it to generating with a new generation id and
 * hand the run to the workflow engine, then answer 202 at once. A second call
 * while a run is live answers the same generation id and starts nothing (it
 * re-sends the same event, which Inngest de-duplicates, only when the first
 * dispatch looks lost).
 */
export const POST = apiHandler<{ planId: string }>(async (request, params) => {
  const planId = parsePlanId(params.planId);
  const caller = await authenticate(request);
  const body = await parseJsonBody(request, parseGenerateBody);

  const start = await startGeneration(
    caller,
    planId,
    body,
    env().GENERATION_STALE_AFTER_MINUTES,
    estimatePlanRunTokens,
  );
  const { generationId, orgId } = start;
  if (start.started || start.redispatch) {
    try {
      const run = { planId, orgId, generationId, request: body };
      await dispatcher()(run);
    } catch (error) {
      console.warn(`[generation] could not queue plan ${planId}: ${redactSecrets(String(error))}`);
      await markQueueFailed(planId, generationId);
      throw new ApiError(503, QUEUE_FAILED_MESSAGE);
    }
  }
  return NextResponse.json({ status: "generating", generation_id: generationId }, { status: 202 });
});
