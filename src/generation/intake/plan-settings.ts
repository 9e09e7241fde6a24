import { z } from "zod";

/**
 * A plan's settings for the client's copy: the date of day 1 and the title
 * the client reads. Set on the new-plan form (POST /api/nutrition/plans) and
 * changed later (PATCH /api/nutrition/plans/{planId}). Messages name the API
 * field, as every intake message does; the form says them in its own words
 * (src/ui/plan-form/field-issues.ts).
 */

/** Earliest and latest start dates (the database's check says the same). */
export const EARLIEST_START_DATE = "2000-01-01";
export const LATEST_START_DATE = "2100-12-31";
export const MAX_CLIENT_TITLE_CHARS = 120;

/** The date of day 1, "YYYY-MM-DD" (a calendar date: no time, no time zone). */
export const PlanStartDateSchema = z
  .string({ error: "start_date must be a date such as 2026-12-07" })
  .pipe(z.iso.date({ error: "start_date must be a date such as 2026-12-07", abort: true }))
  .refine((date) => date >= EARLIEST_START_DATE && date <= LATEST_START_DATE, {
    error: `start_date must be between ${EARLIEST_START_DATE} and ${LATEST_START_DATE}`,
  });

/** The title on the client's copy; blank is refused (send null to go back to the default). */
export const ClientTitleSchema = z
  .string({ error: "client_title must be text" })
  .trim()
  .min(1, { error: "client_title must not be blank (leave it out for the default)" })
  .max(MAX_CLIENT_TITLE_CHARS, { error: `client_title must be at most ${MAX_CLIENT_TITLE_CHARS} characters` });

/** The two settings as the create body carries them: each optional, null meaning "none". */
export const PlanSettingsFields = {
  start_date: PlanStartDateSchema.nullish(),
  client_title: ClientTitleSchema.nullish(),
};

/** Body of PATCH /api/nutrition/plans/{planId}: one or both settings; null clears one. */
export const PlanSettingsBodySchema = z
  .strictObject(PlanSettingsFields, { error: "the request body must be a JSON object" })
  .refine((body) => body.start_date !== undefined || body.client_title !== undefined, {
    error: "send start_date, client_title or both",
  });

export type PlanSettingsBody = z.output<typeof PlanSettingsBodySchema>;

/**
 * The title the client reads: the coach's client title when set, else
 * "Meal plan for <first name>" from the client record, else "Your meal
 * plan". Never the coach's internal plan name.
 */
export function clientFacingTitle(clientTitle: string | null, clientName: string | null): string {
  const title = clientTitle?.trim();
  if (title) return title;
  const firstName = clientName?.trim().split(/\s+/)[0];
  return firstName ? `Meal plan for ${firstName}` : "Your meal plan";
}
