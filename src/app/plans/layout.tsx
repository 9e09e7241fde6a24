import { connection } from "next/server";
import type { ReactNode } from "react";
import { selectedRunner } from "@/inngest/dispatch";
import { runtimeMode } from "@/server/runtime-mode";
import { AppHeader } from "@/ui/shell/app-header";
import { RuntimeBanner } from "@/ui/shell/runtime-banner";

/**
 * Every signed-in page shares the runtime banner (how this server runs, for
 * the coach and whoever deploys it) and the header with the way back to the
 * list and sign-out.
 */
export default async function PlansLayout({ children }: { children: ReactNode }) {
  // The banner reflects this server's environment, so it is read per request, never baked in at build time.
  await connection();
  return (
    <>
      <RuntimeBanner mode={runtimeMode(selectedRunner())} />
      <AppHeader />
      <main id="main">{children}</main>
    </>
  );
}
