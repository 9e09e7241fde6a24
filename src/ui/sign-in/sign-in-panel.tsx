"use client";

import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import type { RuntimeMode } from "@/ui/api/api-types";
import { loadRuntimeMode } from "@/ui/api/runtime-mode";
import { safeNextPath } from "@/ui/shell/safe-next-path";
import { LocalSignIn } from "./local-sign-in";
import { PasswordSignIn } from "./password-sign-in";

type AuthChoice = "loading" | RuntimeMode["auth"];

/** Chooses the sign-in the server supports: Supabase email and password, or the seeded local coaches. */
export function SignInPanel({ next }: { next: string | undefined }) {
  const router = useRouter();
  const [auth, setAuth] = useState<AuthChoice>("loading");

  useEffect(() => {
    let current = true;
    // No /api/runtime route means an older server: it can only have local sign-in.
    loadRuntimeMode().then((mode) => {
      if (current) setAuth(mode?.auth ?? "local");
    });
    return () => {
      current = false;
    };
  }, []);

  function goOn() {
    router.replace(safeNextPath(next));
  }

  if (auth === "loading") {
    return (
      <p role="status" className="muted">
        Checking how this server signs people in…
      </p>
    );
  }
  return auth === "supabase" ? <PasswordSignIn onSignedIn={goOn} /> : <LocalSignIn onSignedIn={goOn} />;
}
