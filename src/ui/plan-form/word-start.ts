/**
 * Whether a food's name has a word that starts with what the coach typed
 * (any case): "ric" finds "Brown rice, cooked" and "Rice cakes", not
 * "Licorice"; "brown ri" finds "Brown rice" (the typed text may span words).
 * A blank query matches nothing. The one rule both food searches use (the
 * disliked-foods picker and a day's "Add a food").
 */
export function matchesWordStart(name: string, query: string): boolean {
  const needle = query.trim().toLowerCase();
  if (needle === "") return false;
  const text = name.toLowerCase();
  for (let at = text.indexOf(needle); at !== -1; at = text.indexOf(needle, at + 1)) {
    if (at === 0 || !/[\p{L}\p{N}]/u.test(text[at - 1] ?? "")) return true;
  }
  return false;
}
