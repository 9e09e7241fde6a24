import { formatStartDate } from "@/generation/calendar/plan-calendar";
import type { SharedPlan } from "@/server/share-links";
import { formatKcal } from "./format-numbers";
import { PlanBody } from "./plan-body";

/**
 * The plan as its client sees it through a share link: the title written for
 * them (never the coach's internal plan name), who it is from (the coach and
 * the business), read-only, no coach controls, printable.
 */
export function SharedPlanView({ plan, token }: { plan: SharedPlan; token: string }) {
  const expires = new Date(plan.expires_at).toLocaleDateString("en-GB", { dateStyle: "long", timeZone: "UTC" });
  return (
    <article className="plan-page stack-large" data-testid="shared-plan">
      <header className="plan-header">
        <h1 data-testid="shared-title">{plan.title}</h1>
      </header>
      <p className="shared-from" data-testid="shared-from">
        From {plan.coach_name ? <strong>{plan.coach_name}</strong> : "your coach"} at <strong>{plan.org_name}</strong>
      </p>
      <p className="muted">
        {plan.plan_length_days} {plan.plan_length_days === 1 ? "day" : "days"}
        {plan.start_date ? <>, starting {formatStartDate(plan.start_date)}</> : null}
        {plan.targets ? <> · {formatKcal(plan.targets.kcal)} per day</> : null} · this link works until {expires}.
      </p>
      <PlanBody
        plan={plan}
        pdfHref={`/shared/${encodeURIComponent(token)}/pdf`}
        storageKey={`shared:${plan.link_id}`}
      />
    </article>
  );
}
