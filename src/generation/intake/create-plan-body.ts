import { z } from "zod";
import { describeZodIssues, type ParseResult, summarizeIssues } from "@/generation/shared/zod-issues";
import { GenerateBodySchema, PlanLengthDaysSchema } from "./intake";
import { PlanSettingsFields } from "./plan-settings";

/**
 * Body of POST /api/nutrition/plans (and the new-plan form): a name, an
 * optional client, the length, the optional start date and client's title
 * (plan-settings.ts), and the same intake and legacy fields the Generate
 * request accepts, validated by the same rules.
 */
export const CreatePlanBodySchema = GenerateBodySchema.extend({
  name: z
    .string({ error: "name must be text" })
    .trim()
    .min(1, { error: "name is required" })
    .max(200, { error: "name must be at most 200 characters" }),
  client_id: z.uuid({ error: "client_id must be a client's id" }).nullish(),
  plan_length_days: PlanLengthDaysSchema,
  ...PlanSettingsFields,
}).strict();

export type CreatePlanBody = z.output<typeof CreatePlanBodySchema>;

export function parseCreatePlanBody(input: unknown): ParseResult<CreatePlanBody> {
  const result = CreatePlanBodySchema.safeParse(input);
  if (result.success) return { ok: true, value: result.data };
  const details = describeZodIssues(result.error);
  return { ok: false, error: `Invalid plan: ${summarizeIssues(details)}`, details };
}
