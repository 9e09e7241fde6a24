import { inngestConfig } from "@inngest-config";
import { inngest } from "@/inngest/binding/client";
import { planDayRegenerateRequested, planGenerateCancelled, planGenerateRequested } from "@/inngest/binding/events";
import { cancelInlineRun, startInlineDayRun, startInlineRun } from "@/inngest/inline/inline-runner";
import type {
  DayRegenerateRequestedData,
  GenerateCancelledData,
  GenerateRequestedData,
} from "@/inngest/story/run-events";
import { type Env, env } from "@/server/env";
import { redactSecrets } from "@/server/redact";

/**
 * How /generate/start hands a run to the workflow engine: an Inngest event
 * (durable), or the inline runner in this process (embedded default).
 */
export type GenerationRunner = "inngest" | "inline";

export function selectedRunner(configuration: Env = env()): GenerationRunner {
  if (configuration.GENERATION_RUNNER) return configuration.GENERATION_RUNNER;
  return configuration.INNGEST_DEV || configuration.INNGEST_EVENT_KEY ? "inngest" : "inline";
}

export type Dispatch = (data: GenerateRequestedData) => Promise<void>;

/** Sends an event, or fails once Inngest has not accepted it within inngestConfig.dispatchTimeoutMs. */
async function send(event: Parameters<typeof inngest.send>[0]): Promise<void> {
  const ms = inngestConfig.dispatchTimeoutMs;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`the event was not accepted within ${ms} ms`)), ms);
  });
  try {
    await Promise.race([inngest.send(event), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** Sends plan/generate.requested with event id = generation id, so a repeated send starts nothing new. */
export const sendToInngest: Dispatch = async (data) => {
  await send(planGenerateRequested.create(data, { id: data.generationId }));
};

/** Starts the run in this process and returns at once; the run reports through the plan row. */
export const startInline: Dispatch = async (data) => {
  startInlineRun(data).catch((error: unknown) => {
    // Only reachable if even marking the plan failed (database down): say so.
    console.error(
      `[generation] inline run for plan ${data.planId} ended without recording its outcome: ${redactSecrets(String(error))}`,
    );
  });
};

export function dispatcher(configuration: Env = env()): Dispatch {
  return selectedRunner(configuration) === "inngest" ? sendToInngest : startInline;
}

export type CancelDispatch = (data: GenerateCancelledData) => Promise<void>;

/**
 * Tells the engine a run was cancelled (the plan row already says so): an
 * Inngest event matched by the function's cancelOn (event id per generation,
 * so a repeated cancel is one event), or an abort of the inline run.
 */
export function cancelDispatcher(configuration: Env = env()): CancelDispatch {
  if (selectedRunner(configuration) === "inngest") {
    return async (data) => {
      await send(planGenerateCancelled.create(data, { id: `cancel-${data.generationId}` }));
    };
  }
  return async (data) => {
    cancelInlineRun(data.planId, data.generationId);
  };
}

export type DayDispatch = (data: DayRegenerateRequestedData) => Promise<void>;

/** Hands a one-day regeneration to the engine: plan/day.regenerate.requested (event id = day-generation id), or inline. */
export function dayDispatcher(configuration: Env = env()): DayDispatch {
  if (selectedRunner(configuration) === "inngest") {
    return async (data) => {
      await send(planDayRegenerateRequested.create(data, { id: data.dayGenerationId }));
    };
  }
  return async (data) => {
    startInlineDayRun(data).catch((error: unknown) => {
      console.error(
        `[generation] inline day run for plan ${data.planId} ended without recording its outcome: ${redactSecrets(String(error))}`,
      );
    });
  };
}
