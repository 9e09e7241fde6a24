"use client";

import { useEffect, useState } from "react";
import { loadRuntimeMode } from "@/ui/api/runtime-mode";
import { type RuntimeNotice, runtimeNotices } from "./runtime-notices";

/**
 * Says when the embedded stand-ins (offline planner, inline runner) are in
 * use and what to set for Claude or Inngest. Shows nothing when both real
 * services are configured or the server has no /api/runtime route.
 */
export function RuntimeBanner() {
  const [notices, setNotices] = useState<RuntimeNotice[]>([]);

  useEffect(() => {
    let current = true;
    loadRuntimeMode().then((mode) => {
      if (current && mode) setNotices(runtimeNotices(mode));
    });
    return () => {
      current = false;
    };
  }, []);

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
            <strong>{notice.title}.</strong> {notice.consequence}{" "}
            {notice.remedies.map((remedy) => (
              <span key={remedy}>
                <RemedyText text={remedy} />{" "}
              </span>
            ))}
          </li>
        ))}
      </ul>
    </aside>
  );
}

/** Environment variables and commands in a remedy read as code, so they can be copied exactly. */
const CODE_PATTERN = /(npx inngest-cli@latest dev|[A-Z][A-Z0-9]*_[A-Z0-9_]+(?:=1)?)/g;

function RemedyText({ text }: { text: string }) {
  const parts = text.split(CODE_PATTERN);
  return (
    <>
      {parts.map((part, index) =>
        index % 2 === 1 ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one fixed sentence never reorder
          <code key={index}>{part}</code>
        ) : (
          part
        ),
      )}
    </>
  );
}
