import { randomUUID } from "node:crypto";
import { createOfflineModel } from "@/generation/offline/offline-model";
import { generateMealPlan } from "@/inngest/story/generate-meal-plan";
import { generationDependencies } from "@/inngest/story/run-dependencies";
import type { StepRunner } from "@/inngest/story/story-steps";
import { db } from "@/server/database/index";
import { DEMO_ORG_ID } from "../../tests/support/seed-ids";

/**
 * A plan of the seeded org, named `name`, generated in this process by the
 * offline planner (2200 kcal, 4 meals a day) with each step run straight
 * through: what a bench needs to measure what comes after generation.
 * Returns the plan's id; throws if the run does not save.
 */
export async function offlineGeneratedPlan(name: string, days: number): Promise<string> {
  const [plan] = await db()<{ id: string }[]>`
    insert into meal_plans (org_id, name, plan_length_days, intake_data)
    values (${DEMO_ORG_ID}, ${name}, ${days}, ${db().json({ calorie_target: 2200, meals_per_day: 4 })})
    returning id`;
  const planId = plan?.id ?? "";
  const generationId = randomUUID();
  await db()`update meal_plans set generation_status = 'generating', generation_id = ${generationId} where id = ${planId}`;
  const steps: StepRunner = { run: (_id, work) => work() };
  const logger = { info: () => undefined, warn: () => undefined };
  const outcome = await generateMealPlan(
    { planId, orgId: DEMO_ORG_ID, generationId, request: {} },
    steps,
    generationDependencies({ model: createOfflineModel(), logger }),
  );
  if (outcome.status !== "saved") throw new Error(`generation ended ${outcome.status}`);
  return planId;
}
