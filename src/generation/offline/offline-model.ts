import { DEFAULT_GENERATION_CONFIG, type GenerationConfig } from "@/generation/generation-config";
import type { ModelPort, ModelReply, PassToPlan } from "@/generation/model/model-port";
import { modelRequestFor } from "@/generation/prompt/pass-prompt";
import { briefOf, planOffline } from "./offline-planner";

/** The model name the offline planner reports, so saved runs show which planner wrote them. */
export const OFFLINE_MODEL_NAME = "offline-planner";

/**
 * The zero-configuration ModelPort: plans the pass with planOffline (no I/O,
 * no network, no prompt parsing) and answers in the same reply shape as Claude. Usage is an estimate (4
 * characters per token) so dashboards and logs stay meaningful.
 */
export function createOfflineModel(config: GenerationConfig = DEFAULT_GENERATION_CONFIG): ModelPort {
  return {
    name: "offline",
    async planPass(pass: PassToPlan, options?: { signal?: AbortSignal }): Promise<ModelReply> {
      options?.signal?.throwIfAborted();
      const text = await planOffline(briefOf(pass), config);
      // Usage as if the pass had been sent to a model, so logs and dashboards compare.
      const request = modelRequestFor(pass);
      return {
        text,
        stopReason: "end_turn",
        model: OFFLINE_MODEL_NAME,
        usage: {
          inputTokens: estimateTokens(request.system) + estimateTokens(request.user),
          outputTokens: estimateTokens(text),
          cacheReadInputTokens: 0,
          cacheCreationInputTokens: 0,
        },
      };
    },
  };
}

/** Rough token count (about 4 characters per token for English and JSON). */
function estimateTokens(text: string): number {
  return Math.ceil(text.length / 4);
}
