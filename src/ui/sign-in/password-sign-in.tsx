"use client";

import { type FormEvent, useId, useState } from "react";
import { supabaseBrowserClient } from "@/ui/api/supabase-browser";

/** A configured Supabase project: email and password through Supabase Auth (the session lands in a cookie). */
export function PasswordSignIn({ onSignedIn }: { onSignedIn: () => void }) {
  const emailId = useId();
  const passwordId = useId();
  const errorId = useId();
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (email.trim() === "" || password === "") {
      setError("Enter your email address and password.");
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const client = await supabaseBrowserClient();
      if (!client) throw new Error("Supabase sign-in is not configured on this server.");
      const { error: signInError } = await client.auth.signInWithPassword({ email: email.trim(), password });
      if (signInError) throw signInError;
      onSignedIn();
    } catch (caught) {
      setBusy(false);
      setError(caught instanceof Error ? caught.message : "Sign-in failed. Try again.");
    }
  }

  const describedBy = error ? errorId : undefined;
  return (
    <form className="stack" onSubmit={handleSubmit} noValidate>
      <div className="field">
        <label htmlFor={emailId}>Email address</label>
        <input
          id={emailId}
          type="email"
          autoComplete="email"
          value={email}
          onChange={(event) => setEmail(event.target.value)}
          aria-describedby={describedBy}
          required
        />
      </div>
      <div className="field">
        <label htmlFor={passwordId}>Password</label>
        <input
          id={passwordId}
          type="password"
          autoComplete="current-password"
          value={password}
          onChange={(event) => setPassword(event.target.value)}
          aria-describedby={describedBy}
          required
        />
      </div>
      {error ? (
        <p id={errorId} className="form-error" role="alert">
          {error}
        </p>
      ) : null}
      <div>
        <button type="submit" className="button button-primary" disabled={busy}>
          {busy ? "Signing in…" : "Sign in"}
        </button>
      </div>
    </form>
  );
}
