import type { TokenUsage } from "@/ui/api/api-types";

/** "12,400 of 500,000 model tokens today (UTC)", or without the budget when the org has none. */
export function formatTokenUsage(usage: TokenUsage): string {
  const tokens = (value: number) => Math.round(value).toLocaleString("en-US");
  return usage.daily_budget > 0
    ? `${tokens(usage.tokens_today)} of ${tokens(usage.daily_budget)} model tokens today (UTC)`
    : `${tokens(usage.tokens_today)} model tokens today (UTC), no daily budget`;
}
