import type { RuntimeMode } from "@/ui/api/api-types";
import { type RemedyPart, runtimeNotices } from "./runtime-notices";

/**
 * Says when the embedded stand-ins (offline planner, inline runner) are in
 * use and what to set for Claude or Inngest. Shows nothing when both real
 * services are configured. Rendered on the server, which knows its own mode.
 */
export function RuntimeBanner({ mode }: { mode: Pick<RuntimeMode, "planner" | "runner"> }) {
  const notices = runtimeNotices(mode);
  if (notices.length === 0) return null;
  return (
    <aside
      className="runtime-banner no-print"
      aria-label="How this server generates plans"
      data-testid="runtime-banner"
    >
      <ul>
        {notices.map((notice) => (
          <li key={notice.id}>
            <strong>{notice.title}.</strong> {notice.consequence} <Remedy parts={notice.remedy} />
          </li>
        ))}
      </ul>
    </aside>
  );
}

/** Environment variables and commands read as code, so they can be copied exactly. */
function Remedy({ parts }: { parts: readonly RemedyPart[] }) {
  return parts.map((part, index) =>
    typeof part === "string" ? (
      part
    ) : (
      // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one fixed sentence never reorder
      <code key={index}>{part.code}</code>
    ),
  );
}
