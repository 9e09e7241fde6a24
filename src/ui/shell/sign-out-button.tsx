"use client";

import { useState } from "react";
import { signOut } from "@/ui/api/sign-out";

export function SignOutButton() {
  const [signingOut, setSigningOut] = useState(false);

  async function handleClick() {
    setSigningOut(true);
    try {
      await signOut();
    } finally {
      // A full navigation drops every piece of client state that belonged to the coach.
      window.location.assign("/sign-in");
    }
  }

  return (
    <button type="button" className="button button-quiet" onClick={handleClick} disabled={signingOut}>
      {signingOut ? "Signing out…" : "Sign out"}
    </button>
  );
}
