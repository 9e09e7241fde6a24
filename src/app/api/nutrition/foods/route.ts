import { NextResponse } from "next/server";
import { authenticate } from "@/server/auth/authenticate";
import { listCatalogueFoods } from "@/server/foods";
import { apiHandler } from "@/server/http/api-handler";

/** The caller's food catalogue (global foods and the org's own), for the new-plan form's disliked-foods picker. */
export const GET = apiHandler(async (request) => {
  const caller = await authenticate(request);
  return NextResponse.json({ foods: await listCatalogueFoods(caller) }, { headers: { "cache-control": "no-store" } });
});
