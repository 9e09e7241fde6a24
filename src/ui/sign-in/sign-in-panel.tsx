"use client";

import { useRouter } from "next/navigation";
import type { SupabasePublicConfig } from "@/ui/api/supabase-browser";
import { safeNextPath } from "@/ui/shell/safe-next-path";
import { LocalSignIn } from "./local-sign-in";
import { PasswordSignIn } from "./password-sign-in";

type SignInPanelProps = {
  next: string | undefined;
  /** The Supabase project when the server uses Supabase Auth; null means the seeded local coaches. */
  supabase: SupabasePublicConfig | null;
  /** The local sign-in key the link carried (`/sign-in?key=…`), if it did. */
  localSignInKey?: string | undefined;
};

/** The sign-in the server supports (it says which): Supabase email and password, or the seeded local coaches. */
export function SignInPanel({ next, supabase, localSignInKey }: SignInPanelProps) {
  const router = useRouter();

  function goOn() {
    // Parsed against this page's own origin: only a path that stays on it is followed.
    router.replace(safeNextPath(next, window.location.origin));
  }

  return supabase ? (
    <PasswordSignIn supabase={supabase} onSignedIn={goOn} />
  ) : (
    <LocalSignIn onSignedIn={goOn} signInKey={localSignInKey} />
  );
}
