"use client";

import { type FormEvent, useId, useState } from "react";
import { fetchJson } from "@/ui/api/fetch-json";
import { FormError, LabelledInput } from "@/ui/form/field";
import { SEEDED_COACHES } from "./seeded-coaches";

/** Embedded default: pick a seeded coach, or type a seeded email. No password: this is a local demo. */
export function LocalSignIn({ onSignedIn }: { onSignedIn: () => void }) {
  const emailId = useId();
  const errorId = useId();
  const [email, setEmail] = useState("");
  const [pendingEmail, setPendingEmail] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function signInAs(address: string) {
    setPendingEmail(address);
    setError(null);
    const result = await fetchJson<{ access_token: string }>("/api/dev/session", {
      method: "POST",
      body: { email: address.trim() },
    });
    if (result.ok) {
      onSignedIn();
      return;
    }
    setPendingEmail(null);
    setError(
      result.status === 404
        ? "Local sign-in is switched off on this server. Ask whoever runs it for an account."
        : result.error,
    );
  }

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    void signInAs(email);
  }

  const busy = pendingEmail !== null;
  return (
    <div className="stack">
      <p>This server uses local sign-in with seeded demo coaches. No password is needed.</p>
      <div className="button-row">
        {SEEDED_COACHES.map((coach) => (
          <button
            key={coach.email}
            type="button"
            className="button button-primary"
            data-testid={coach.testId}
            disabled={busy}
            onClick={() => void signInAs(coach.email)}
          >
            {pendingEmail === coach.email ? "Signing in…" : `Sign in as ${coach.email}`}
          </button>
        ))}
      </div>

      <form className="stack" onSubmit={handleSubmit} noValidate>
        <LabelledInput
          id={emailId}
          label="Or sign in with another seeded email"
          errorId={error ? errorId : null}
          type="email"
          autoComplete="email"
          value={email}
          onChange={(event) => setEmail(event.target.value)}
          required
        />
        <div>
          <button type="submit" className="button" disabled={busy || email.trim() === ""}>
            {pendingEmail === email ? "Signing in…" : "Sign in with this email"}
          </button>
        </div>
      </form>

      <FormError id={errorId} message={error} />
    </div>
  );
}
