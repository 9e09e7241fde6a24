"use client";

import Link from "next/link";
import { useEffect, useState } from "react";
import type { PlanSummary, PlansListResponse } from "@/ui/api/api-types";
import { fetchJson } from "@/ui/api/fetch-json";
import { StatusBadge } from "@/ui/shell/status-badge";
import { formatDate } from "./format-date";

type ListState = { kind: "loading" } | { kind: "failed"; error: string } | { kind: "loaded"; plans: PlanSummary[] };

/** The org's plans, newest first, each linking to its page with its generation status. */
export function PlansList() {
  const [state, setState] = useState<ListState>({ kind: "loading" });
  const [attempt, setAttempt] = useState(0);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `attempt` is the reload trigger for the Try again button
  useEffect(() => {
    let current = true;
    setState({ kind: "loading" });
    fetchJson<PlansListResponse>("/api/nutrition/plans").then((result) => {
      if (!current) return;
      setState(result.ok ? { kind: "loaded", plans: result.data.plans } : { kind: "failed", error: result.error });
    });
    return () => {
      current = false;
    };
  }, [attempt]);

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
        <button type="button" className="button" onClick={() => setAttempt((count) => count + 1)}>
          Try loading the plans again
        </button>
      </div>
    );
  }
  if (state.plans.length === 0) {
    return (
      <p className="empty-state">
        No plans yet. Press <strong>New plan</strong> to create the first one.
      </p>
    );
  }
  return (
    <ul className="plan-list">
      {state.plans.map((plan) => (
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
  );
}
