import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { readSharedPlan } from "@/server/share-links";
import { SharedPlanView } from "@/ui/plan-view/shared-plan-view";

// The token is the credential: never indexed, never sent on as a Referer.
export const metadata: Metadata = {
  title: "Your meal plan",
  robots: { index: false, follow: false },
  referrer: "no-referrer",
};

type SharedPageProps = { params: Promise<{ token: string }> };

/** A plan shared with its client: no sign-in, this one plan only, until the link expires or is revoked. */
export default async function SharedPlanPage({ params }: SharedPageProps) {
  const { token } = await params;
  const plan = await readSharedPlan(token);
  if (!plan) notFound();
  return (
    <main id="main">
      <SharedPlanView plan={plan} token={token} />
    </main>
  );
}
