"use client";

import { useState } from "react";
import { fetchJson } from "@/ui/api/fetch-json";

type CreatedLink = { url: string; expires_at: string };

/**
 * Share the plan with the client: a read-only link (shown once, since only
 * its hash is kept), a Copy button, and Revoke, which stops every link of the
 * plan at once.
 */
export function SharePanel({ planId }: { planId: string }) {
  const [link, setLink] = useState<CreatedLink | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const sharePath = `/api/nutrition/plans/${encodeURIComponent(planId)}/share`;

  async function create() {
    setBusy(true);
    setError(null);
    setMessage(null);
    const result = await fetchJson<CreatedLink>(sharePath, { method: "POST", body: {} });
    setBusy(false);
    if (result.ok) setLink(result.data);
    else setError(result.error);
  }

  async function copy() {
    if (!link) return;
    try {
      await navigator.clipboard.writeText(link.url);
      setMessage("Link copied.");
    } catch {
      setMessage("Copy was blocked by the browser; select the link and copy it by hand.");
    }
  }

  async function revoke() {
    setBusy(true);
    setError(null);
    const result = await fetchJson<{ revoked: number }>(sharePath, { method: "DELETE" });
    setBusy(false);
    if (!result.ok) {
      setError(result.error);
      return;
    }
    setLink(null);
    setMessage(
      result.data.revoked === 0
        ? "There were no working links to revoke."
        : "Every link to this plan has been revoked; it no longer opens.",
    );
  }

  return (
    <section className="share-panel no-print" aria-labelledby="share-heading" data-testid="share-panel">
      <h2 id="share-heading">Share with the client</h2>
      <p className="muted">A read-only link to this plan and its grocery list; no sign-in needed.</p>
      <div className="button-row">
        <button
          type="button"
          className="button"
          data-testid="share-create"
          onClick={() => void create()}
          disabled={busy}
        >
          {link ? "Create another link" : "Create a share link"}
        </button>
        <button
          type="button"
          className="button"
          data-testid="share-revoke"
          onClick={() => void revoke()}
          disabled={busy}
        >
          Revoke all links
        </button>
      </div>
      {link ? (
        <div className="share-link">
          <label htmlFor="share-url">
            Link (shown once; works until {new Date(link.expires_at).toLocaleDateString()})
          </label>
          <input id="share-url" data-testid="share-url" readOnly value={link.url} onFocus={(e) => e.target.select()} />
          <button type="button" className="button" data-testid="share-copy" onClick={() => void copy()}>
            Copy link
          </button>
        </div>
      ) : null}
      <p role="status" aria-live="polite" data-testid="share-message">
        {message}
      </p>
      {error ? (
        <p className="field-error" role="alert">
          {error}
        </p>
      ) : null}
    </section>
  );
}
