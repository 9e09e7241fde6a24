import type { GenerationProgress, GenerationStatusValue } from "@/ui/api/api-types";

type Phase = NonNullable<GenerationProgress["phase"]>;

/** What each workflow phase is doing, in words a coach understands (typed so a new phase cannot go undescribed). */
const PHASE_DESCRIPTIONS: Record<Phase, string> = {
  queued: "Waiting for the workflow to start",
  "pass-one": "Planning days (first pass)",
  "pass-two": "Planning days (second pass)",
  scaling: "Scaling portions to the calorie target",
  deduplicating: "Removing repeated foods",
  balancing: "Balancing each day's macros",
  done: "Finishing",
  cancelled: "Cancelled",
};

// Share of the bar reached when each phase starts. The two planning passes
// take most of the time, so they fill the span between 5 % and 85 % in
// proportion to the days planned.
const PLANNING_START = 0.05;
const PLANNING_END = 0.85;
const PHASE_FLOORS: Record<Phase, number> = {
  queued: 0,
  "pass-one": PLANNING_START,
  "pass-two": PLANNING_START,
  scaling: PLANNING_END,
  deduplicating: 0.9,
  balancing: 0.95,
  done: 1,
  cancelled: 0,
};

export type ProgressView = {
  /** 0-100, whole numbers, for a <progress> element. */
  percent: number;
  /** One sentence for the live region, e.g. "Planning days (first pass): 3 of 7 days planned." */
  message: string;
};

/**
 * Turn the status endpoint's progress object into a bar value and a sentence.
 * The progress is stored JSON, so a phase this page does not know (from a
 * newer server) still gets a sentence.
 */
export function describeProgress(
  status: GenerationStatusValue,
  progress: GenerationProgress | null,
  drafted: ReadonlySet<number> = new Set(),
): ProgressView {
  const cancelled = progress?.phase === "cancelled";
  if (status === "complete") {
    return { percent: 100, message: cancelled ? "Generation cancelled; the plan is as it was." : "The plan is ready." };
  }
  if (status === "error") return { percent: 0, message: "Generation failed." };
  if (status === "idle") return { percent: 0, message: cancelled ? "Generation cancelled." : "Not generated yet." };

  const phase = progress?.phase ?? "queued";
  const daysTotal = wholeNumberOrZero(progress?.days_total);
  const daysDone = Math.min(wholeNumberOrZero(progress?.days_done), daysTotal);
  const dayShare = daysTotal > 0 ? daysDone / daysTotal : 0;

  const floor = PHASE_FLOORS[phase] ?? 0;
  const planning = phase === "pass-one" || phase === "pass-two";
  const fraction = planning ? PLANNING_START + (PLANNING_END - PLANNING_START) * dayShare : floor;
  const description = PHASE_DESCRIPTIONS[phase] ?? "Generating";
  const daysText = daysTotal > 0 ? `: ${daysDone} of ${daysTotal} days planned` : "";
  const percent = Math.round(Math.max(0, Math.min(1, fraction)) * 100);
  const retrying = retryingText(progress?.retrying);

  const doing = whatIsHappening(phase, daysTotal, progress?.passes, drafted);
  if (doing) {
    const planned = planning && daysTotal > 0 ? `: ${daysDone} of ${daysTotal} days drafted` : "";
    return { percent, message: `${doing}${planned}.${retrying}` };
  }
  return { percent, message: `${description}${daysText}.${retrying}` };
}

/**
 * What the run is doing in a coach's words, when the server says which days
 * each pass plans (`passes`, from runs since drafts): "Planning days 6-10"
 * (the days of the current pass not drafted yet), "Balancing 28 days".
 * Undefined for a run that does not say, which keeps the phase's sentence.
 */
function whatIsHappening(
  phase: string,
  daysTotal: number,
  passes: unknown,
  drafted: ReadonlySet<number>,
): string | undefined {
  const days = daysTotal === 1 ? "1 day" : `${daysTotal} days`;
  if (phase === "scaling" && daysTotal > 0) return `Scaling ${days} to the calorie target`;
  if (phase === "deduplicating" && daysTotal > 0) return `Removing foods repeated across ${days}`;
  if (phase === "balancing" && daysTotal > 0) return `Balancing ${days}`;
  if (phase !== "pass-one" && phase !== "pass-two") return undefined;
  if (!Array.isArray(passes)) return undefined;
  for (const pass of passes) {
    if (!Array.isArray(pass)) return undefined;
    const [first, last] = pass.map(wholeNumberOrZero);
    if (!first || !last || last < first) return undefined;
    const waiting = Array.from({ length: last - first + 1 }, (_, index) => first + index).filter(
      (day) => !drafted.has(day),
    );
    if (waiting.length === 0) continue;
    const from = waiting[0];
    const to = waiting[waiting.length - 1];
    return from === to ? `Planning day ${from}` : `Planning days ${from}-${to}`;
  }
  return undefined;
}

/**
 * While a group of days waits to be tried again: " Retrying day 5 (attempt 3
 * of 6): answer cut off." The progress is stored JSON from the server, so
 * anything not in that shape says nothing rather than something wrong.
 */
function retryingText(retrying: unknown): string {
  if (typeof retrying !== "object" || retrying === null) return "";
  const { days, attempt, of, fault } = retrying as Record<string, unknown>;
  if (typeof days !== "string" || typeof fault !== "string") return "";
  const attemptNumber = wholeNumberOrZero(attempt);
  const attempts = wholeNumberOrZero(of);
  if (attemptNumber < 2 || attemptNumber > attempts) return "";
  return ` Retrying ${days} (attempt ${attemptNumber} of ${attempts}): ${fault}.`;
}

function wholeNumberOrZero(value: unknown): number {
  return typeof value === "number" && Number.isFinite(value) && value > 0 ? Math.floor(value) : 0;
}
