import { type DraftCursor, draftCursor } from "@/generation/drafts/draft-cursor";
import type { DraftDay } from "@/generation/drafts/draft-day";
import { asCaller } from "@/server/auth/as-caller";
import type { Caller } from "@/server/auth/authenticate";
import { notFound } from "@/server/http/api-error";
import { markDayGenerationFailed } from "./day-generation-store";
import { type GenerationProgress, markGenerationFailed } from "./generation-store";

/** Where a plan's runs are, as the page polls it (/generate/status). */

/** Where a one-day regeneration is, for the status read (null when no day was ever regenerated). */
export type DayRegenerationStatus = {
  day: number;
  /** The one meal regenerated, or null for the whole day. */
  meal: string | null;
  status: "generating" | "complete" | "error";
  phase: string | null;
  error: string | null;
  /** When a restarted server took up this interrupted day run (ISO time); null if it never had to. */
  resumed_at: string | null;
} | null;

export type GenerationStatus = {
  generation_status: "idle" | "generating" | "complete" | "error";
  generation_error: string | null;
  progress: Partial<GenerationProgress>;
  /** When a restarted server took up this plan's interrupted run; null if it never had to. */
  resumed_at?: string | null;
  /** Always present in the status answer; optional for states the page builds itself. */
  day_regeneration?: DayRegenerationStatus;
  /** Only when the read asked for drafts (`drafts_after`) and the plan is generating: see DraftsSince. */
  drafts?: DraftsSince;
};

/**
 * The current run's drafted days that the reader's cursor lacks, in day
 * order, and the cursor that includes them. `generation_id` names the run:
 * drafts of another run than the reader's replace what it holds.
 */
export type DraftsSince = { generation_id: string; days: DraftDay[]; cursor: string };

export const DAY_STALE_MESSAGE = "Regenerating the day stopped responding and was abandoned; try again";

export const STALE_MESSAGE = "Generation stopped responding and was abandoned; press Generate to try again";

/**
 * One indexed read. A run that has shown no sign of life for the staleness
 * limit (longer than Inngest's own start + finish timeouts) is ended here, so
 * no plan stays generating forever.
 */
export async function readGenerationStatus(
  caller: Caller,
  planId: string,
  staleAfterMinutes: number,
  draftsAfter?: DraftCursor,
): Promise<GenerationStatus> {
  // Drafts the reader has (none for a reader of another run, whatever it names).
  const had = draftsAfter ?? { generationId: null, days: [] };
  const [[row]] = await asCaller(caller, (tx) => [
    tx<
      (Omit<GenerationStatus, "day_regeneration" | "drafts"> & {
        drafts: DraftDay[] | null;
        generation_progress: GenerationStatus["progress"];
        stale: boolean;
        generation_id: string | null;
        generation_resumed_at: Date | null;
        day_generation_id: string | null;
        day_generation_day: number | null;
        day_generation_meal: string | null;
        day_generation_status: "generating" | "complete" | "error" | null;
        day_generation_phase: string | null;
        day_generation_error: string | null;
        day_generation_resumed_at: Date | null;
        day_stale: boolean;
      })[]
    >`
      select generation_status, generation_error, generation_progress, generation_id, generation_resumed_at,
             (generation_status = 'generating'
              and generation_heartbeat_at < now() - make_interval(mins => ${staleAfterMinutes}::int)) as stale,
             day_generation_id, day_generation_day, day_generation_meal, day_generation_status, day_generation_phase,
             day_generation_error,
             day_generation_resumed_at,
             (day_generation_status = 'generating'
              and day_generation_heartbeat_at < now() - make_interval(mins => ${staleAfterMinutes}::int)) as day_stale,
             ${
               draftsAfter
                 ? tx`case when generation_status = 'generating' then (
                     select coalesce(jsonb_agg(d.day order by d.day_number), '[]'::jsonb) from meal_plan_drafts d
                     where d.plan_id = meal_plans.id and d.generation_id = meal_plans.generation_id
                       and not (d.generation_id = ${had.generationId ?? NO_RUN}::uuid and d.day_number = any(${had.days}::int[])))
                   end`
                 : tx`null`
             } as drafts
      from meal_plans where id = ${planId} and org_id = public.caller_org_id()`,
  ]);
  if (!row) throw notFound();
  const resumed_at = row.generation_resumed_at?.toISOString() ?? null;
  let dayRegeneration: DayRegenerationStatus = null;
  if (row.day_generation_status && row.day_generation_day !== null) {
    dayRegeneration = {
      day: row.day_generation_day,
      meal: row.day_generation_meal,
      status: row.day_generation_status,
      phase: row.day_generation_phase,
      error: row.day_generation_error,
      resumed_at: row.day_generation_resumed_at?.toISOString() ?? null,
    };
    if (row.day_stale && row.day_generation_id) {
      await markDayGenerationFailed(planId, row.day_generation_id, DAY_STALE_MESSAGE);
      dayRegeneration = { ...dayRegeneration, status: "error", error: DAY_STALE_MESSAGE };
    }
  }
  if (row.stale && row.generation_id) {
    await markGenerationFailed(planId, row.generation_id, STALE_MESSAGE);
    return {
      generation_status: "error",
      generation_error: STALE_MESSAGE,
      progress: row.generation_progress,
      resumed_at,
      day_regeneration: dayRegeneration,
    };
  }
  return {
    generation_status: row.generation_status,
    generation_error: row.generation_error,
    progress: row.generation_progress,
    resumed_at,
    day_regeneration: dayRegeneration,
    ...(row.drafts && row.generation_id ? { drafts: draftsSince(row.generation_id, had, row.drafts) } : {}),
  };
}

/** A generation id no run has: the drafts filter's stand-in for a reader with none. */
const NO_RUN = "00000000-0000-0000-0000-000000000000";

function draftsSince(generationId: string, had: DraftCursor, days: DraftDay[]): DraftsSince {
  const kept = had.generationId === generationId ? had.days : [];
  const cursor = draftCursor(generationId, [...kept, ...days.map((day) => day.day_number)]);
  return { generation_id: generationId, days, cursor };
}
