/**
 * Free text from a coach or client reaches the prompt, so it is normalised
 * and capped here: control characters become spaces, whitespace runs collapse,
 * and anything past `maxChars` is cut with an ellipsis.
 */
export function capText(text: string, maxChars: number): string {
  const clean = withoutControlCharacters(text).replace(/\s+/g, " ").trim();
  if (clean.length <= maxChars) return clean;
  return `${clean.slice(0, Math.max(0, maxChars - 1)).trimEnd()}…`;
}

function withoutControlCharacters(text: string): string {
  let out = "";
  for (const char of text) {
    const code = char.charCodeAt(0);
    out += code < 0x20 || code === 0x7f ? " " : char;
  }
  return out;
}
