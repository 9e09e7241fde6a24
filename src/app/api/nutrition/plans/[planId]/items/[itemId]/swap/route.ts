import { NextResponse } from "next/server";
import { authenticate, parseItemId, parsePlanId } from "@/server/auth/authenticate";
import { apiHandler } from "@/server/http/api-handler";
import { parseJsonBody } from "@/server/http/parse-json-body";
import { SwapBodySchema, swapItemFood } from "@/server/plan-edits";
import { takeSpendToken } from "@/server/spend-limits";

/**
 * Replace the item's food (`{ food_id }`) and re-solve its day to the
 * targets; answers the updated day (and the edit Undo takes back). 429 past the swap spend limits.
 */
export const POST = apiHandler<{ planId: string; itemId: string }>(async (request, params) => {
  const planId = parsePlanId(params.planId);
  const itemId = parseItemId(params.itemId);
  const caller = await authenticate(request);
  const body = await parseJsonBody(request, SwapBodySchema);
  // Each swap runs the solver: a spend bucket per coach and org, as for the model's actions.
  await takeSpendToken("swap", { userId: caller.userId, orgId: null });
  const answer = await swapItemFood(caller, planId, itemId, body.food_id);
  return NextResponse.json(answer, { headers: { "cache-control": "no-store" } });
});
