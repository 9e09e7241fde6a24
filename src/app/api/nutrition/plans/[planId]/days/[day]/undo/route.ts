import { NextResponse } from "next/server";
import { z } from "zod";
import { authenticate, parseDayParam, parsePlanId } from "@/server/auth/authenticate";
import { undoDayEdit } from "@/server/day-edits";
import { apiHandler } from "@/server/http/api-handler";
import { parseJsonBody } from "@/server/http/parse-json-body";

/**
 * Undo the day's newest hand edit (swaps included): the day as it was before
 * it, from the day's history. Answers `{ day, undo }` (the edit a further
 * undo would take back); 409 when the day has none.
 */
export const POST = apiHandler<{ planId: string; day: string }>(async (request, params) => {
  const planId = parsePlanId(params.planId);
  const day = parseDayParam(params.day);
  const caller = await authenticate(request);
  await parseJsonBody(request, z.strictObject({}));
  return NextResponse.json(await undoDayEdit(caller, planId, day), { headers: { "cache-control": "no-store" } });
});
