import { NextResponse } from "next/server";
import { dayDispatcher } from "@/inngest/dispatch";
import { estimateDayRunTokens } from "@/inngest/run-estimate";
import { authenticate, parseDayParam, parsePlanId } from "@/server/auth/authenticate";
import { markDayGenerationFailed } from "@/server/day-generation-store";
import { env } from "@/server/env";
import { ApiError } from "@/server/http/api-error";
import { apiHandler } from "@/server/http/api-handler";
import { startDayRegeneration } from "@/server/plans";
import { redactSecrets } from "@/server/redact";

/**
 * Regenerate one day of a finished plan: a new day-generation id, then
 * plan/day.regenerate.requested (event id = that id) or the inline runner;
 * 202 at once. 409 while the whole plan or another day is being generated.
 */
export const POST = apiHandler<{ planId: string; day: string }>(async (request, params) => {
  const planId = parsePlanId(params.planId);
  const day = parseDayParam(params.day);
  const caller = await authenticate(request);
  const { dayGenerationId, orgId } = await startDayRegeneration(
    caller,
    planId,
    day,
    env().GENERATION_STALE_AFTER_MINUTES,
    estimateDayRunTokens,
  );
  try {
    await dayDispatcher()({ planId, orgId, dayGenerationId, day: day });
  } catch (error) {
    console.warn(`[generation] could not queue day ${day} of plan ${planId}: ${redactSecrets(String(error))}`);
    await markDayGenerationFailed(planId, dayGenerationId, "Could not queue the regeneration; try again");
    throw new ApiError(503, "Could not queue the regeneration; try again");
  }
  return NextResponse.json({ status: "generating", day: day, day_generation_id: dayGenerationId }, { status: 202 });
});
