import { NextResponse } from "next/server";
import { parseGenerateBody } from "@/generation/intake/intake";
import { dispatcher } from "@/inngest/dispatch";
import { authenticate, parsePlanId } from "@/server/auth/authenticate";
import { env } from "@/server/env";
import { ApiError, badRequest } from "@/server/http/api-error";
import { apiHandler } from "@/server/http/api-handler";
import { readJsonBody } from "@/server/http/read-json-body";
import { markQueueFailed, QUEUE_FAILED_MESSAGE, startGeneration } from "@/server/plans";
import { redactSecrets } from "@/server/redact";

/** Sending the event must not eat the host's request time limit (Netlify: 26 s). */
const DISPATCH_TIMEOUT_MS = 8_000;

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`the event was not accepted within ${ms} ms`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

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
  const body = parseGenerateBody(await readJsonBody(request));
  if (!body.ok) throw badRequest(body.error, body.details);

  const start = await startGeneration(caller, planId, body.value, env().GENERATION_STALE_AFTER_MINUTES);
  const { generationId, orgId } = start;
  if (start.started || start.redispatch) {
    try {
      const run = { planId, orgId, generationId, request: body.value };
      await withTimeout(dispatcher()(run), DISPATCH_TIMEOUT_MS);
    } catch (error) {
      console.warn(`[generation] could not queue plan ${planId}: ${redactSecrets(String(error))}`);
      await markQueueFailed(planId, generationId);
      throw new ApiError(503, QUEUE_FAILED_MESSAGE);
    }
  }
  return NextResponse.json({ status: "generating", generation_id: generationId }, { status: 202 });
});
