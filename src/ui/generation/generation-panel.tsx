"use client";

import { useEffect, useRef } from "react";
import { failureInCoachWords } from "./failure-words";
import { describeProgress } from "./generation-progress";
import type { GenerationControl } from "./use-generation";

type GenerationPanelProps = { control: GenerationControl; hasDays: boolean };

/**
 * The Generate button, the progress bar while the workflow runs, and the
 * failure in words with a Retry button. Status changes are announced through
 * a polite live region; a failure through an alert.
 */
export function GenerationPanel({ control, hasDays }: GenerationPanelProps) {
  const { status, starting, failure, pollTrouble, start, cancelling, cancel } = control;
  const statusTextRef = useRef<HTMLParagraphElement>(null);
  const failureRef = useRef<HTMLDivElement>(null);
  const moveFocusAfterStart = useRef(false);
  const generating = status.generation_status === "generating";
  const progress = describeProgress(status.generation_status, status.progress, new Set(control.drafts.days.keys()));

  // The pressed button becomes disabled (Generate) or disappears (Retry), which drops keyboard
  // focus to the top of the page. Once the start has an outcome, focus goes where the story
  // continues: the progress line, or the reason it could not start.
  useEffect(() => {
    if (!moveFocusAfterStart.current || starting) return;
    if (generating) statusTextRef.current?.focus();
    else if (failure) failureRef.current?.focus();
    else return;
    moveFocusAfterStart.current = false;
  }, [generating, failure, starting]);

  function startAndKeepFocus() {
    moveFocusAfterStart.current = true;
    void start();
  }

  const generateLabel = starting
    ? "Starting generation…"
    : generating
      ? "Generating…"
      : hasDays || status.generation_status === "complete"
        ? "Generate the plan again"
        : "Generate plan";

  return (
    <section className="generation-panel no-print" aria-labelledby="generation-heading">
      <h2 id="generation-heading" className="visually-hidden">
        Generation
      </h2>
      <div className="button-row">
        <button
          type="button"
          className="button button-primary"
          data-testid="generate"
          onClick={startAndKeepFocus}
          disabled={generating || starting}
          aria-describedby="generation-status-text"
        >
          {generateLabel}
        </button>
      </div>

      {generating ? (
        <div className="progress-block">
          <label htmlFor="generation-progress" className="progress-label">
            Generation progress
          </label>
          <progress
            id="generation-progress"
            data-testid="progress"
            max={100}
            value={progress.percent}
            aria-valuetext={`${progress.percent}%: ${progress.message}`}
          >
            {progress.percent}%
          </progress>
          <button
            type="button"
            className="button"
            data-testid="cancel-generation"
            onClick={() => void cancel()}
            disabled={cancelling}
          >
            {cancelling ? "Cancelling…" : "Cancel"}
          </button>
        </div>
      ) : null}

      <p
        id="generation-status-text"
        ref={statusTextRef}
        tabIndex={-1}
        className="generation-status"
        role="status"
        aria-live="polite"
      >
        {generating
          ? progress.message
          : statusSentence(status.generation_status, hasDays, status.progress?.phase === "cancelled")}
        {generating && hasDays ? " The previous version stays below until the new one is ready." : ""}
      </p>
      {pollTrouble ? <p className="hint">{pollTrouble}</p> : null}

      {failure && !generating ? (
        <div className="notice notice-error" role="alert" ref={failureRef} tabIndex={-1}>
          <div data-testid="generation-error">
            <p>
              <strong>The plan could not be finished.</strong> {failureInCoachWords(failure)}
            </p>
            <details>
              <summary>Details for support</summary>
              <p className="muted">{failure}</p>
            </details>
          </div>
          <button type="button" className="button" data-testid="retry" onClick={startAndKeepFocus} disabled={starting}>
            {starting ? "Retrying…" : "Retry generation"}
          </button>
        </div>
      ) : null}
    </section>
  );
}

function statusSentence(
  status: GenerationControl["status"]["generation_status"],
  hasDays: boolean,
  cancelled: boolean,
): string {
  if (cancelled && status === "complete") return "Generation cancelled; the plan below is as it was.";
  if (cancelled) return "Generation cancelled. Press Generate plan to create its days.";
  if (status === "complete") return "The plan is ready.";
  if (status === "error") {
    return hasDays
      ? "The last generation failed; the plan below is the previous version."
      : "The plan could not be generated.";
  }
  return "This plan has not been generated yet. Press Generate plan to create its days.";
}
