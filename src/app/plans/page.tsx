import type { Metadata } from "next";
import Link from "next/link";
import { PlansList } from "@/ui/plans-list/plans-list";
import { requireSessionCookie } from "@/ui/shell/require-session-cookie";

export const metadata: Metadata = { title: "Plans" };

export default async function PlansPage() {
  await requireSessionCookie("/plans");
  return (
    <div className="stack-large">
      <div className="page-heading">
        <h1>Plans</h1>
        <Link href="/plans/new" className="button button-primary" data-testid="new-plan">
          New plan
        </Link>
      </div>
      <PlansList />
    </div>
  );
}
