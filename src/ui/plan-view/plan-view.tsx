"use client";

import Link from "next/link";
import { memo, useCallback, useEffect, useState } from "react";
import { clientFacingTitle } from "@/generation/intake/plan-settings";
import type { PlanDay, PlanDetail } from "@/ui/api/api-types";
import { fetchJson } from "@/ui/api/fetch-json";
import { useApiGet } from "@/ui/api/use-api-get";
import { GenerationPanel } from "@/ui/generation/generation-panel";
import { useGeneration } from "@/ui/generation/use-generation";
import { useFoods } from "@/ui/plan-form/use-foods";
import { StatusBadge } from "@/ui/shell/status-badge";
import { searchAddableFoods } from "./addable-foods";
import { ClientCopyPanel } from "./client-copy-panel";
import type { SendEdit } from "./day-edit";
import { DraftDays } from "./draft-days";
import { PlanBody } from "./plan-body";
import { PlanSummary } from "./plan-summary";
import { SharePanel } from "./share-panel";
import { useDayRegeneration } from "./use-day-regeneration";

/** The plan page: loads the plan, then shows it with generation controls, charts, days and groceries. */
export function PlanView({ planId }: { planId: string }) {
  const { state, reload } = useApiGet<PlanDetail>(`/api/nutrition/plans/${encodeURIComponent(planId)}`);

  if (state.kind === "loading") {
    return (
      <p role="status" className="muted">
        Loading the plan…
      </p>
    );
  }
  if (state.kind === "failed") {
    return (
      <div className="notice notice-error" role="alert">
        <h1>{state.status === 404 || state.status === 400 ? "Plan not found" : "Could not load the plan"}</h1>
        <p>
          {state.status === 404 || state.status === 400
            ? "It may have been deleted, or it belongs to another organisation."
            : state.error}
        </p>
        <p>
          <Link href="/plans">Back to all plans</Link>
        </p>
      </div>
    );
  }
  return <LoadedPlan plan={state.data} reload={reload} />;
}

/** Holds the generation state: each status poll re-renders this and the panel, not the plan's days (CoachPlanBody). */
function LoadedPlan({ plan, reload }: { plan: PlanDetail; reload: () => Promise<void> }) {
  const onComplete = useCallback(() => void reload(), [reload]);
  const generation = useGeneration(
    plan.id,
    plan.plan_length_days,
    { generation_status: plan.generation_status, generation_error: plan.generation_error, progress: plan.progress },
    onComplete,
  );
  // The saved plan, read again after the run completed, replaces the drafts.
  const { clearDrafts } = generation;
  useEffect(() => {
    if (plan.generation_status === "complete" && plan.progress?.phase === "done") clearDrafts();
  }, [plan, clearDrafts]);

  return (
    <article className="plan-page stack-large">
      <p className="no-print">
        <Link href="/plans">← All plans</Link>
      </p>
      <header className="plan-header">
        {/* Print is the client's copy: their title, not the internal name; no brief or notes. */}
        <h1>
          <span className="no-print">{plan.name}</span>
          <span className="print-only">{clientFacingTitle(plan.client_title, plan.client_name)}</span>
        </h1>
        <StatusBadge status={generation.status.generation_status} />
      </header>
      <PlanSummary plan={plan} />
      <ClientCopyPanel key={plan.updated_at} plan={plan} onSaved={onComplete} />

      <GenerationPanel control={generation} hasDays={plan.days.length > 0} />

      <DraftDays days={generation.drafts.days} stopped={generation.drafts.stopped} />

      <CoachPlanBody
        plan={plan}
        reload={reload}
        wholePlanRunning={generation.status.generation_status === "generating"}
        complete={generation.status.generation_status === "complete"}
      />
    </article>
  );
}

/**
 * The finished plan with the coach's controls: each day can be regenerated
 * or edited by hand (each edit's answer replaces its day at once, charts
 * and grocery list included), and the plan shared. Memoised on the plan
 * object, which only changes when the plan is loaded again.
 */
const CoachPlanBody = memo(function CoachPlanBody({
  plan,
  reload,
  wholePlanRunning,
  complete,
}: {
  plan: PlanDetail;
  reload: () => Promise<void>;
  wholePlanRunning: boolean;
  /** The PDF is offered only for a complete plan (its route answers 409 otherwise). */
  complete: boolean;
}) {
  const onChanged = useCallback(() => void reload(), [reload]);
  const dayRun = useDayRegeneration(plan.id, plan.day_regeneration, onChanged);
  const foods = useFoods();
  // Days as the coach's edits answered them, until the plan is read again.
  const [edited, setEdited] = useState<ReadonlyMap<number, PlanDay>>(new Map());
  // How the plan's foods are bought as the newest edit answered (a food it brought in included).
  const [shopping, setShopping] = useState<PlanDetail["shopping"] | null>(null);
  const [editing, setEditing] = useState(false);
  useEffect(() => {
    if (plan) {
      setEdited(new Map());
      setShopping(null);
    }
  }, [plan]);
  const send: SendEdit = useCallback(async (path, method, body) => {
    setEditing(true);
    const result = await fetchJson<{ day: PlanDay; shopping?: PlanDetail["shopping"] }>(path, { method, body });
    setEditing(false);
    if (!result.ok) return result.error;
    const day = result.data.day;
    setEdited((current) => new Map(current).set(day.day_number, day));
    if (result.data.shopping) setShopping(result.data.shopping);
    return null;
  }, []);
  if (plan.days.length === 0) return null;
  const busy = wholePlanRunning || dayRun.running !== null || editing;
  const days = plan.days.map((day) => edited.get(day.day_number) ?? day);
  return (
    <PlanBody
      plan={{ ...plan, days, shopping: shopping ?? plan.shopping }}
      pdfHref={complete ? `/api/nutrition/plans/${encodeURIComponent(plan.id)}/pdf` : null}
      storageKey={plan.id}
      editFor={(day) => ({
        planId: plan.id,
        onRegenerate: (number, meal) => void dayRun.regenerate(number, meal),
        regeneratingPhase:
          dayRun.running?.day === day.day_number && dayRun.running.meal === null
            ? (dayRun.running.phase ?? "queued")
            : null,
        regeneratingMeal:
          dayRun.running?.day === day.day_number && dayRun.running.meal !== null
            ? { meal: dayRun.running.meal, phase: dayRun.running.phase ?? "queued" }
            : null,
        busy,
        failure: dayRun.failure?.day === day.day_number ? dayRun.failure.message : null,
        failedMeal: dayRun.failure?.day === day.day_number ? dayRun.failure.meal : null,
        send,
        searchFoods: (query, which, mealIndex) =>
          foods.kind === "loaded" ? searchAddableFoods(foods.foods, query, which, mealIndex, plan) : [],
      })}
    >
      <SharePanel planId={plan.id} />
    </PlanBody>
  );
});
