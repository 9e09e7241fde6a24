import type { RuntimeMode } from "@/ui/api/api-types";

export type RuntimeNotice = {
  id: "planner" | "runner";
  /** What is in use, e.g. "Offline planner". */
  title: string;
  /** What that means for the plans. */
  consequence: string;
  /** What to set to get the real thing; shown as code. */
  remedies: string[];
};

/**
 * The embedded stand-ins in use, each with what to set for the real one.
 * Empty when Claude and Inngest are both configured (then no banner shows).
 */
export function runtimeNotices(mode: Pick<RuntimeMode, "planner" | "runner">): RuntimeNotice[] {
  const notices: RuntimeNotice[] = [];
  if (mode.planner === "offline") {
    notices.push({
      id: "planner",
      title: "Offline planner in use",
      consequence: "Plans come from a deterministic planner over the food catalogue, not from Claude.",
      remedies: ["Set ANTHROPIC_API_KEY to generate with Claude."],
    });
  }
  if (mode.runner === "inline") {
    notices.push({
      id: "runner",
      title: "Inline runner in use",
      consequence: "Generation runs inside the web server and is not durable: a restart loses a run in progress.",
      remedies: [
        "Set INNGEST_DEV=1 and run npx inngest-cli@latest dev for a local Inngest server,",
        "or set INNGEST_EVENT_KEY and INNGEST_SIGNING_KEY for Inngest Cloud.",
      ],
    });
  }
  return notices;
}
