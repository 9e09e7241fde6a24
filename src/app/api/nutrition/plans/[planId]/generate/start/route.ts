import { NextResponse } from "next/server";
import { parseGenerateBody } from "@/generation/intake";
import { dispatcher } from "@/inngest/dispatch";
import { authenticate, parsePlanId } from "@/server/auth/authenticate";
import { env } from "@/server/env";
import { ApiError, badRequest } from "@/server/http/api-error";
import { apiHandler } from "@/server/http/api-handler";
import { readJsonBody } from "@/server/http/read-json-body";
import { markQueueFailed, startGeneration } from "@/server/plans";
import { redactSecrets } from "@/server/redact";

/**
 * Start generating a plan: flip it to generating with a new generation id and
 * hand the run to the workflow engine, then answer 202 at once. A second call
 * while a run is live answers the same generation id and starts nothing.
 */
export const POST = apiHandler<{ planId: string }>(async (request, params) => {
  const planId = parsePlanId(params.planId);
  const caller = await authenticate(request);
  const body = parseGenerateBody(await readJsonBody(request));
  if (!body.ok) throw badRequest(body.error, body.details);

  const { generationId, started } = await startGeneration(
    caller,
    planId,
    body.value,
    env().GENERATION_STALE_AFTER_MINUTES,
  );
  if (started) {
    try {
      await dispatcher()({ planId, orgId: caller.orgId, generationId, request: body.value });
    } catch (error) {
      console.warn(`[generation] could not queue plan ${planId}: ${redactSecrets(String(error))}`);
      await markQueueFailed(planId, generationId);
      throw new ApiError(503, "Could not queue generation; try again");
    }
  }
  return NextResponse.json({ status: "generating", generation_id: generationId }, { status: 202 });
});
