import type { Caller } from "@/server/auth/authenticate";
import { markDayGenerationFailed } from "@/server/day-generation-store";
import { startDayRegeneration } from "@/server/day-regeneration-start";
import { env } from "@/server/env";
import { ApiError } from "@/server/http/api-error";
import { redactSecrets } from "@/server/redact";
import { dayDispatcher } from "./dispatch";
import { estimateDayRunTokens } from "./run-estimate";

/**
 * Starts regenerating a day, or one meal of it, and hands the run to the
 * engine (plan/day.regenerate.requested, event id = the day-generation id, or
 * the inline runner). The same path for both routes: the same refusals (409
 * naming what holds the day, 429 past the spend limits) and the same 503 when
 * the run could not be queued (the plan is not left generating).
 */
export async function startDayRun(
  caller: Caller,
  planId: string,
  day: number,
  meal?: string,
): Promise<{ dayGenerationId: string }> {
  const { dayGenerationId, orgId } = await startDayRegeneration(
    caller,
    planId,
    day,
    env().GENERATION_STALE_AFTER_MINUTES,
    estimateDayRunTokens,
    meal,
  );
  try {
    await dayDispatcher()({ planId, orgId, dayGenerationId, day, ...(meal === undefined ? {} : { meal }) });
  } catch (error) {
    const what = meal === undefined ? `day ${day}` : `${meal} of day ${day}`;
    console.warn(`[generation] could not queue ${what} of plan ${planId}: ${redactSecrets(String(error))}`);
    await markDayGenerationFailed(planId, dayGenerationId, "Could not queue the regeneration; try again");
    throw new ApiError(503, "Could not queue the regeneration; try again");
  }
  return { dayGenerationId };
}
