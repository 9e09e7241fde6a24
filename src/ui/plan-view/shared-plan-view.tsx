import type { SharedPlan } from "@/server/share-links";
import { formatKcal } from "./format-numbers";
import { PlanBody } from "./plan-body";

/** The plan as its client sees it through a share link: read-only, no coach controls, printable. */
export function SharedPlanView({ plan, token }: { plan: SharedPlan; token: string }) {
  const expires = new Date(plan.expires_at).toLocaleDateString("en-GB", { dateStyle: "long", timeZone: "UTC" });
  return (
    <article className="plan-page stack-large" data-testid="shared-plan">
      <header className="plan-header">
        <h1>{plan.name}</h1>
      </header>
      <p className="muted">
        {plan.plan_length_days} {plan.plan_length_days === 1 ? "day" : "days"}
        {plan.targets ? <> · {formatKcal(plan.targets.kcal)} per day</> : null} · shared by your coach; this link works
        until {expires}.
      </p>
      <PlanBody
        plan={plan}
        pdfHref={`/shared/${encodeURIComponent(token)}/pdf`}
        storageKey={`shared:${plan.link_id}`}
      />
    </article>
  );
}
