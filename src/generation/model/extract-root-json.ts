/**
 * The original route's brace-depth scanner, preserved verbatim: returns the first
 * balanced `{...}` in `text` (prose before and after is ignored), or null.
 *
 * Known limitation (kept on purpose: the original route's body is required unchanged):
 * it does not understand JSON strings, so a brace inside a string value
 * (e.g. `"name": "a } b"`) changes the depth and can cut the object short.
 * parseModelReply therefore tries JSON.parse on the whole reply first and only
 * falls back to this scanner for prose-wrapped replies.
 */
// biome-ignore format: the original route's body is kept verbatim (quotes and line layout included)
export function extractRootJson(text: string): string | null {
  const start = text.indexOf('{');
  if (start === -1) return null;
  let depth = 0;
  for (let i = start; i < text.length; i++) {
    if (text[i] === '{') depth++;
    else if (text[i] === '}') { depth--; if (depth === 0) return text.slice(start, i + 1); }
  }
  return null;
}
