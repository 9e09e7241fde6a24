"use client";

import { type FormEvent, useState } from "react";
import { formatStartDate } from "@/generation/calendar/plan-calendar";
import { clientFacingTitle, MAX_CLIENT_TITLE_CHARS } from "@/generation/intake/plan-settings";
import type { PlanDetail } from "@/ui/api/api-types";
import { fetchJson } from "@/ui/api/fetch-json";
import { Field } from "@/ui/form/field";
import { groupIssuesByField, type IssueTarget } from "@/ui/plan-form/field-issues";

type Settings = { start_date: string | null; client_title: string | null };

/**
 * What the client's copy says, set by the coach on the plan page: the title
 * the client reads (the shared page and print; never the internal plan name)
 * and the start date that labels each day with its weekday and date. Saved
 * with PATCH /api/nutrition/plans/{planId}; the page reads the plan again.
 */
export function ClientCopyPanel({
  plan,
  onSaved,
}: {
  plan: Pick<PlanDetail, "id" | "start_date" | "client_title" | "client_name">;
  onSaved: () => void;
}) {
  const [title, setTitle] = useState(plan.client_title ?? "");
  const [startDate, setStartDate] = useState(plan.start_date ?? "");
  const [errors, setErrors] = useState<Partial<Record<IssueTarget, string[]>>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const defaultTitle = clientFacingTitle(null, plan.client_name);

  async function save(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setBusy(true);
    setMessage(null);
    const body = { client_title: title.trim() === "" ? null : title.trim(), start_date: startDate || null };
    const result = await fetchJson<Settings>(`/api/nutrition/plans/${encodeURIComponent(plan.id)}`, {
      method: "PATCH",
      body,
    });
    setBusy(false);
    if (!result.ok) {
      const issues = result.details.length > 0 ? result.details : [{ path: "(root)", message: result.error }];
      setErrors(groupIssuesByField(issues));
      return;
    }
    setErrors({});
    setMessage("Saved.");
    onSaved();
  }

  return (
    <section className="client-copy-panel no-print" aria-labelledby="client-copy-heading" data-testid="client-copy">
      <h2 id="client-copy-heading">The client&apos;s copy</h2>
      <p className="muted">
        The client reads{" "}
        <strong data-testid="client-copy-title">{clientFacingTitle(plan.client_title, plan.client_name)}</strong>
        {plan.start_date ? <>, starting {formatStartDate(plan.start_date)}</> : null}. The plan&apos;s name stays yours.
      </p>
      <form className="field-row" onSubmit={save} noValidate aria-label="The client's copy">
        <Field
          id="client-title"
          label="Title for the client"
          hint={`Blank: "${defaultTitle}".`}
          errors={errors.client_title}
        >
          {(control) => (
            <input
              {...control}
              data-testid="client-title"
              type="text"
              autoComplete="off"
              maxLength={MAX_CLIENT_TITLE_CHARS}
              placeholder={defaultTitle}
              value={title}
              onChange={(event) => setTitle(event.target.value)}
            />
          )}
        </Field>
        <Field
          id="start-date"
          label="Start date"
          hint="Day 1. Labels each day with its date."
          errors={errors.start_date}
        >
          {(control) => (
            <input
              {...control}
              data-testid="start-date"
              type="date"
              value={startDate}
              onChange={(event) => setStartDate(event.target.value)}
            />
          )}
        </Field>
        <div className="field field-action">
          <button type="submit" className="button" data-testid="client-copy-save" disabled={busy}>
            {busy ? "Saving…" : "Save"}
          </button>
          <p role="status" className="muted">
            {message ?? ""}
          </p>
          {errors.form ? (
            <p className="field-error" role="alert">
              {errors.form.join(" ")}
            </p>
          ) : null}
        </div>
      </form>
    </section>
  );
}
