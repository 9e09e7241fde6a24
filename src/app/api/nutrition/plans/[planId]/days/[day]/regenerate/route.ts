import { NextResponse } from "next/server";
import { startDayRun } from "@/inngest/start-day-run";
import { authenticate, parseDayParam, parsePlanId } from "@/server/auth/authenticate";
import { apiHandler } from "@/server/http/api-handler";

/**
 * Regenerate one day of a finished plan: a new day-generation id, then
 * plan/day.regenerate.requested (event id = that id) or the inline runner;
 * 202 at once. The day's locked items stay as they are. 409 while the whole
 * plan or another day (or meal) is being generated.
 */
export const POST = apiHandler<{ planId: string; day: string }>(async (request, params) => {
  const planId = parsePlanId(params.planId);
  const day = parseDayParam(params.day);
  const caller = await authenticate(request);
  const { dayGenerationId } = await startDayRun(caller, planId, day);
  return NextResponse.json({ status: "generating", day, day_generation_id: dayGenerationId }, { status: 202 });
});
