import { NextResponse } from "next/server";
import { z } from "zod";
import { startDayRun } from "@/inngest/start-day-run";
import { authenticate, parseDayParam, parseMealParam, parsePlanId } from "@/server/auth/authenticate";
import { apiHandler } from "@/server/http/api-handler";
import { parseJsonBody } from "@/server/http/parse-json-body";

/**
 * Regenerate one meal of a day ("lunch", "afternoon-snack"): a day run with
 * that meal as its scope, on the same engine, retries and spend limits as a
 * day's; the day's other meals and the meal's locked items stay as they are,
 * and the day as it was goes on its history (Undo). 202 at once; 400 for a
 * meal the day does not have, 409 while a run writes the plan's days.
 */
export const POST = apiHandler<{ planId: string; day: string; meal: string }>(async (request, params) => {
  const planId = parsePlanId(params.planId);
  const day = parseDayParam(params.day);
  const meal = parseMealParam(params.meal);
  const caller = await authenticate(request);
  await parseJsonBody(request, z.strictObject({}));
  const { dayGenerationId } = await startDayRun(caller, planId, day, meal);
  return NextResponse.json({ status: "generating", day, meal, day_generation_id: dayGenerationId }, { status: 202 });
});
