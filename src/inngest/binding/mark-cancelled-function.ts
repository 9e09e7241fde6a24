import { inngestConfig } from "@inngest-config";
import { inngest } from "./client";

/** The attempts Inngest accepts for a function (a number from 0 to 20). */
type InngestRetries = NonNullable<Parameters<typeof inngest.createFunction>[0]["retries"]>;

/**
 * Runs cancelled by their `timeouts` (or by a restart, through `cancelOn`) do
 * not reach onFailure. A cancelled run whose plan (or day) is still its own
 * would stay "generating" forever, so a function of this kind marks it failed,
 * in one step `mark-cancelled`. A run cancelled by a restart no longer owns
 * the plan and the update matches nothing; nor does it for a coach's cancel,
 * which cleared the plan's generation id first.
 */
export function markCancelledFunction<RunIdField extends "generationId" | "dayGenerationId">(options: {
  id: string;
  name: string;
  /** The workflow whose cancelled runs this marks (its id and retries, from inngest.config.ts). */
  watches: { id: string; retries: InngestRetries };
  /** The field of the cancelled run's event that names the run the plan row records. */
  runIdField: RunIdField;
  /** Marks the run failed if it still owns the row; true when it did. */
  markFailed: (planId: string, runId: string) => Promise<boolean>;
}) {
  return inngest.createFunction(
    {
      id: options.id,
      name: options.name,
      triggers: [
        {
          event: "inngest/function.cancelled",
          if: `event.data.function_id == '${inngestConfig.appId}-${options.watches.id}'`,
        },
      ],
      retries: options.watches.retries,
    },
    async ({ event, step }) => {
      const original = (event.data as { event?: { data?: Record<string, unknown> } }).event?.data;
      const planId = original?.planId;
      const runId = original?.[options.runIdField];
      if (typeof planId !== "string" || typeof runId !== "string" || !planId || !runId) return { marked: false };
      const marked = await step.run("mark-cancelled", () => options.markFailed(planId, runId));
      return { marked };
    },
  );
}
