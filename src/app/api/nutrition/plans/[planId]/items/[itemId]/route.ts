import { NextResponse } from "next/server";
import { authenticate, parseItemId, parsePlanId } from "@/server/auth/authenticate";
import { editItem, ItemEditBodySchema, removeItem } from "@/server/day-edits";
import { apiHandler } from "@/server/http/api-handler";
import { parseJsonBody } from "@/server/http/parse-json-body";
import { takeSpendToken } from "@/server/spend-limits";

const NO_STORE = { "cache-control": "no-store" };

/**
 * Change one item: `{ grams }`, `{ meal_position }` (move it to that meal) or
 * `{ locked }`. Answers `{ day, undo }`, the day re-totalled as a fresh read
 * shows it. 400 for grams outside the item's limits or a meal it does not
 * suit; 409 while a run writes the day.
 */
export const PATCH = apiHandler<{ planId: string; itemId: string }>(async (request, params) => {
  const planId = parsePlanId(params.planId);
  const itemId = parseItemId(params.itemId);
  const caller = await authenticate(request);
  const body = await parseJsonBody(request, ItemEditBodySchema);
  // Each edit judges the day with the balance step's solver: the swap's spend bucket.
  await takeSpendToken("swap", { userId: caller.userId, orgId: null });
  return NextResponse.json(await editItem(caller, planId, itemId, body), { headers: NO_STORE });
});

/** Remove the item from its meal (not the last of its meal). Answers `{ day, undo }`. */
export const DELETE = apiHandler<{ planId: string; itemId: string }>(async (request, params) => {
  const planId = parsePlanId(params.planId);
  const itemId = parseItemId(params.itemId);
  const caller = await authenticate(request);
  await takeSpendToken("swap", { userId: caller.userId, orgId: null });
  return NextResponse.json(await removeItem(caller, planId, itemId), { headers: NO_STORE });
});
