/**
 * What a failed generation means for the coach, in their words: the stored
 * generation_error names steps, attempts, status codes and output tokens
 * (right for support, shown folded away under it), the coach needs what
 * happened and what to do.
 */
export function failureInCoachWords(detail: string): string {
  const text = detail.toLowerCase();
  const days = /\bdays? (\d+(?:\s*[-–]\s*\d+)?)/i.exec(detail)?.[1];
  const which = days
    ? `Day${days.includes("-") || days.includes("–") ? "s" : ""} ${days.replace(/\s/g, "")}`
    : "Some days";
  if (/\b401\b|\b403\b|authentication|api key|permission/.test(text)) {
    return "The meal-planning service refused the app's access key, so nothing could be planned. Ask whoever runs the app to check its Anthropic key, then try again.";
  }
  if (/overloaded|529|rate.?limit|429|busy/.test(text)) {
    return `The meal-planning service was too busy to finish the plan (${which.toLowerCase()} could not be planned). Try again in a minute or two.`;
  }
  if (/cut off|output tokens|max_tokens|too long/.test(text)) {
    return `${which} came back incomplete from the meal-planning service. Try again; a shorter plan or fewer meals a day also helps.`;
  }
  if (/timed out|timeout|took longer/.test(text)) {
    return `${which} took too long to plan. Try again.`;
  }
  if (/spend|budget|limit/.test(text)) {
    return "Your organisation has reached its planning limit for now. Try again later, or ask your admin.";
  }
  return `${which} could not be planned. Try again; if it fails again, send the details below to support.`;
}
