import { NextResponse } from "next/server";
import { authenticate, parseDayParam, parsePlanId } from "@/server/auth/authenticate";
import { AddItemBodySchema, addItem } from "@/server/day-edits";
import { apiHandler } from "@/server/http/api-handler";
import { parseJsonBody } from "@/server/http/parse-json-body";
import { takeSpendToken } from "@/server/spend-limits";

/**
 * Add one of the org's foods to a meal of the day: `{ meal_position, food_id,
 * grams? }` (grams default to the food's usual portion). Answers `{ day, undo }`.
 * 400 for another org's food, one the plan forbids or the day already has, or
 * grams outside its limits; 409 while a run writes the day.
 */
export const POST = apiHandler<{ planId: string; day: string }>(async (request, params) => {
  const planId = parsePlanId(params.planId);
  const day = parseDayParam(params.day);
  const caller = await authenticate(request);
  const body = await parseJsonBody(request, AddItemBodySchema);
  await takeSpendToken("swap", { userId: caller.userId, orgId: null });
  return NextResponse.json(await addItem(caller, planId, day, body), { headers: { "cache-control": "no-store" } });
});
