import { NextResponse } from "next/server";
import { authenticate, parseItemId, parsePlanId } from "@/server/auth/authenticate";
import { apiHandler } from "@/server/http/api-handler";
import { listAlternatives } from "@/server/plan-edits";

/**
 * Catalogue foods that may replace the item: the same plate role, suited to its meal, fitting the plan, not already
 * in its day; closest macros first, each at its grams.
 */
export const GET = apiHandler<{ planId: string; itemId: string }>(async (request, params) => {
  const planId = parsePlanId(params.planId);
  const itemId = parseItemId(params.itemId);
  const caller = await authenticate(request);
  const alternatives = await listAlternatives(caller, planId, itemId);
  return NextResponse.json({ alternatives }, { headers: { "cache-control": "no-store" } });
});
