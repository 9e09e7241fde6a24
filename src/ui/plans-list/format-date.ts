const dateFormat = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric" });

/** "24 Nov 2025", or the raw text if the server sent something that is not a date. */
export function formatDate(isoText: string): string {
  const date = new Date(isoText);
  return Number.isNaN(date.getTime()) ? isoText : dateFormat.format(date);
}
