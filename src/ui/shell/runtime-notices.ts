import type { RuntimeMode } from "@/ui/api/api-types";

/** A run of prose, or something to type exactly (an environment variable, a command), shown as code. */
export type RemedyPart = string | { code: string };

export type RuntimeNotice = {
  id: "planner" | "runner";
  /** What is in use, e.g. "Offline planner". */
  title: string;
  /** What that means for the plans. */
  consequence: string;
  /** What to set to get the real thing, one sentence in parts. */
  remedy: RemedyPart[];
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
      remedy: ["Set ", { code: "ANTHROPIC_API_KEY" }, " to generate with Claude."],
    });
  }
  if (mode.runner === "inline") {
    notices.push({
      id: "runner",
      title: "Inline runner in use",
      consequence:
        "Generation runs inside the web server and is not durable: a run cut short by a restart starts again from the beginning when the server next starts.",
      remedy: [
        "Set ",
        { code: "INNGEST_DEV=1" },
        " and run ",
        { code: "npx inngest-cli@latest dev" },
        " for a local Inngest server, or set ",
        { code: "INNGEST_EVENT_KEY" },
        " and ",
        { code: "INNGEST_SIGNING_KEY" },
        " for Inngest Cloud.",
      ],
    });
  }
  return notices;
}
