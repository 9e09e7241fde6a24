import type { Metadata } from "next";
import Link from "next/link";
import { NewPlanForm } from "@/ui/plan-form/new-plan-form";
import { requireSessionCookie } from "@/ui/shell/require-session-cookie";

export const metadata: Metadata = { title: "New plan" };

export default async function NewPlanPage() {
  await requireSessionCookie("/plans/new");
  return (
    <div className="stack-large narrow">
      <p>
        <Link href="/plans">← All plans</Link>
      </p>
      <h1>New plan</h1>
      <p className="muted">Describe what the client needs. After creating the plan you can generate its days.</p>
      <NewPlanForm />
    </div>
  );
}
