"use client";

import { type FormEvent, useId, useState } from "react";
import { type SupabasePublicConfig, supabaseClientFor } from "@/ui/api/supabase-browser";
import { FormError, LabelledInput } from "@/ui/form/field";

type PasswordSignInProps = { supabase: SupabasePublicConfig; onSignedIn: () => void };

/** A configured Supabase project: email and password through Supabase Auth (the session lands in a cookie). */
export function PasswordSignIn({ supabase, onSignedIn }: PasswordSignInProps) {
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
      const client = await supabaseClientFor(supabase);
      const { error: signInError } = await client.auth.signInWithPassword({ email: email.trim(), password });
      if (signInError) throw signInError;
      onSignedIn();
    } catch (caught) {
      setBusy(false);
      setError(caught instanceof Error ? caught.message : "Sign-in failed. Try again.");
    }
  }

  const shownErrorId = error ? errorId : null;
  return (
    <form className="stack" onSubmit={handleSubmit} noValidate>
      <LabelledInput
        id={emailId}
        label="Email address"
        errorId={shownErrorId}
        type="email"
        autoComplete="email"
        value={email}
        onChange={(event) => setEmail(event.target.value)}
        required
      />
      <LabelledInput
        id={passwordId}
        label="Password"
        errorId={shownErrorId}
        type="password"
        autoComplete="current-password"
        value={password}
        onChange={(event) => setPassword(event.target.value)}
        required
      />
      <FormError id={errorId} message={error} />
      <div>
        <button type="submit" className="button button-primary" disabled={busy}>
          {busy ? "Signing in…" : "Sign in"}
        </button>
      </div>
    </form>
  );
}
