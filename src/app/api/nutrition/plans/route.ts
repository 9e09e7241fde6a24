import { NextResponse } from "next/server";
import { parseCreatePlanBody } from "@/generation/intake/create-plan-body";
import { authenticate } from "@/server/auth/authenticate";
import { env } from "@/server/env";
import { apiHandler } from "@/server/http/api-handler";
import { parseJsonBody } from "@/server/http/parse-json-body";
import { createPlan, listPlans } from "@/server/plans";

/** The caller's org's plans, newest first, and its model tokens today against its daily budget. */
export const GET = apiHandler(async (request) => {
  const caller = await authenticate(request);
  return NextResponse.json(await listPlans(caller, env().ORG_DAILY_TOKEN_BUDGET), {
    headers: { "cache-control": "no-store" },
  });
});

/** Create a plan: { name, client_id?, plan_length_days, intake_data? } plus the legacy fields. */
export const POST = apiHandler(async (request) => {
  const caller = await authenticate(request);
  const body = await parseJsonBody(request, parseCreatePlanBody);
  return NextResponse.json(await createPlan(caller, body), { status: 201 });
});
