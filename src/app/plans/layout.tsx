import type { ReactNode } from "react";
import { AppHeader } from "@/ui/shell/app-header";

/** Every signed-in page shares the header with the way back to the list and sign-out. */
export default function PlansLayout({ children }: { children: ReactNode }) {
  return (
    <>
      <AppHeader />
      <main id="main">{children}</main>
    </>
  );
}
