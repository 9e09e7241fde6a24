import { NextResponse } from "next/server";
import { parseCreatePlanBody } from "@/generation/intake/create-plan-body";
import { authenticate } from "@/server/auth/authenticate";
import { env } from "@/server/env";
import { badRequest } from "@/server/http/api-error";
import { apiHandler } from "@/server/http/api-handler";
import { readJsonBody } from "@/server/http/read-json-body";
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
  const body = parseCreatePlanBody(await readJsonBody(request));
  if (!body.ok) throw badRequest(body.error, body.details);
  return NextResponse.json(await createPlan(caller, body.value), { status: 201 });
});
