"use client";

import { type FormEvent, useEffect, useId, useState } from "react";
import { fetchJson } from "@/ui/api/fetch-json";
import { FormError, LabelledInput } from "@/ui/form/field";
import { SEEDED_COACHES } from "./seeded-coaches";

/**
 * Embedded default: pick a seeded coach, or type a seeded email. No password:
 * this is a local demo, opened by the sign-in link the server printed when it
 * started (its key goes with the request; src/server/auth/local-sign-in-key.ts).
 */
export function LocalSignIn({ onSignedIn, signInKey }: { onSignedIn: () => void; signInKey?: string | undefined }) {
  const emailId = useId();
  const keyId = useId();
  const errorId = useId();
  const [email, setEmail] = useState("");
  const [key, setKey] = useState(signInKey ?? "");

  // The key stays in this page's memory, not in the address bar (nor in a bookmark or a shared screenshot).
  useEffect(() => {
    const url = new URL(window.location.href);
    if (!url.searchParams.has("key")) return;
    url.searchParams.delete("key");
    window.history.replaceState(window.history.state, "", url);
  }, []);
  const [pendingEmail, setPendingEmail] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function signInAs(address: string) {
    setPendingEmail(address);
    setError(null);
    const result = await fetchJson<{ access_token: string }>("/api/dev/session", {
      method: "POST",
      body: { email: address.trim(), key: key.trim() },
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
      {signInKey ? null : (
        <>
          <p data-testid="sign-in-key-help">
            Open the sign-in link that <code>npm run dev</code> (or <code>npm start</code>) printed in its terminal when
            it started, or paste the key from <code>.data/local-sign-in-key</code> on the machine the server runs on.
            Without it nobody signs in, even through a forwarder that makes them look local.
          </p>
          <LabelledInput
            id={keyId}
            label="Sign-in key"
            errorId={null}
            type="password"
            autoComplete="off"
            value={key}
            onChange={(event) => setKey(event.target.value)}
          />
        </>
      )}
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
