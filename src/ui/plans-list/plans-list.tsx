"use client";

import Link from "next/link";
import type { PlansListResponse } from "@/ui/api/api-types";
import { useApiGet } from "@/ui/api/use-api-get";
import { StatusBadge } from "@/ui/shell/status-badge";
import { formatDate } from "./format-date";
import { formatTokenUsage } from "./format-usage";

/** The org's plans, newest first, each linking to its page with its generation status. */
export function PlansList() {
  const { state, reload } = useApiGet<PlansListResponse>("/api/nutrition/plans");

  if (state.kind === "loading") {
    return (
      <p role="status" className="muted">
        Loading plans…
      </p>
    );
  }
  if (state.kind === "failed") {
    return (
      <div className="notice notice-error" role="alert">
        <p>Could not load the plans: {state.error}</p>
        <button type="button" className="button" onClick={() => void reload()}>
          Try loading the plans again
        </button>
      </div>
    );
  }
  const { plans, usage } = state.data;
  const usageLine = (
    <p className="muted token-usage" data-testid="token-usage">
      {formatTokenUsage(usage)}
    </p>
  );
  if (plans.length === 0) {
    return (
      <>
        {usageLine}
        <p className="empty-state">
          No plans yet. Press <strong>New plan</strong> to create the first one.
        </p>
      </>
    );
  }
  return (
    <>
      {usageLine}
      <ul className="plan-list">
        {plans.map((plan) => (
          <li key={plan.id} className="plan-list-item" data-testid="plan-row">
            <div className="plan-list-main">
              <Link href={`/plans/${plan.id}`} className="plan-list-link">
                {plan.name}
              </Link>
              <p className="muted plan-list-meta">
                {plan.client_name ? `For ${plan.client_name} · ` : ""}
                {plan.plan_length_days} {plan.plan_length_days === 1 ? "day" : "days"} · created{" "}
                {formatDate(plan.created_at)}
              </p>
            </div>
            <StatusBadge status={plan.generation_status} />
          </li>
        ))}
      </ul>
    </>
  );
}
