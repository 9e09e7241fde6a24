import { NextResponse } from "next/server";
import { z } from "zod";
import { authenticate, parseDayParam, parsePlanId } from "@/server/auth/authenticate";
import { rebalanceDay } from "@/server/day-edits";
import { apiHandler } from "@/server/http/api-handler";
import { parseJsonBody } from "@/server/http/parse-json-body";
import { takeSpendToken } from "@/server/spend-limits";

/**
 * Rebalance the rest of the day: the balance step's program re-solves the
 * grams of the unlocked items onto the day's targets (the locked ones keep
 * theirs, no food comes or goes). Answers `{ day, undo }`.
 */
export const POST = apiHandler<{ planId: string; day: string }>(async (request, params) => {
  const planId = parsePlanId(params.planId);
  const day = parseDayParam(params.day);
  const caller = await authenticate(request);
  await parseJsonBody(request, z.strictObject({}));
  await takeSpendToken("swap", { userId: caller.userId, orgId: null });
  return NextResponse.json(await rebalanceDay(caller, planId, day), { headers: { "cache-control": "no-store" } });
});
