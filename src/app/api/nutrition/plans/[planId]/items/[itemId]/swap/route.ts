import { NextResponse } from "next/server";
import { describeZodIssues, summarizeIssues } from "@/generation/shared/zod-issues";
import { authenticate, parseItemId, parsePlanId } from "@/server/auth/authenticate";
import { badRequest } from "@/server/http/api-error";
import { apiHandler } from "@/server/http/api-handler";
import { readJsonBody } from "@/server/http/read-json-body";
import { SwapBodySchema, swapItemFood } from "@/server/plan-edits";

/** Replace the item's food (`{ food_id }`) and re-solve its day to the targets; answers the updated day. */
export const POST = apiHandler<{ planId: string; itemId: string }>(async (request, params) => {
  const planId = parsePlanId(params.planId);
  const itemId = parseItemId(params.itemId);
  const caller = await authenticate(request);
  const body = SwapBodySchema.safeParse(await readJsonBody(request));
  if (!body.success) {
    const issues = describeZodIssues(body.error);
    throw badRequest(summarizeIssues(issues), issues);
  }
  const day = await swapItemFood(caller, planId, itemId, body.data.food_id);
  return NextResponse.json({ day }, { headers: { "cache-control": "no-store" } });
});
