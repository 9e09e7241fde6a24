import type { GenerationStatusValue } from "@/ui/api/api-types";

/**
 * What each status means, as a tooltip. The badge's text is exactly the API's
 * status word (CSS capitalises it), so browser tests can match it.
 */
const STATUS_DESCRIPTIONS: Record<GenerationStatusValue, string> = {
  idle: "not generated yet",
  generating: "generation in progress",
  complete: "plan ready",
  error: "generation failed",
};

export function StatusBadge({ status }: { status: GenerationStatusValue }) {
  return (
    <span
      className={`status-badge status-${status}`}
      data-testid="status-badge"
      data-status={status}
      title={STATUS_DESCRIPTIONS[status]}
    >
      {status}
    </span>
  );
}
