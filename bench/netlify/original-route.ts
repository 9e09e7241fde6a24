// The original route, restored for `npm run bench:netlify` only: the bench
// copies this file over src/app/api/nutrition/plans/[planId]/generate/route.ts
// in a scratch copy of the project (the app itself answers 410 there). One
// request runs the whole multi-day generation and answers when the plan is
// saved, with the original route's design: no step budget, so each pass is
// one model call with the original max_tokens (what GENERATION_STEP_BUDGET_SECONDS=0
// gives: src/inngest/story/run-dependencies.ts), the same story the new flow runs.
import { NextResponse } from "next/server";
import { parseGenerateBody } from "@/generation/intake/intake";
import { startInlineRun } from "@/inngest/inline/inline-runner";
import { estimatePlanRunTokens } from "@/inngest/run-estimate";
import {
  chunkLimitsFor,
  generationDependencies,
  modelFromEnv,
  stepBudgetSeconds,
} from "@/inngest/story/run-dependencies";
import { authenticate, parsePlanId } from "@/server/auth/authenticate";
import { env } from "@/server/env";
import { ApiError, badRequest } from "@/server/http/api-error";
import { apiHandler } from "@/server/http/api-handler";
import { readJsonBody } from "@/server/http/read-json-body";
import { startGeneration } from "@/server/plan-start";

export const POST = apiHandler<{ planId: string }>(async (request, params) => {
  const planId = parsePlanId(params.planId);
  const caller = await authenticate(request);
  const body = parseGenerateBody(await readJsonBody(request));
  if (!body.ok) throw badRequest(body.error, body.details);
  const start = await startGeneration(
    caller,
    planId,
    body.value,
    env().GENERATION_STALE_AFTER_MINUTES,
    estimatePlanRunTokens,
  );
  if (!start.started) throw new ApiError(409, "already generating");

  const original = { ...env(), GENERATION_STEP_BUDGET_SECONDS: 0 };
  const model = modelFromEnv(original);
  const startedAt = Date.now();
  await startInlineRun(
    { planId, orgId: start.orgId, generationId: start.generationId, request: body.value },
    { dependencies: generationDependencies({ model, chunkLimitsFor: chunkLimitsFor(stepBudgetSeconds(original)) }) },
  );
  return NextResponse.json({ generation_id: start.generationId, seconds: (Date.now() - startedAt) / 1000 });
});
