import type { Metadata } from "next";
import { PlanView } from "@/ui/plan-view/plan-view";
import { requireSessionCookie } from "@/ui/shell/require-session-cookie";

export const metadata: Metadata = { title: "Plan" };

type PlanPageProps = { params: Promise<{ planId: string }> };

export default async function PlanPage({ params }: PlanPageProps) {
  const { planId } = await params;
  await requireSessionCookie(`/plans/${encodeURIComponent(planId)}`);
  return <PlanView planId={planId} />;
}
